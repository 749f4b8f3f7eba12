/**
The only place that opens log streams. A job's logs are the logs of all its pods, attached as they appear in the
live store (retries, parallel pods, indices) and read in creation order; a pod's logs are one or all of its
containers; previous logs are the last terminated instance. Everything goes into a LogBuffer; closing the session
aborts every request it made.
*/
import type {KubeConfig} from '@kubernetes/client-node';
import {completionIndexAnnotation, jobLabels, timeOf, type Pod} from '../../kube/types.js';
import type {LogSink} from '../../store/log-buffer.js';
import type {ResourceStore, StoreView} from '../../store/types.js';
import {streamContainer, type ContainerStreamContext, type ContainerTarget, type LogSince} from './container-stream.js';
import {openSession, type LogSession, type LogSessionOptions, type Session} from './session.js';

export type {LogSince} from './container-stream.js';
export type {LogSession, LogSessionOptions} from './session.js';

/** An object the pane reads logs of. */
export type LogSubject = {readonly uid: string; readonly namespace: string; readonly name: string};


/** The containers a pod's logs can come from, init containers first (for the container picker). */
export function podContainers(pod: Pod): string[] {
	return [...(pod.spec.initContainers ?? []), ...(pod.spec.containers ?? [])].map(c => c.name);
}

function isFinished(pod: Pod): boolean {
	return pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
}


function podLookup(store: ResourceStore, uid: string): () => Pod | undefined {
	return () => store.getSnapshot().pods.get(uid);
}

/** The short tag and separator label of a job's pod: its completion index when indexed, else its attempt number. */
function jobPodTag(pod: Pod, attempt: number): {tag: string; label: string} {
	const index = pod.metadata.annotations?.[completionIndexAnnotation] ?? pod.metadata.labels?.[jobLabels.completionIndex];
	return index === undefined ? {tag: `#${attempt}`, label: `attempt ${attempt}`} : {tag: `i${index}`, label: `index ${index}`};
}

/**
Follows every pod of a job: pods already there are read in creation order (finished ones once, running ones
followed), pods created later (retries, parallel pods) are attached as the store shows them, each behind a separator;
a pod that disappears gets a `pod deleted` marker and its lines stay.
*/
export function followJobLogs(kc: KubeConfig, store: ResourceStore, job: LogSubject, buffer: LogSink, options: LogSessionOptions): LogSession {
	const plumbing = openSession(kc, store, buffer, options);
	const attached = new Map<string, {name: string; tag: string; gone: boolean}>();
	let chain = Promise.resolve();
	let jobSeen = false;
	let jobGone = false;
	const reconcile = () => {
		if (plumbing.session.closed) {
			return;
		}

		const snapshot = store.getSnapshot();
		if (snapshot.jobs.has(job.uid)) {
			jobSeen = true;
		} else if (jobSeen && !jobGone) {
			jobGone = true;
			buffer.append({kind: 'marker', podUid: '', podName: '', tag: '', severity: 'warning', text: `job ${job.name} deleted`});
		}

		const pods = [...(snapshot.podsByJob.get(job.uid) ?? [])]
			.map(uid => snapshot.pods.get(uid))
			.filter((pod): pod is Pod => pod !== undefined && !attached.has(pod.metadata.uid ?? ''))
			.sort((a, b) => (timeOf(a.metadata.creationTimestamp) ?? 0) - (timeOf(b.metadata.creationTimestamp) ?? 0) || (a.metadata.name ?? '').localeCompare(b.metadata.name ?? ''));
		for (const pod of pods) {
			const uid = pod.metadata.uid ?? '';
			const {tag, label} = jobPodTag(pod, attached.size + 1);
			attached.set(uid, {name: pod.metadata.name ?? '', tag, gone: false});
			const mode = isFinished(pod) ? 'once' : 'follow';
			// Pods are read one after another in creation order, so attempts never interleave; a followed pod does not
			// hold up the ones after it (they are parallel or later), a fetched-once pod does until it is read.
			// Wrapped in an object so `begun` resolves when the pod's streams start, not when they finish.
			const begun = chain.then(() => ({finished: startPod(plumbing, store, pod, podContainers(pod), {tag, label, mode, since: options.since})}));
			const finished = begun.then(async started => started.finished);
			chain = mode === 'once' ? finished.catch(() => undefined) : begun.then(() => undefined);
			plumbing.track(finished);
		}

		for (const [uid, entry] of attached) {
			if (!entry.gone && !snapshot.pods.has(uid)) {
				entry.gone = true;
				buffer.append({kind: 'marker', podUid: uid, podName: entry.name, tag: entry.tag, severity: 'warning', text: 'pod deleted'});
			}
		}
	};

	plumbing.onChange(reconcile);
	reconcile();
	return plumbing.session;
}

