/**
Reads one container of one pod for as long as it has output to give: follows the running instance, resumes a broken
stream from the last timestamp (no duplicates, no gap), catches up on an instance that ended while disconnected, moves
on to the next instance after a restart (restartPolicy OnFailure) with a separator, and stops when the container is
done for good, the pod is gone, or the pane closes.
*/
import {exitText} from '../../kube/container-exit.js';
import type {KubeConfig} from '@kubernetes/client-node';
import type {ContainerStatus, Pod} from '../../kube/types.js';
import type {LogSink} from '../../store/log-buffer.js';
import {ResumeTracker, type ReceivedLine} from './lines.js';
import {requestLog, type AbortRegistry, type LogRequestOptions} from './request.js';

/** Where to start reading: the last N lines or the last N seconds (neither = everything). */
export type LogSince = {readonly tailLines?: number; readonly sinceSeconds?: number};

/** What a container stream needs from its owner. */
export type ContainerStreamContext = {
	readonly kc: KubeConfig;
	readonly buffer: LogSink;
	readonly registry: AbortRegistry;
	/** The pod as the live store sees it now, or undefined once it is gone. */
	pod(): Pod | undefined;
	/** Resolves on the next store change (or when the pane closes). */
	changed(): Promise<void>;
	/** Waits before the `attempt`-th reconnection (resolves early when the pane closes). */
	wait(attempt: number): Promise<void>;
	/** Waits the settle time after a stream ended cleanly (resolves early when the pane closes). */
	settle(): Promise<void>;
	/** Counts streams for the status line. */
	activity(change: {following?: number; reconnecting?: number; error?: string}): void;
};

/** Which container to read and how. `once` reads what there is and stops; `previous` reads the last terminated instance. */
export type ContainerTarget = {
	readonly namespace: string;
	readonly podName: string;
	readonly podUid: string;
	readonly container: string;
	readonly tag: string;
	readonly mode: 'follow' | 'once' | 'previous';
	readonly since: LogSince;
};

function statusOf(pod: Pod, container: string): ContainerStatus | undefined {
	return [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])].find(s => s.name === container);
}

/** The instance the kubelet serves without `previous`: the current one once it ran, else the last terminated one. */
function servedInstance(status: ContainerStatus | undefined): number | undefined {
	if (!status) {
		return undefined;
	}

	if (status.state?.running || status.state?.terminated) {
		return status.restartCount;
	}

	return status.lastState?.terminated ? status.restartCount - 1 : undefined;
}

function finishedForGood(pod: Pod, status: ContainerStatus | undefined): boolean {
	const phase = pod.status?.phase;
	if (phase === 'Succeeded' || phase === 'Failed' || pod.metadata.deletionTimestamp) {
		return true;
	}

	return Boolean(status?.state?.terminated) && pod.spec.restartPolicy === 'Never';
}

