/**
Watch streams: newline-delimited JSON events over a chunked 200 response, with replay (no resourceVersion or "0"),
resume from a resourceVersion through the store's history, 410 Expired as an in-stream ERROR followed by the end of
the stream, bookmarks, timeouts, selector transitions (an object that stops matching is DELETED, one that starts
matching is ADDED), Table events, and the fault hooks tests use (expire, drop, stall).
*/
import type {ServerResponse} from 'node:http';
import type {KubeObject} from '../../kube/types.js';
import type {ObjectFilter} from './selectors.js';
import {statusOf} from './status.js';
import {buildTable, type TableRequest, withType} from './table.js';
import {apiVersionOf, infoOf, resourceInfos} from './resources.js';
import type {SimClock} from '../clock.js';
import {SimError, type SimKind, type SimStore, type StoreEvent} from '../store.js';

/** What one watch request asked for. */
export type WatchRequest = {
	kind: SimKind;
	filter: ObjectFilter;
	/** The `resourceVersion` query parameter ('' when absent). */
	resourceVersion: string;
	bookmarks: boolean;
	/** Send the initial state then a BOOKMARK marked `k8s.io/initial-events-end` (sendInitialEvents=true). */
	initialEvents: boolean;
	timeoutMs: number;
	table?: TableRequest;
};

/** `startRv`: the version the watch began from; a bookmark must be newer than it to be sent. */
type Watcher = WatchRequest & {res: ServerResponse; lastRv: number; startRv: number; firstTableEvent: boolean; timers: Array<() => void>};

type EventType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';

const objectKey = (kind: SimKind, object: KubeObject) => `${kind}/${object.metadata.namespace ?? ''}/${object.metadata.name ?? ''}`;

/** Every open watch on one store. */
export class WatchHub {
	readonly #watchers = new Set<Watcher>();
	readonly #latest = new Map<string, KubeObject>();
	readonly #previous = new WeakMap<StoreEvent, KubeObject | undefined>();
	/**
	How far the real API server's watch cache of each kind has got: the version of that kind's last change, or the
	store's version at a consistent list of it (the real server then asks etcd where it is). Its bookmarks carry this
	version, not the cluster's newest, and it sends one only once this has passed the version the watch began from:
	a watch on a quiet kind gets none, whatever else changes.
	*/
	readonly #cached = new Map<SimKind, number>();
	readonly #unsubscribe: () => void;
	#stalled = false;
	/** Fault injection, consulted before each event line of a live watch (not the initial replay, not errors). */
	faults?: {onWatchLine(res: ServerResponse, line: string, expire: () => void): boolean};