type PodPlan = {tag: string; label?: string; mode: ContainerTarget['mode']; since?: LogSince};

/** Starts reading the given containers of a pod; resolves to a promise of their end. */
async function startPod(plumbing: Session, store: ResourceStore, pod: Pod, containers: readonly string[], plan: PodPlan): Promise<void> {
	if (plumbing.session.closed) {
		return;
	}

	const uid = pod.metadata.uid ?? '';
	const latest = store.getSnapshot().pods.get(uid) ?? pod;
	const base = {podUid: uid, podName: pod.metadata.name ?? '', tag: plan.tag};
	if (plan.label) {
		plumbing.context.buffer.append({kind: 'separator', ...base, label: plan.label, startedAt: timeOf(latest.status?.startTime) ?? timeOf(latest.metadata.creationTimestamp)});
	}

	const context: ContainerStreamContext = {...plumbing.context, pod: podLookup(store, uid)};
	await Promise.all(containers.map(async container => plumbing.limited(async () => streamContainer(context, {
		namespace: pod.metadata.namespace ?? 'default',
		podName: pod.metadata.name ?? '',
		podUid: uid,
		container,
		tag: plan.tag,
		mode: plan.mode === 'follow' && isFinished(latest) ? 'once' : plan.mode,
		since: plan.since ?? {},
	}))));
}

function choose(pod: Pod, container: string | undefined): string[] {
	const all = podContainers(pod);
	// Without a choice, all main containers (init containers only when asked for by name or through 'all').
	if (container === undefined) {
		return (pod.spec.containers ?? []).map(c => c.name);
	}

	return container === 'all' ? all : all.filter(name => name === container);
}

/** Follows one pod: one container by name, `'all'` (init containers too), or by default all main containers. */
export function followPodLogs(kc: KubeConfig, store: ResourceStore, pod: LogSubject, buffer: LogSink, options: LogSessionOptions & {readonly container?: string}): LogSession {
	return podSession(kc, store, pod, buffer, options, 'follow');
}

/** Reads the previous (last terminated) instance of a pod's containers once: what `kubectl logs -p` shows. */
export function fetchPreviousLogs(kc: KubeConfig, store: ResourceStore, pod: LogSubject, buffer: LogSink, options: LogSessionOptions & {readonly container?: string}): LogSession {
	return podSession(kc, store, pod, buffer, options, 'previous');
}

function podSession(kc: KubeConfig, store: ResourceStore, subject: LogSubject, buffer: LogSink, options: LogSessionOptions & {readonly container?: string}, mode: 'follow' | 'previous'): LogSession {
	const plumbing = openSession(kc, store, buffer, options);
	const pod = store.getSnapshot().pods.get(subject.uid);
	if (!pod) {
		buffer.append({kind: 'marker', podUid: subject.uid, podName: subject.name, tag: '', severity: 'warning', text: `pod ${subject.name} not found`});
		return plumbing.session;
	}

	let gone = false;
	plumbing.onChange(() => {
		if (!gone && !store.getSnapshot().pods.has(subject.uid)) {
			gone = true;
			buffer.append({kind: 'marker', podUid: subject.uid, podName: subject.name, tag: '', severity: 'warning', text: 'pod deleted'});
		}
	});
	const containers = choose(pod, options.container);
	if (containers.length === 0) {
		buffer.append({kind: 'marker', podUid: subject.uid, podName: subject.name, tag: '', severity: 'warning', text: `no container ${options.container ?? ''} in pod ${subject.name}`});
	}

	plumbing.track(startPod(plumbing, store, pod, containers, {tag: '', mode: mode === 'previous' ? 'previous' : isFinished(pod) ? 'once' : 'follow', since: options.since}));
	return plumbing.session;
}

