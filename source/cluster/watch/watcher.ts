/**
The four watchers (jobs, cron jobs, pods of jobs, events about them) feeding one store.
*/
import type {KubeObject} from '../../kube/types.js';
import type {Clock} from '../../store/clock.js';
import type {ResourceStore, WatchEvent, WatchKind} from '../../store/types.js';
import {createLabelScope} from './label-scope.js';
import type {Connection} from '../connection/kubeconfig.js';
import {isRelevantEvent, jobPodSelector} from './resources.js';
import {createInterner} from './stored-object.js';
import {runWatchLoop, type BackoffOptions} from './loop.js';

/** How the watchers behave; every field has a default. */
export type WatcherOptions = {
	/** What `-l` selects: cron jobs by the server, jobs and pods by the label scope (label-scope.ts). */
	labelSelector?: string;
	/** Watch every pod instead of only the pods of jobs. */
	allPods?: boolean;
	/** Which kinds to watch; default all four. */
	kinds?: readonly WatchKind[];
	/**
	Server-side watch timeout; default 60 s. client-go picks 5–10 min to spare big API servers its many clients' re-watches;
	one interactive client re-watching each minute costs nothing, and a stream that went silent without closing is then
	noticed within timeout + margin.
	*/
	timeoutSeconds?: number;
	/** Silence beyond the timeout that counts as a dead connection; default 15 s. */
	stallMarginMs?: number;
	/** Deadline for one list page; default 60 s. */
	listTimeoutMs?: number;
	/** Page size of lists; default 500. */
	pageSize?: number;
	backoff?: Partial<BackoffOptions>;
};

/** Running watchers. */
export type Watchers = {
	/** Aborts every request and timer; resolves once every loop has ended. */
	stop(): Promise<void>;
};

const allKinds: readonly WatchKind[] = ['jobs', 'cronjobs', 'pods', 'events'];

/** Starts one list-then-watch loop per kind against `connection`, each reporting into `store` and timing its retries and deadlines on `clock`. */
export function startWatchers(connection: Connection, store: ResourceStore, clock: Clock, options: WatcherOptions = {}): Watchers {
	const controller = new AbortController();
	// An API server that restarts is back within seconds, and every second its rows stay dim and stale is felt: retry a
	// broken connection at least every 4 s (four requests, nothing for a server). Forbidden and unavailable APIs are
	// answers that change rarely: they are asked again every 30 s.
	const backoff: BackoffOptions = {initialMs: 1000, maxMs: 4000, recheckMs: 30_000, random: Math.random, ...options.backoff};
	// With -l, the server selects the cron jobs, and the scope the jobs and pods (label-scope.ts says why).
	const scope = options.labelSelector === undefined ? undefined : createLabelScope(options.labelSelector);
	const emit = scope === undefined ? (event: WatchEvent) => store.apply(event) : (event: WatchEvent) => {
		for (const passed of scope(event)) {
			store.apply(passed);
		}
	};

	const loops = (options.kinds ?? allKinds).map(async kind => {
		let labelSelector: string | undefined = options.labelSelector;
		let accept: ((object: KubeObject) => boolean) | undefined;
		if (kind === 'pods') {
			// Pods carry their job's template labels, not the job's own, so -l cannot select them; the scope does.
			labelSelector = options.allPods ? undefined : jobPodSelector;
		} else if (kind === 'jobs' && scope !== undefined) {
			labelSelector = undefined;
		} else if (kind === 'events') {
			labelSelector = undefined;
			accept = isRelevantEvent;
		}

		await runWatchLoop(
			{
				kind,
				kubeConfig: connection.kubeConfig,
				server: connection.describeServer(),
				namespace: connection.namespace,
				labelSelector,
				accept,
				emit,
				clock,
				timeoutSeconds: options.timeoutSeconds ?? 60,
				stallMarginMs: options.stallMarginMs ?? 15_000,
				listTimeoutMs: options.listTimeoutMs ?? 60_000,
				pageSize: options.pageSize ?? 500,
				backoff,
				interner: createInterner(),
			},
			controller.signal,
		);
	});

	return {
		async stop() {
			controller.abort();
			await Promise.all(loops);
		},
	};
}
