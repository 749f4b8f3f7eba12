/**
`Status` objects, the shape every API error (and some successes) take on the wire.
*/
import type {ServerResponse} from 'node:http';
import type {Status} from '../../kube/types.js';
import {SimError} from '../store.js';

/** The Status body of an error. */
export function statusOf(error: SimError): Status {
	const status: Status = {kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: error.message, reason: error.reason, code: error.code};
	if (error.details && Object.keys(error.details).length > 0) {
		status.details = error.details as Status['details'];
	}

	return status;
}

/** Turns anything thrown while serving a request into an API error (unexpected ones become 500 InternalError). */
export function toSimError(error: unknown): SimError {
	if (error instanceof SimError) {
		return error;
	}

	const message = error instanceof Error ? error.message : String(error);
	return new SimError(500, 'InternalError', `Internal error occurred: ${message}`);
}

/** Writes a JSON body with the given status code. */
export function sendJson(res: ServerResponse, code: number, body: unknown): void {
	const text = JSON.stringify(body);
	res.writeHead(code, {'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text)});
	res.end(text);
}

/** Writes an error as a Status. */
export function sendError(res: ServerResponse, error: unknown): void {
	const simError = toSimError(error);
	if (res.headersSent) {
		res.destroy();
		return;
	}

	sendJson(res, simError.code, statusOf(simError));
}

/** 400 BadRequest. */
export function badRequest(message: string): SimError {
	return new SimError(400, 'BadRequest', message);
}

/** A field problem for a 422 Invalid. */
export type Cause = {field: string; message: string; reason?: string};

/** 422 Invalid naming the qualified kind, as `NewInvalid` does: `Job.batch "demo" is invalid: <causes>`. */
export function invalid(qualifiedKind: string, name: string, causes: Cause[]): SimError {
	const text = causes.map(cause => `${cause.field}: ${cause.message}`);
	const summary = text.length === 1 ? text[0]! : `[${text.join(', ')}]`;
	const kind = qualifiedKind.split('.')[0]!;
	const group = qualifiedKind.includes('.') ? qualifiedKind.slice(kind.length + 1) : undefined;
	return new SimError(422, 'Invalid', `${qualifiedKind} "${name}" is invalid: ${summary}`, {
		name,
		...(group ? {group} : {}),
		kind,
		causes: causes.map(cause => ({reason: cause.reason ?? 'FieldValueInvalid', message: cause.message, field: cause.field})),
	});
}
