/**
What every request handler works with, and the parsed request.
*/
import type {IncomingHttpHeaders, ServerResponse} from 'node:http';
import type {SimClock} from '../clock.js';
import type {ListSnapshots} from './list.js';
import type {SimLogs} from '../logs.js';
import type {RbacRule} from './rbac.js';
import {badRequest} from './status.js';
import type {SimStore} from '../store.js';
import type {WatchHub} from './watch.js';

/** The server's state shared by all handlers. */
export type ApiContext = {
	readonly store: SimStore;
	readonly logs: SimLogs;
	readonly clock: SimClock;
	readonly hub: WatchHub;
	readonly snapshots: ListSnapshots;
	readonly rbac: () => readonly RbacRule[] | undefined;
	/** Open pods/log responses, so stop() can end them. */
	readonly logStreams: Set<ServerResponse>;
	/** Random source for watch timeouts. */
	readonly random: () => number;
};

/** A request as handlers see it. */
export type ApiRequest = {
	readonly method: string;
	readonly url: URL;
	readonly headers: IncomingHttpHeaders;
	readonly body: Buffer;
};

/** The request body as JSON; 400 BadRequest with a Go-like message when it does not parse. */
export function jsonBody(request: ApiRequest): unknown {
	const text = request.body.toString('utf8');
	if (text.trim() === '') {
		return undefined;
	}

	try {
		return JSON.parse(text) as unknown;
	} catch (error) {
		throw badRequest(`couldn't get version/kind; json parse error: ${error instanceof SyntaxError ? error.message : 'invalid JSON'}`);
	}
}

/** The media type of the body, without parameters. */
export function contentType(request: ApiRequest): string {
	return (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
}

/** RFC 3339 with second precision, as Kubernetes timestamps are. */
export function rfc3339(ms: number): string {
	return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
