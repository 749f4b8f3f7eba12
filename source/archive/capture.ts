/**
Keeps what the cluster throws away: for every job the store shows, follows the logs of its pods from the moment they
appear (a job with ttlSecondsAfterFinished 0 is deleted, pods and all, the moment it ends, so waiting for the end
would be too late), remembers its pods and events as last seen, and once the job has finished (or was deleted) and
its streams are done writes the run to the archive. Only GET and watch requests are made, so this works read-only.
At most `maxJobs` jobs are captured at once with a few streams each (within the log pane's 50-stream limit); the
others wait their turn, oldest first. A write that fails (a full disk) is reported, never thrown.
*/
import type {KubeConfig} from '@kubernetes/client-node';
import {followJobLogs, type LogSession} from '../cluster/logs/streams.js';
import {isJobFinished} from '../kube/job-state.js';
import type {Job, KubeEvent, Pod} from '../kube/types.js';
import type {Clock} from '../store/clock.js';
import type {ResourceStore, StoreView} from '../store/types.js';
import {CappedLog, defaultRunMaxBytes} from './capped-log.js';
import type {ArchiveDisk} from './disk.js';
import {runFormat, runVersion, type ArchivedRun} from './types.js';

/** How to capture. */
export type ArchiveCaptureOptions = {
	readonly store: ResourceStore;
	readonly clock: Clock;
	readonly disk: ArchiveDisk;
	/** The connection's KubeConfig and context name now (they change with the context). */
	readonly kubeConfig: () => KubeConfig;
	readonly context: () => string;
	/** Bytes of logs one run keeps. @default 20 MB */
	readonly maxRunBytes?: number;
	/** Jobs captured at once. @default 12 */
	readonly maxJobs?: number;
	/** Streams per captured job. @default 4 */
	readonly streamsPerJob?: number;
	/** After a job ends, the longest wait for its streams before the run is written anyway. @default 30000 */
	readonly finishWaitMs?: number;
	/** Told about every written run and every failure, in words for the message line. */
	readonly report?: (message: {readonly ok: boolean; readonly text: string}) => void;
};

/** The running capture. */
export type ArchiveCapture = {
	/** Runs written so far in this session. */
	written(): number;
	/** Resolves when every run due to be written has been (for tests and a tidy quit). */
	idle(): Promise<void>;
	/** Stops every stream; runs not finished are not written. Never waits. */
	stop(): void;
};

type Capture = {
	readonly uid: string;
	readonly namespace: string;
	readonly context: string;
	job: Job;
	readonly pods: Map<string, Pod>;
	readonly events: Map<string, KubeEvent>;
	readonly log: CappedLog;
	session?: LogSession;
	finishing: boolean;
};

