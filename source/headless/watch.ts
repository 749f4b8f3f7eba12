/**
The headless commands' view of the cluster: the same KubeCluster, watchers and live store as the screen (so a dropped
watch is resumed and relisted exactly as there), started for the kinds a command needs, plus the wait for the first
complete list. A watch that cannot start — no connection, no permission, no such API — is one line to print, not a
retry loop: a script wants to know at once. Once listed, drops are survived like on the screen.
*/
import type {Connection} from '../cluster/connection/kubeconfig.js';
import {KubeCluster} from '../cluster/kube-cluster.js';
import type {Clock} from '../store/clock.js';
import {createResourceStore} from '../store/resource-store.js';
import type {LiveResourceStore, StoreView, WatchKind, WatchState} from '../store/types.js';

/** How to watch. */
export type WatchOptions = {
	readonly connection: Connection;
	readonly clock: Clock;
	readonly kinds: readonly WatchKind[];
	readonly labelSelector?: string;
	readonly readOnly: boolean;
};

/** A running watch. */
export type Watch = {
	readonly store: LiveResourceStore;
	readonly cluster: KubeCluster;
	/** The store's latest view, with whatever the watchers applied since its last notification. */
	snapshot(): StoreView;
	/** Calls `listener` on every store notification; returns the unsubscribe function. */
	onChange(listener: () => void): () => void;
	stop(): Promise<void>;
};

/** Why a watch could not start, as one line. */
export function watchProblem(kind: WatchKind, state: WatchState, server: string): string | undefined {
	switch (state.phase) {
		// The API's own words (`jobs.batch is forbidden: User "dev" cannot list resource "jobs" …`), as kubectl shows them.
		case 'forbidden': return state.message;
		case 'failed': return `cannot list ${kind} on ${server}: ${state.error}`;
		// The watch loop's error already names the server (`cannot reach https://…: connection refused`).
		case 'reconnecting': return state.error;
		default: return undefined;
	}
}

/** Starts watching; nothing is listed yet (see listed). */
export function startWatch(options: WatchOptions): Watch {
	const store = createResourceStore({clock: options.clock});
	const cluster = new KubeCluster({
		connection: options.connection,
		store,
		clock: options.clock,
		readOnly: options.readOnly,
		checkPermissions: false,
		watch: {kinds: options.kinds, ...(options.labelSelector === undefined ? {} : {labelSelector: options.labelSelector})},
	});
	cluster.start();
	return {
		store,
		cluster,
		snapshot() {
			store.flush();
			return store.getSnapshot();
		},
		onChange: listener => store.subscribe(listener),
		async stop() {
			await cluster.close();
			store.dispose();
		},
	};
}

/**
Resolves once every watched kind has been listed in full (`undefined`), or with the line that says why one cannot be
(a connection, permission or API problem on the first attempt).
*/
export async function listed(watch: Watch, kinds: readonly WatchKind[]): Promise<string | undefined> {
	const server = watch.cluster.connection.describeServer();
	const check = (): string | undefined | 'listed' => {
		const view = watch.snapshot();
		for (const kind of kinds) {
			const problem = watchProblem(kind, view.watch[kind], server);
			if (problem !== undefined) {
				return problem;
			}
		}

		return kinds.every(kind => view.watch[kind].phase === 'live') ? 'listed' : undefined;
	};

	return new Promise(resolve => {
		const settle = () => {
			const answer = check();
			if (answer !== undefined) {
				unsubscribe();
				resolve(answer === 'listed' ? undefined : answer);
			}
		};

		const unsubscribe = watch.onChange(settle);
		settle();
	});
}