	constructor(readonly store: SimStore, readonly clock: SimClock, readonly bookmarkIntervalMs: number) {
		for (const info of resourceInfos) {
			for (const object of store.list(info.kind)) {
				this.#latest.set(objectKey(info.kind, object), object);
			}

			this.#cached.set(info.kind, store.rv);
		}

		this.#unsubscribe = store.subscribe(event => {
			this.#onEvent(event);
		});
	}

	/** Number of open watch streams. */
	get size(): number {
		return this.#watchers.size;
	}

	/** A consistent list of `kind` was served: its watch cache has caught up with the store's version. */
	listed(kind: SimKind): void {
		this.#cached.set(kind, this.store.rv);
	}

	/** The server restarted on the same store: every kind's watch cache starts at the store's version. */
	restarted(): void {
		for (const info of resourceInfos) {
			this.#cached.set(info.kind, this.store.rv);
		}
	}

	/** Starts a watch on `res`. Throws (before any header is written) for a resourceVersion the request cannot use. */
	open(res: ServerResponse, request: WatchRequest): void {
		let resumeFrom: number | undefined;
		if (request.resourceVersion !== '' && request.resourceVersion !== '0') {
			resumeFrom = Number(request.resourceVersion);
			if (!Number.isSafeInteger(resumeFrom) || resumeFrom < 0) {
				throw new SimError(400, 'BadRequest', `invalid resource version: ${request.resourceVersion}`);
			}

			if (resumeFrom > this.store.rv) {
				throw new SimError(504, 'Timeout', `Too large resource version: ${resumeFrom}, current: ${this.store.rv}`, {causes: [{reason: 'ResourceVersionTooLarge', message: 'Too large resource version'}], retryAfterSeconds: 1});
			}
		}

		res.writeHead(200, {'Content-Type': 'application/json', 'Cache-Control': 'no-cache, private', 'Transfer-Encoding': 'chunked'});
		res.flushHeaders();
		const watcher: Watcher = {...request, res, lastRv: this.store.rv, startRv: resumeFrom ?? this.#cachedRv(request.kind), firstTableEvent: true, timers: []};
		if (resumeFrom === undefined) {
			for (const object of this.store.list(request.kind).filter(request.filter)) {
				this.#write(watcher, 'ADDED', object);
			}

			if (request.initialEvents) {
				this.#write(watcher, 'BOOKMARK', {metadata: {resourceVersion: String(this.store.rv), annotations: {'k8s.io/initial-events-end': 'true'}}});
			}
		} else {
			const changes = this.store.changesSince(resumeFrom);
			if (changes === 'expired') {
				this.#expire(watcher, resumeFrom);
				return;
			}

			for (const change of changes) {
				this.#deliver(watcher, change);
			}
		}

		this.#watchers.add(watcher);
		res.on('close', () => {
			this.#close(watcher);
		});
		// Timeouts and bookmarks run on simulated time, like everything else the server does: a test steps them.
		watcher.timers.push(this.clock.setTimer(() => {
			this.#close(watcher);
			res.end();
		}, request.timeoutMs));
		if (request.bookmarks) {
			const bookmark = () => {
				const rv = this.#cachedRv(watcher.kind);
				if (!this.#stalled && rv > watcher.startRv) {
					this.#write(watcher, 'BOOKMARK', {metadata: {resourceVersion: String(rv), creationTimestamp: null}});
				}
			};

			const every = () => {
				bookmark();
				watcher.timers.push(this.clock.setTimer(every, this.bookmarkIntervalMs));
			};

			watcher.timers.push(this.clock.setTimer(every, this.bookmarkIntervalMs));
			// As the real watch cache does: one more 2 s before the deadline, so the client resumes from a fresh version.
			if (request.timeoutMs > 2000) {
				watcher.timers.push(this.clock.setTimer(bookmark, request.timeoutMs - 2000));
			}
		}
	}

	/** Sends the in-stream 410 to every open watch and ends it. */
	expireAll(): void {
		for (const watcher of [...this.#watchers]) {
			this.#expire(watcher, watcher.lastRv);
		}
	}

	/** Destroys every watch socket without a word, as a broken network would. */
	dropAll(): void {
		for (const watcher of [...this.#watchers]) {
			this.#close(watcher);
			watcher.res.socket?.destroy();
			watcher.res.destroy();
		}
	}

	/** While on, watches stay open but receive nothing (events in between are lost, as on a stalled connection). */
	stall(on: boolean): void {
		this.#stalled = on;
	}

	/** Ends every watch cleanly and stops listening to the store. */
	dispose(): void {
		for (const watcher of [...this.#watchers]) {
			this.#close(watcher);
			watcher.res.end();
		}

		this.#unsubscribe();
	}

	#cachedRv(kind: SimKind): number {
		return this.#cached.get(kind) ?? this.store.rv;
	}

	#onEvent(event: StoreEvent): void {
		this.#cached.set(event.kind, event.rv);
		const key = objectKey(event.kind, event.object);
		this.#previous.set(event, this.#latest.get(key));
		if (event.type === 'DELETED') {
			this.#latest.delete(key);
		} else {
			this.#latest.set(key, event.object);
		}

		if (this.#stalled) {
			return;
		}

		for (const watcher of [...this.#watchers]) {
			try {
				this.#deliver(watcher, event);
			} catch (error) {
				// A watcher's failure (a printer bug, say) must not reach the store write that triggered it.
				this.#fail(watcher, error);
			}
		}
	}

	#fail(watcher: Watcher, error: unknown): void {
		const message = error instanceof Error ? error.message : String(error);
		this.#write(watcher, 'ERROR', statusOf(new SimError(500, 'InternalError', `Internal error occurred: ${message}`)));
		this.#close(watcher);
		watcher.res.end();
	}

	#deliver(watcher: Watcher, event: StoreEvent): void {
		if (event.kind !== watcher.kind) {
			return;
		}

		watcher.lastRv = Math.max(watcher.lastRv, event.rv);
		const matchesNow = watcher.filter(event.object);
		if (event.type !== 'MODIFIED') {
			if (matchesNow) {
				this.#write(watcher, event.type, event.object);
			}

			return;
		}

		const previous = this.#previous.get(event);
		const matchedBefore = previous !== undefined && watcher.filter(previous);
		if (matchesNow) {
			this.#write(watcher, matchedBefore ? 'MODIFIED' : 'ADDED', event.object);
		} else if (matchedBefore) {
			// The object left the selection: its last matching state, stamped with this change's resourceVersion.
			this.#write(watcher, 'DELETED', {...previous, metadata: {...previous.metadata, resourceVersion: String(event.rv)}});
		}
	}

	#write(watcher: Watcher, type: EventType, object: KubeObject | unknown): void {
		// A response a fault (or the client) already ended takes nothing more: its close event, which drops the watcher,
		// comes a turn later, while timers on a manual clock can fire several times within one advance.
		if (watcher.res.writableEnded || watcher.res.destroyed) {
			this.#close(watcher);
			return;
		}

		let payload: unknown;
		if (type === 'ERROR') {
			payload = object;
		} else if (type === 'BOOKMARK') {
			payload = {kind: watcher.kind, apiVersion: apiVersionOf(infoOf(watcher.kind)), ...(object as KubeObject)};
		} else if (watcher.table) {
			const typed = object as KubeObject;
			payload = buildTable(watcher.kind, [typed], this.clock.now(), watcher.table, {resourceVersion: typed.metadata.resourceVersion}, watcher.firstTableEvent);
			watcher.firstTableEvent = false;
		} else {
			payload = withType(watcher.kind, object as KubeObject);
		}

		const line = `${JSON.stringify({type, object: payload})}\n`;
		if (type !== 'ERROR' && this.#watchers.has(watcher) && this.faults?.onWatchLine(watcher.res, line, () => this.#expire(watcher, watcher.lastRv))) {
			return;
		}

		watcher.res.write(line);
	}

	#expire(watcher: Watcher, requested: number): void {
		const error = new SimError(410, 'Expired', `too old resource version: ${requested} (${this.store.oldestRv})`);
		this.#write(watcher, 'ERROR', statusOf(error));
		this.#close(watcher);
		watcher.res.end();
	}

	#close(watcher: Watcher): void {
		for (const cancel of watcher.timers) {
			cancel();
		}

		watcher.timers = [];
		this.#watchers.delete(watcher);
	}
}
