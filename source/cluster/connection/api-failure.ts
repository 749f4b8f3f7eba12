/**
What went wrong talking to the API server, sorted by what the watch loop must do about it, with a message that is
safe to show (server URL without credentials, never a token).
*/
import type {IncomingHttpHeaders} from 'node:http';
import type {Status} from '../../kube/types.js';

/** A classified failure. */
export type ApiFailure =
	/** 410 Gone / Expired: the resourceVersion is too old; relist. */
	| {readonly kind: 'expired'; readonly message: string}
	/** 403: this kind is not allowed; the others go on. */
	| {readonly kind: 'forbidden'; readonly message: string}
	/** Anything worth retrying with backoff (network, 5xx, 429, 401, TLS, a stall). */
	| {readonly kind: 'retry'; readonly message: string; readonly retryAfterMs?: number}
	/** A request the server will never accept as it is (400, 404, …). */
	| {readonly kind: 'failed'; readonly message: string};

/** An Error carrying an ApiFailure, thrown inside the watch loop. */
export class ApiFailureError extends Error {
	constructor(readonly failure: ApiFailure) {
		super(failure.message);
		this.name = 'ApiFailureError';
	}
}

const tlsCodes = new Set([
	'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
	'UNABLE_TO_GET_ISSUER_CERT',
	'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
	'SELF_SIGNED_CERT_IN_CHAIN',
	'DEPTH_ZERO_SELF_SIGNED_CERT',
	'CERT_HAS_EXPIRED',
	'CERT_NOT_YET_VALID',
	'CERT_UNTRUSTED',
	'CERT_SIGNATURE_FAILURE',
	'ERR_TLS_CERT_ALTNAME_INVALID',
]);

const networkWords: Record<string, string> = {
	ECONNREFUSED: 'connection refused',
	ECONNRESET: 'connection reset',
	ETIMEDOUT: 'timed out',
	EHOSTUNREACH: 'host unreachable',
	ENETUNREACH: 'network unreachable',
	ENOTFOUND: 'host not found',
	EAI_AGAIN: 'DNS lookup failed',
	EPIPE: 'connection closed',
	UND_ERR_SOCKET: 'connection closed',
};

/** Parses a Status body, if the body is one. */
export function parseStatus(body: string): Partial<Status> | undefined {
	try {
		const parsed = JSON.parse(body) as Partial<Status>;
		return parsed && typeof parsed === 'object' && parsed.kind === 'Status' ? parsed : undefined;
	} catch {
		return undefined;
	}
}

/** Classifies an HTTP error response (or an in-stream ERROR Status). `what` names the request, e.g. "watch jobs". */
export function httpFailure(status: number, statusBody: Partial<Status> | undefined, headers: IncomingHttpHeaders, what: string): ApiFailure {
	const message = firstLine(statusBody?.message ?? '');
	if (status === 410 || statusBody?.reason === 'Expired' || statusBody?.reason === 'Gone') {
		return {kind: 'expired', message: `${what}: resource version expired`};
	}

	// The server is behind the version we hold (a lagging cache, or etcd restored from a backup): a fresh list is
	// always consistent, while waiting may never end.
	if (statusBody?.details?.causes?.some(cause => cause.reason === 'ResourceVersionTooLarge')) {
		return {kind: 'expired', message: `${what}: resource version ahead of the server`};
	}

	if (status === 403) {
		return {kind: 'forbidden', message: message || `${what}: forbidden`};
	}

	if (status === 401) {
		return {kind: 'retry', message: `credentials rejected or expired (401 Unauthorized)`};
	}

	const retryAfterMs = retryAfter(headers['retry-after'], statusBody);
	if (status === 429 || status >= 500) {
		const text = `${what}: ${status}${message ? ` ${message}` : ''}`;
		return retryAfterMs === undefined ? {kind: 'retry', message: text} : {kind: 'retry', message: text, retryAfterMs};
	}

	return {kind: 'failed', message: `${what}: ${status}${message ? ` ${message}` : ''}`};
}

/** Classifies an error thrown while connecting or reading (network, TLS, exec plugin). */
export function transportFailure(error: unknown, server: string): ApiFailure {
	if (error instanceof ApiFailureError) {
		return error.failure;
	}

	if (error instanceof Error && error.name === 'CredentialError') {
		return {kind: 'retry', message: `cannot get credentials for ${server}: ${firstLine(error.message)}`};
	}

	const code = (error as {code?: string}).code ?? (error as {cause?: {code?: string}}).cause?.code;
	if (code && tlsCodes.has(code)) {
		return {kind: 'retry', message: `certificate not trusted (${server}): ${code}`};
	}

	if (code && networkWords[code]) {
		return {kind: 'retry', message: `cannot reach ${server}: ${networkWords[code]}`};
	}

	const text = error instanceof Error ? firstLine(error.message) : String(error);
	return {kind: 'retry', message: `cannot reach ${server}: ${text || 'connection failed'}`};
}

/** The longest Retry-After honoured: a server asking for more (by mistake, or 10^11 s) is asked again after this. */
export const longestRetryAfterMs = 300_000;

function retryAfter(header: string | string[] | undefined, statusBody: Partial<Status> | undefined): number | undefined {
	const value = Array.isArray(header) ? header[0] : header;
	const seconds = value === undefined ? statusBody?.details?.retryAfterSeconds : Number(value);
	return seconds !== undefined && Number.isFinite(seconds) && seconds >= 0 ? Math.min(seconds * 1000, longestRetryAfterMs) : undefined;
}

// Messages from libraries may run over several lines (and quote input); the screen shows one.
function firstLine(text: string): string {
	return (text.split('\n')[0] ?? '').slice(0, 300);
}
