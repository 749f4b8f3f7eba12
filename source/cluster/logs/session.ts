/**
The plumbing of one log session: the abort registry every request joins, the waiters woken by store changes, the
backoff and settle timers, and the activity counts the status line shows. close() aborts and wakes everything.
*/
import type {KubeConfig} from '@kubernetes/client-node';
import type {Clock} from '../../store/clock.js';
import type {LogSink} from '../../store/log-buffer.js';
import type {ResourceStore} from '../../store/types.js';
import type {ContainerStreamContext, LogSince} from './container-stream.js';

/** Options shared by every kind of log session. */
export type LogSessionOptions = {
	/** The app clock: reconnect backoffs and the settle after a stream ends wait on it. */
	readonly clock: Clock;
	/** Where each container's first instance starts: tail lines or seconds back. Default: everything. */
	readonly since?: LogSince;
	/** Pause before the n-th reconnection of a stream, in ms. Default 250·2^(n−1), at most 15 s. */
	readonly backoffMs?: (attempt: number) => number;
	/**
	After the server ends a followed stream, how long to wait for the pod's status to say why before reconnecting
	(an exited container is then read as such; a server that just closed the stream is resumed). Default 2000 ms.
	*/
	readonly endSettleMs?: number;
	/** Most container streams open at once; the others wait their turn. Default maxLogStreams. */
	readonly maxStreams?: number;
};

/**
How many container streams one pane keeps open at once. A pod with 3,000 containers (or a job with 3,000 pods) opened
3,000 requests from one key press; each is a connection to the API server and the kubelet. The rest wait in order and
start as streams end; a marker in the pane says so.
*/
export const maxLogStreams = 50;

/** A running log session. */
export type LogSession = {
	/** Aborts every open request and stops attaching pods. Idempotent. */
	close(): void;
	readonly closed: boolean;
	/** Resolves when every stream has finished (at once for fetch-once sessions; after close() for followed ones). */
	readonly done: Promise<void>;
};

const defaultBackoff = (attempt: number) => Math.min(15_000, 250 * (2 ** Math.max(0, attempt - 1)));

/** A session under construction: the context its streams share, the handle, and hooks for its owner. */
export type Session = {
	readonly context: Omit<ContainerStreamContext, 'pod'>;
	readonly session: LogSession;
	track(work: Promise<void>): void;
	onChange(listener: () => void): void;
	/** Runs one container's stream when fewer than maxStreams are running (at once after close, which runs nothing). */
	limited(run: () => Promise<void>): Promise<void>;
};

/** Opens a session's plumbing: abort registry, change waiters, backoff timers, activity counts. */
export function openSession(kc: KubeConfig, store: ResourceStore, buffer: LogSink, options: LogSessionOptions): Session {
	const aborts = new Set<() => void>();
	const waiters = new Set<() => void>();
	const listeners: Array<() => void> = [];
	const work: Array<Promise<void>> = [];
	let following = 0;
	let reconnecting = 0;
	let errors: string[] = [];
	let closed = false;
	const wake = () => {
		for (const waiter of [...waiters]) {
			waiter();
		}

		waiters.clear();
	};

	const unsubscribe = store.subscribe(() => {
		for (const listener of listeners) {
			listener();
		}

		wake();
	});
	const backoff = options.backoffMs ?? defaultBackoff;
	// A wait that close() cuts short (store changes do not: a backoff is a backoff).
	const sleepers = new Set<() => void>();
	const sleep = (ms: number) => (closed ? Promise.resolve() : new Promise<void>(resolve => {
		const wake = () => {
			cancel();
			sleepers.delete(wake);
			resolve();
		};

		const cancel = options.clock.setTimer(wake, ms);
		sleepers.add(wake);
	}));
	const limit = Math.max(1, options.maxStreams ?? maxLogStreams);
	let running = 0;
	const queue: Array<() => void> = [];
	let toldQueued = false;
	const limited = async (run: () => Promise<void>): Promise<void> => {
		if (running >= limit && !closed) {
			if (!toldQueued) {
				toldQueued = true;
				// After the current burst is queued, so the marker can count it.
				queueMicrotask(() => {
					buffer.append({kind: 'marker', podUid: '', podName: '', tag: '', severity: 'info', text: `${limit} log streams are open at once: ${queue.length} more wait and start as those end`});
				});
			}

			await new Promise<void>(resolve => queue.push(resolve));
		}

		running++;
		try {
			await run();
		} finally {
			running--;
			queue.shift()?.();
		}
	};

	const publish = () => {
		buffer.setActivity({following, reconnecting, errors});
	};

	const context: Omit<ContainerStreamContext, 'pod'> = {
		kc,
		buffer,
		registry: {
			add(abort) {
				aborts.add(abort);
				return () => aborts.delete(abort);
			},
			get closed() {
				return closed;
			},
		},
		changed: () => (closed ? Promise.resolve() : new Promise<void>(resolve => waiters.add(resolve))),
		wait: attempt => sleep(backoff(attempt)),
		settle: () => sleep(options.endSettleMs ?? 2000),
		activity(change) {
			following += change.following ?? 0;
			reconnecting += change.reconnecting ?? 0;
			if (change.error) {
				errors = [...errors.slice(-2), change.error];
			} else if (change.following && change.following > 0) {
				errors = [];
			}

			publish();
		},
	};
	const session: LogSession = {
		close() {
			if (closed) {
				return;
			}

			closed = true;
			unsubscribe();
			for (const abort of [...aborts]) {
				abort();
			}

			for (const sleeper of [...sleepers]) {
				sleeper();
			}

			// Waiting streams start and find the session closed: they end at once.
			for (const start of queue.splice(0)) {
				start();
			}

			sleepers.clear();
			wake();
		},
		get closed() {
			return closed;
		},
		get done() {
			return Promise.all(work).then(() => undefined);
		},
	};
	return {
		context,
		session,
		track(promise) {
			work.push(promise.catch((error: unknown) => {
				buffer.append({kind: 'marker', podUid: '', podName: '', tag: '', severity: 'error', text: `log stream failed: ${String(error)}`});
			}));
		},
		onChange(listener) {
			listeners.push(listener);
		},
		limited,
	};
}
