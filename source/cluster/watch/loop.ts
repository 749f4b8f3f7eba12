/**
One kind's list-then-watch loop, as client-go's reflector does it: list in pages, watch from the list's
resourceVersion with bookmarks, resume after a clean close, relist after 410, back off on errors, and restart a watch
that has gone silent. It runs until its signal aborts.
*/
import type {KubeObject, Status} from '../../kube/types.js';
import {sleep} from '../../store/clock.js';
import type {WatchEvent, WatchState} from '../../store/types.js';
import {ApiFailureError, httpFailure, parseStatus, transportFailure, type ApiFailure} from '../connection/api-failure.js';
import {openRequest} from '../connection/kube-request.js';
import {listAll, type ListOptions} from './list-all.js';
import {collectionPath} from './resources.js';
import {maxNesting, storedObject} from './stored-object.js';
import {malformation, nestedTooDeep} from './object-shape.js';

/**
Retry timing: connection failures back off from `initialMs` to `maxMs`; a forbidden or unavailable API (an answer, not
a broken connection) is asked again every `recheckMs` (default `maxMs`).
*/
export type BackoffOptions = {initialMs: number; maxMs: number; recheckMs?: number; random: () => number};

/** What one loop needs: what its lists need, and how it watches and retries. */
export type WatchLoopOptions = ListOptions & {
	emit: (event: WatchEvent) => void;
	/** Asked of the server for each watch; it closes the stream after this long. */
	timeoutSeconds: number;
	/** Silence beyond timeoutSeconds after which the watch counts as dead. */
	stallMarginMs: number;
	backoff: BackoffOptions;
};

/** The delay before retry number `attempt` (1-based): exponential, capped, with jitter in [50 %, 100 %]. */
export function backoffDelay(attempt: number, backoff: BackoffOptions): number {
	const ceiling = Math.min(backoff.maxMs, backoff.initialMs * 2 ** Math.min(attempt - 1, 30));
	return Math.round(ceiling * (0.5 + backoff.random() * 0.5));
}

/** Runs the loop until `signal` aborts; never rejects. */
export async function runWatchLoop(options: WatchLoopOptions, signal: AbortSignal): Promise<void> {
	const {kind, clock, emit} = options;
	const setState = (state: WatchState) => {
		emit({type: 'status', kind, state});
	};

	// The watch moves the cursor with every event, so a broken stream resumes from the last event it delivered.
	const cursor: Cursor = {resourceVersion: undefined};
	let attempt = 0;
	let live = false;
	let expiredInARow = 0;
	let watchedFrom: string | undefined;
	const becomeLive = () => {
		if (!live) {
			live = true;
			setState({phase: 'live', since: clock.now()});
		}
	};

	setState({phase: 'connecting'});
	while (!signal.aborted) {
		try {
			if (cursor.resourceVersion === undefined) {
				const version = await listInto(options, signal, () => live, setState);
				if (version === undefined) {
					break;
				}

				cursor.resourceVersion = version;
				attempt = 0;
				becomeLive();
			}

			const startedAt = clock.now();
			watchedFrom = cursor.resourceVersion;
			const lines = await watchOnce(options, cursor, signal, becomeLive);
			expiredInARow = 0;
			// A server (or proxy) that ends every watch at once, empty, would otherwise be hammered in a tight loop.
			if (lines === 0 && clock.now() - startedAt < 1000 && !signal.aborted) {
				throw new ApiFailureError({kind: 'retry', message: `watch ${kind}: the server closed the watch at once`});
			}

			attempt = 0;
		} catch (error) {
			if (signal.aborted) {
				break;
			}

			const failure: ApiFailure = transportFailure(error, options.server);
			if (failure.kind === 'expired') {
				cursor.resourceVersion = undefined;
				expiredInARow++;
				// A relist right away, as the reflector does; only a server that keeps expiring fresh versions is slowed down.
				if (expiredInARow > 2) {
					await sleep(clock, backoffDelay(expiredInARow - 2, options.backoff), signal);
				}

				continue;
			}

			live = false;
			// A watch that delivered events before it broke was healthy: the backoff starts over.
			if (cursor.resourceVersion !== watchedFrom) {
				attempt = 0;
			}

			watchedFrom = undefined;
			attempt++;
			if (failure.kind === 'forbidden' || failure.kind === 'failed') {
				// Permissions and API availability change rarely: check again at the slowest pace, relisting on success.
				cursor.resourceVersion = undefined;
				setState(failure.kind === 'forbidden' ? {phase: 'forbidden', message: failure.message} : {phase: 'failed', error: failure.message});
				await sleep(clock, options.backoff.recheckMs ?? options.backoff.maxMs, signal);
				continue;
			}

			const delay = failure.retryAfterMs ?? backoffDelay(attempt, options.backoff);
			setState({phase: 'reconnecting', nextAttemptAt: clock.now() + delay, attempt, error: failure.message});
			await sleep(clock, delay, signal);
		}
	}
}