/** Streams one container into the buffer; resolves when there is nothing more to read. */
export async function streamContainer(context: ContainerStreamContext, target: ContainerTarget): Promise<void> {
	const {buffer, registry} = context;
	const base = {podUid: target.podUid, podName: target.podName, tag: target.tag};
	let tracker = new ResumeTracker();
	let current: number | undefined;
	let complete = false;
	let fresh = true;
	let initialSince: LogSince = target.since;
	let failures = 0;
	const onLine = (line: ReceivedLine) => {
		if (tracker.accept(line)) {
			failures = 0;
			buffer.append({kind: 'line', ...base, container: target.container, time: line.time, timeText: line.timeText, text: line.text, cut: line.cut});
		}
	};

	const read = (options: Omit<LogRequestOptions, 'namespace' | 'pod' | 'container'>) => {
		const resumeFrom = fresh ? undefined : tracker.lastTime;
		if (!fresh) {
			tracker.resume();
		}

		const since = fresh ? initialSince : resumeFrom === undefined ? {} : {sinceTime: resumeFrom};
		return requestLog(context.kc, {namespace: target.namespace, pod: target.podName, container: target.container, ...since, ...options}, onLine, registry);
	};

	if (target.mode === 'previous') {
		const result = await read({follow: false, previous: true});
		if (result.outcome === 'refused') {
			buffer.append({kind: 'marker', ...base, severity: 'warning', text: `no previous logs for ${target.container} (${result.code || 'unreachable'})`});
		}

		return;
	}

	while (!registry.closed) {
		const pod = context.pod();
		if (!pod) {
			return;
		}

		const status = statusOf(pod, target.container);
		const served = servedInstance(status);
		if (served === undefined) {
			if (finishedForGood(pod, status)) {
				return;
			}

			await context.changed();
			continue;
		}

		if (current !== undefined && served > current) {
			if (!complete) {
				// The instance we were reading ended while we were not connected: read its rest through previous=true.
				if (status && served === status.restartCount && status.restartCount - 1 === current) {
					await read({follow: false, previous: true});
				} else {
					buffer.append({kind: 'marker', ...base, severity: 'warning', text: `some lines of ${target.container} restart ${current} may be missing`});
				}
			}

			// The instance before this one is the status' last termination: say how it ended where the next begins.
			const previous = status?.lastState?.terminated;
			const how = previous && served === status.restartCount ? ` after it ${exitText(previous)}` : '';
			buffer.append({kind: 'separator', ...base, label: `${target.container} restarted${how} · restart ${served}`});
		}

		if (current === undefined || served > current) {
			// The preset (tail 100, last 5m) applies to the instance shown first; a later instance is read whole.
			initialSince = current === undefined ? target.since : {};
			current = served;
			tracker = new ResumeTracker();
			complete = false;
			fresh = true;
		}

		if (complete) {
			if (target.mode === 'once' || finishedForGood(pod, status)) {
				return;
			}

			await context.changed();
			continue;
		}

		const running = Boolean(status?.state?.running) && served === status?.restartCount;
		const follow = target.mode === 'follow' && running;
		if (follow) {
			context.activity({following: 1});
		}

		const result = await read({follow, previous: served < (status?.restartCount ?? served)});
		if (follow) {
			context.activity({following: -1});
		}

		if (result.outcome === 'aborted') {
			return;
		}

		if (result.outcome === 'refused' && result.code === 404) {
			return;
		}

		if (result.outcome !== 'refused') {
			fresh = false;
		}

		if (result.outcome === 'end' && !follow) {
			complete = true;
			continue;
		}

		if (result.outcome === 'end') {
			// The server ended a followed stream: usually the instance exited, but the store may not show it yet. Wait for
			// this pod to change (or the settle time, for a server that merely closed the stream), so the next round reads
			// the right instance instead of taking a restarted container's lines for the old one's.
			await untilPodChanges(context, pod.metadata.resourceVersion);
		}

		// A follow stream ended or broke, or the request was refused: reconnect after a pause. If the instance has
		// really ended, the next round sees it terminated and reads the rest without following.
		failures++;
		if (result.outcome === 'refused') {
			context.activity({error: `${target.podName}/${target.container}: ${result.message}`});
		}

		context.activity({reconnecting: 1});
		// A refusal (the container is still waiting to start, a 5xx) waits out the backoff; a stream that ended may
		// also be picked up again as soon as the store shows the pod changed.
		await (result.outcome === 'refused' ? context.wait(failures) : Promise.race([context.wait(failures), context.changed()]));
		context.activity({reconnecting: -1});
	}
}

async function untilPodChanges(context: ContainerStreamContext, resourceVersion: string | undefined): Promise<void> {
	let settled = false;
	const settle = context.settle().then(() => {
		settled = true;
	});
	while (!settled && !context.registry.closed) {
		const pod = context.pod();
		if (!pod || pod.metadata.resourceVersion !== resourceVersion) {
			return;
		}

		// eslint-disable-next-line no-await-in-loop
		await Promise.race([context.changed(), settle]);
	}
}