/** Starts capturing every job the store shows that is not archived yet. */
export function startArchiveCapture(options: ArchiveCaptureOptions): ArchiveCapture {
	const {store, clock, disk} = options;
	const maxJobs = Math.max(1, options.maxJobs ?? 12);
	const captures = new Map<string, Capture>();
	/*
	The jobs waiting for a slot, by uid only. A waiting capture used to hold the job object as first seen: at 5,000 jobs
	the queue kept thousands of old job objects, and through the job-state cache (keyed by the job object) the pods as
	they were then, a stale copy of most of the cluster that grew as churn replaced the live pods.
	*/
	const queue: string[] = [];
	const done = new Set<string>();
	const writes = new Set<Promise<void>>();
	let running = 0;
	let written = 0;
	let stopped = false;
	// Runs already in the archive are not captured again (a kjobs restart sees the same finished jobs).
	const archived = disk.list().then(entries => new Set(entries.map(entry => entry.uid)), () => new Set<string>());

	const remember = (capture: Capture, view: StoreView) => {
		// A deleted object's tombstone is what the server sent last (the DELETED event's final state).
		const job = view.jobs.get(capture.uid) ?? view.deleted.get(capture.uid)?.object;
		if (job) {
			capture.job = job as Job;
		}

		for (const uid of capture.pods.keys()) {
			const pod = view.pods.get(uid) ?? view.deleted.get(uid)?.object;
			if (pod) {
				capture.pods.set(uid, pod as Pod);
			}
		}

		for (const uid of view.podsByJob.get(capture.uid) ?? []) {
			const pod = view.pods.get(uid);
			if (pod) {
				capture.pods.set(uid, pod);
			}
		}

		for (const owner of [capture.uid, ...capture.pods.keys()]) {
			for (const uid of view.eventsByObject.get(owner) ?? []) {
				const event = view.events.get(uid);
				if (event) {
					capture.events.set(uid, event);
				}
			}
		}
	};

	const begin = (capture: Capture) => {
		running++;
		capture.session = followJobLogs(options.kubeConfig(), store, {uid: capture.uid, namespace: capture.namespace, name: capture.job.metadata.name ?? ''}, capture.log, {
			clock, maxStreams: options.streamsPerJob ?? 4,
		});
	};

	const start = (view: StoreView, job: Job) => {
		const uid = job.metadata.uid ?? '';
		const capture: Capture = {
			uid, namespace: job.metadata.namespace ?? 'default', context: options.context(), job,
			pods: new Map(), events: new Map(), log: new CappedLog(options.maxRunBytes ?? defaultRunMaxBytes), finishing: false,
		};
		captures.set(uid, capture);
		begin(capture);
		look(view, uid);
	};

	const release = () => {
		running--;
		// The next waiting job the store still has (one deleted while it waited has no logs left to follow).
		const view = store.getSnapshot();
		while (!stopped && running < maxJobs && queue.length > 0) {
			const uid = queue.shift()!;
			const job = view.jobs.get(uid);
			if (job) {
				start(view, job);
			}
		}
	};

	const write = async (capture: Capture) => {
		// Stopping closes the session, which ends `done` at once; the timer is cancelled either way (one shared abort
		// signal with a listener per job would pile up listeners).
		let cancel = () => {};
		const timeout = new Promise<void>(resolve => {
			cancel = clock.setTimer(resolve, options.finishWaitMs ?? 30_000);
		});
		await Promise.race([capture.session?.done, timeout]);
		cancel();
		capture.session?.close();
		captures.delete(capture.uid);
		release();
		if (stopped) {
			return;
		}

		const {logs, truncated} = capture.log.result();
		const run: ArchivedRun = {
			format: runFormat, version: runVersion, capturedAt: clock.now(), context: capture.context, namespace: capture.namespace,
			job: capture.job, pods: [...capture.pods.values()], events: [...capture.events.values()], logs, ...(truncated ? {truncated} : {}),
		};
		try {
			const result = await disk.write(run);
			written++;
			const evicted = result.evicted.length === 0 ? '' : ` (${result.evicted.length} oldest ${result.evicted.length === 1 ? 'run' : 'runs'} evicted to stay within the size cap)`;
			options.report?.({ok: true, text: `archived job ${capture.namespace}/${capture.job.metadata.name ?? ''}${evicted}`});
		} catch (error) {
			const {code, message} = error as NodeJS.ErrnoException;
			const why = code === 'ENOSPC' ? 'the disk is full' : code === 'EDQUOT' ? 'the disk quota is used up' : message;
			options.report?.({ok: false, text: `archive: could not save job ${capture.namespace}/${capture.job.metadata.name ?? ''}: ${why}`});
		}
	};

	const look = (view: StoreView, uid: string) => {
		const capture = captures.get(uid);
		if (capture === undefined || capture.finishing || capture.session === undefined) {
			return;
		}

		remember(capture, view);
		const job = view.jobs.get(uid);
		if (job === undefined || isJobFinished(job)) {
			capture.finishing = true;
			const work = write(capture).finally(() => writes.delete(work));
			writes.add(work);
		}
	};

	const consider = (view: StoreView, uid: string, skip: ReadonlySet<string>) => {
		if (captures.has(uid)) {
			look(view, uid);
			return;
		}

		const job = view.jobs.get(uid);
		if (job === undefined || done.has(uid) || skip.has(uid)) {
			return;
		}

		done.add(uid);
		if (running < maxJobs) {
			start(view, job);
		} else {
			queue.push(uid);
		}
	};

	let skip: ReadonlySet<string> | undefined;
	let wasListed = false;
	const onChange = () => {
		if (stopped || skip === undefined) {
			return;
		}

		const view = store.getSnapshot();
		// The jobs list often arrives before the pods list: a finished job looked at then would seem to have no pods, and
		// its run would be written empty. Nothing is looked at until the pods and events are listed (after a namespace or
		// context switch too); then every job is.
		const listed = podsAndEventsListed(view);
		const first = listed && !wasListed;
		wasListed = listed;
		if (!listed) {
			return;
		}

		const {changes} = view;
		// Pods and events change a job's run too: look at every job being captured on each change.
		const uids = changes.full || first ? view.jobs.keys() : new Set([...changes.jobs, ...captures.keys()]);
		for (const uid of uids) {
			consider(view, uid, skip);
		}
	};

	const unsubscribe = store.subscribe(onChange);
	void archived.then(set => {
		skip = set;
		if (!stopped) {
			onChange();
		}
	});

	return {
		written: () => written,
		async idle() {
			await archived;
			while (writes.size > 0) {
				await Promise.all([...writes]);
			}
		},
		stop() {
			stopped = true;
			unsubscribe();
			for (const capture of captures.values()) {
				capture.session?.close();
			}

			queue.length = 0;
		},
	};
}

/** Whether the pods and the events have been listed (or cannot be: forbidden, failed), so a job's run can be told whole. */
function podsAndEventsListed(view: StoreView): boolean {
	const done = (phase: string) => phase === 'live' || phase === 'forbidden' || phase === 'failed';
	return done(view.watch.pods.phase) && done(view.watch.events.phase);
}
