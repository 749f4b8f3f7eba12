/**
Turns whatever an action throws into one line for the message line: the gate's read-only text, a short
`forbidden: cannot delete jobs in namespace batch` for a 403, else the API's own Status message.
*/
import {ReadOnlyError} from './gate.js';

/** What was attempted, for the 403 wording. */
export type Attempt = {readonly verb: string; readonly resource: string; readonly namespace?: string};

type ApiLikeError = {code?: unknown; body?: unknown; message?: unknown};

/** The `message` of a Status body (client-node 1.4 hands the error body over as a JSON string). */
export function statusMessage(body: unknown): string | undefined {
	let parsed = body;
	if (typeof body === 'string') {
		try {
			parsed = JSON.parse(body) as unknown;
		} catch {
			return body.trim() || undefined;
		}
	}

	if (typeof parsed === 'object' && parsed !== null && typeof (parsed as {message?: unknown}).message === 'string') {
		return (parsed as {message: string}).message;
	}

	return undefined;
}

/** The 403 wording: what the user may not do, and where. */
export function forbiddenMessage(attempt: Attempt): string {
	const where = attempt.namespace === undefined ? 'at the cluster scope' : `in namespace ${attempt.namespace}`;
	return `forbidden: cannot ${attempt.verb} ${attempt.resource} ${where}`;
}

/** Whether an error thrown by an action is the API's 403. */
export function isForbidden(error: unknown): boolean {
	return typeof error === 'object' && error !== null && (error as ApiLikeError).code === 403;
}

/** One readable line for an error thrown while carrying out `attempt`. */
export function actionErrorMessage(error: unknown, attempt: Attempt): string {
	if (error instanceof ReadOnlyError) {
		return error.message;
	}

	const apiError = (typeof error === 'object' && error !== null ? error : {}) as ApiLikeError;
	if (typeof apiError.code === 'number') {
		if (apiError.code === 403) {
			return forbiddenMessage(attempt);
		}

		return statusMessage(apiError.body) ?? `the API server answered ${apiError.code}`;
	}

	if (error instanceof Error) {
		return error.message;
	}

	return String(error);
}