/**
Follows a cron job's newest run: the logs of its most recently created job (every attempt, as followJobLogs reads
them), and, when a newer run starts, that one instead. A cron job that runs every minute keeps one pane on its
current run; the earlier run's lines stay above a marker. The earlier run's streams close when the newer run starts
(a run still going is then no longer read; the marker says so). `onRun` hears of each run the pane switches to.
*/
export function followCronJobLogs(kc: KubeConfig, store: ResourceStore, cronJob: LogSubject, buffer: LogSink, options: LogSessionOptions & {readonly onRun?: (job: LogSubject) => void}): LogSession {
	let current: {job: Run; session: LogSession} | undefined;
	let closed = false;
	let told = false;
	const follow = () => {
		if (closed) {
			return;
		}

		const snapshot = store.getSnapshot();
		const newest = newestJob(snapshot, cronJob.uid);
		if (newest === undefined) {
			if (current === undefined && !told) {
				told = true;
				buffer.append({kind: 'marker', podUid: '', podName: '', tag: '', severity: 'info', text: `cron job ${cronJob.name} has not run a job yet: its first run will show here`});
			}

			return;
		}

		// Only a newer run moves the pane: when the run it reads is deleted, an older one becomes the newest left.
		if (current !== undefined && !isNewer(newest, current.job)) {
			return;
		}

		if (current !== undefined) {
			const running = snapshot.jobs.get(current.job.uid)?.status?.active ?? 0;
			current.session.close();
			buffer.append({kind: 'marker', podUid: '', podName: '', tag: '', severity: 'info', text: `newer run: job ${newest.name}${running > 0 ? ` (job ${current.job.name} still runs, no longer read)` : ''}`});
		}

		const subject = {uid: newest.uid, namespace: newest.namespace, name: newest.name};
		current = {job: newest, session: followJobLogs(kc, store, subject, buffer, options)};
		options.onRun?.(subject);
	};

	const unsubscribe = store.subscribe(follow);
	follow();
	let finish: () => void = () => {};
	const ended = new Promise<void>(resolve => {
		finish = resolve;
	});
	return {
		close() {
			if (closed) {
				return;
			}

			closed = true;
			unsubscribe();
			current?.session.close();
			void (current?.session.done ?? Promise.resolve()).then(finish);
		},
		get closed() {
			return closed;
		},
		done: ended,
	};
}

type Run = LogSubject & {readonly created: number};

/** Whether run `a` started after run `b`: created later, or in the same second with the later name. */
function isNewer(a: Run, b: Run): boolean {
	return a.created > b.created || (a.created === b.created && a.name > b.name);
}

/** A cron job's most recently created job, or undefined when it has none. */
function newestJob(snapshot: StoreView, cronJobUid: string): Run | undefined {
	let newest: Run | undefined;
	for (const uid of snapshot.jobsByCronJob.get(cronJobUid) ?? []) {
		const job = snapshot.jobs.get(uid);
		if (job === undefined) {
			continue;
		}

		const run = {uid, namespace: job.metadata.namespace ?? 'default', name: job.metadata.name ?? '', created: timeOf(job.metadata.creationTimestamp) ?? 0};
		if (newest === undefined || isNewer(run, newest)) {
			newest = run;
		}
	}

	return newest;
}