/**
Lists the kind into the store (page by page, then the whole list as the new truth) and returns the version to watch
from, or undefined when aborted. A function of its own so the list is gone once it returns: kept in the loop's frame,
it held every object as first listed while the watch ran for hours, and as the store replaced them one by one with
newer versions the process came to hold a second copy of the cluster (at 100,000 pods, hundreds of megabytes).
*/
async function listInto(options: WatchLoopOptions, signal: AbortSignal, live: () => boolean, setState: (state: WatchState) => void): Promise<string | undefined> {
	const {kind, emit} = options;
	let listed = 0;
	const list = await listAll(options, signal, (objects, first) => {
		// Each page shows at once; the count says how far the list has come until the watch is live.
		emit({type: 'list-page', kind, objects, first});
		listed = first ? objects.length : listed + objects.length;
		if (!live() && listed > 0) {
			setState({phase: 'listing', listed});
		}
	}, object => {
		emit({type: 'malformed', kind, object});
	});
	if (signal.aborted) {
		return undefined;
	}

	emit({type: 'relist', kind, objects: list.items});
	// A server that sends no version gets a watch from "0" (any): it replays what exists, which upserts harmlessly.
	return list.resourceVersion ?? '0';
}

type Cursor = {resourceVersion: string | undefined};

type WatchLine = {type?: string; object?: KubeObject & Partial<Status>};

// Resolves with the number of lines received once the server ends the stream cleanly.
async function watchOnce(options: WatchLoopOptions, cursor: Cursor, signal: AbortSignal, onConnected: () => void): Promise<number> {
	const {kind} = options;
	const what = `watch ${kind}`;
	const controller = new AbortController();
	let stalled = false;
	// The server ends every stream after timeoutSeconds (a real one sends a bookmark just before): silence beyond that
	// means the connection is dead without having said so.
	const silenceMs = options.timeoutSeconds * 1000 + options.stallMarginMs;
	let cancelStall = () => {};
	const armStall = () => {
		cancelStall();
		cancelStall = options.clock.setTimer(() => {
			stalled = true;
			controller.abort();
		}, silenceMs);
	};

	const onAbort = () => {
		controller.abort();
	};

	signal.addEventListener('abort', onAbort, {once: true});
	armStall();
	try {
		const query = {watch: 1, resourceVersion: cursor.resourceVersion, allowWatchBookmarks: true, timeoutSeconds: options.timeoutSeconds, labelSelector: options.labelSelector};
		const stream = await openRequest(options.kubeConfig, {method: 'GET', path: collectionPath(kind, options.namespace), query, signal: controller.signal});
		if (stream.status !== 200) {
			const chunks: Buffer[] = [];
			for await (const chunk of stream.response) {
				chunks.push(chunk as Buffer);
			}

			throw new ApiFailureError(httpFailure(stream.status, parseStatus(Buffer.concat(chunks).toString('utf8')), stream.headers, what));
		}

		onConnected();
		let pending = '';
		let lines = 0;
		for await (const chunk of stream.response) {
			pending += (chunk as Buffer).toString('utf8');
			let newline = pending.indexOf('\n');
			while (newline !== -1) {
				const line = pending.slice(0, newline).trim();
				pending = pending.slice(newline + 1);
				newline = pending.indexOf('\n');
				if (line) {
					lines++;
					cursor.resourceVersion = handleLine(options, parseLine(line, what), cursor.resourceVersion, what);
				}
			}

			armStall();
		}

		return lines;
	} catch (error) {
		if (stalled) {
			throw new ApiFailureError({kind: 'retry', message: `${what}: no events or bookmarks for ${Math.round(silenceMs / 1000)} s`});
		}

		throw error;
	} finally {
		cancelStall();
		signal.removeEventListener('abort', onAbort);
	}
}

// A line that is not JSON means the stream is corrupt (a proxy cut it, say): resume from the last good event.
function parseLine(text: string, what: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		throw new ApiFailureError({kind: 'retry', message: `${what}: malformed event from the server (${text.length} characters)`});
	}
}

function handleLine(options: WatchLoopOptions, parsed: unknown, resourceVersion: string | undefined, what: string): string | undefined {
	// Valid JSON that is not an event with an object carries nothing to apply: skip it rather than break the stream.
	const line = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as WatchLine;
	const object = line.object;
	if (typeof object !== 'object' || object === null) {
		return resourceVersion;
	}

	if (line.type === 'ERROR') {
		throw new ApiFailureError(httpFailure(object.code ?? 500, object, {}, what));
	}

	const version: unknown = (object.metadata as {resourceVersion?: unknown} | null | undefined)?.resourceVersion;
	const next = typeof version === 'string' ? version : resourceVersion;
	if (line.type === 'BOOKMARK') {
		return next;
	}

	// A malformed object is skipped and named rather than let in to break rendering (object-shape.ts).
	const bad = malformation(options.kind, object);
	if (bad) {
		if (options.kind !== 'events' && (line.type === 'ADDED' || line.type === 'MODIFIED' || line.type === 'DELETED')) {
			options.emit({type: 'malformed', kind: options.kind, object: bad});
		}

		return next;
	}

	if (options.accept && !options.accept(object)) {
		return next;
	}

	const normalized = storedObject(object, options.interner);
	if (!normalized) {
		if (options.kind !== 'events' && (line.type === 'ADDED' || line.type === 'MODIFIED' || line.type === 'DELETED')) {
			options.emit({type: 'malformed', kind: options.kind, object: nestedTooDeep(options.kind, object, maxNesting)});
		}

		return next;
	}

	if (line.type === 'DELETED') {
		options.emit({type: 'delete', kind: options.kind, object: normalized});
	} else if (line.type === 'ADDED' || line.type === 'MODIFIED') {
		options.emit({type: 'upsert', kind: options.kind, object: normalized});
	}

	return next;
}
