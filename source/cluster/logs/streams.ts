/**
The only place that opens log streams. A job's logs are the logs of all its pods, attached as they appear in the
live store (retries, parallel pods, indices) and read in creation order; a pod's logs are one or all of its
containers; previous logs are the last terminated instance. Everything goes into a LogBuffer; closing the session
aborts every request it made.
*/
import type {KubeConfig} from '@kubernetes/client-node';
import {completionIndexAnnotation, jobLabels, timeOf, type Pod} from '../../kube/types.js';
import type {LogSink} from '../../store/log-buffer.js';
import type {ResourceStore} from '../../store/types.js';
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
