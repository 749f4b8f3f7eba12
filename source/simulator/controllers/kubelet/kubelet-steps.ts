/**
The kubelet's state transitions for one pod, each applied at its own scheduled time: accept, start a container,
exit (or crash and wait in CrashLoopBackOff), fail to pull an image, and kill on deletion.
*/
import {completionIndexAnnotation, type ContainerStatus, type Pod} from '../../../kube/types.js';
import {podSubject} from '../events.js';
import {rfc3339} from '../objects.js';
import {type ContainerPlan, planContainer} from '../job/pod-plan.js';
import {containerStatus, setPodCondition, statusOf, unreadyMessage} from './pod-status.js';
import type {ControllerRuntime} from '../runtime.js';

/** How long a container sits in ContainerCreating before it starts. */
export const containerCreatingMs = 2000;
/** How long ErrImagePull shows before the first ImagePullBackOff. */
const errImagePullMs = 1000;

/** The kubelet's in-memory view of one pod. */
export type PodRuntime = {
	plan?: ContainerPlan;
	/** restartCount the plan was made for. */
	planFor?: number;
	/** Scripted lines already written for the current instance. */
	emitted: number;
	/** Generated lines already written for the current instance. */
	generated: number;
	pullFailures: number;
	/** When the current waiting state (image pull, crash back-off) ends. */
	nextAt?: number;
	/** Container names and current restart count, to end the logs of a pod removed without the kubelet's help. */
	containers?: string[];
	restart?: number;
};

/** Go's time.Duration String() for whole seconds: 40s, 1m20s, 5m0s. */
export function goDuration(ms: number): string {
	const seconds = Math.round(ms / 1000);
	return seconds < 60 ? `${seconds}s` : `${Math.floor(seconds / 60)}m${seconds % 60}s`;
}

/** The kubelet's back-off: 10 s doubling to 5 min (the k-th wait). */
export function kubeletBackoffMs(k: number): number {
	return Math.min(10_000 * (2 ** Math.max(0, k - 1)), 300_000);
}

const kubelet = (pod: Pod) => ({component: 'kubelet', host: pod.spec.nodeName});

function hex(random: () => number, length: number): string {
	let out = '';
	for (let i = 0; i < length; i++) {
		out += Math.floor(random() * 16).toString(16);
	}

	return out;
}

/** The plan of the pod's current container instance, made once. */
export function currentPlan(runtime: ControllerRuntime, pod: Pod, record: PodRuntime): ContainerPlan {
	const restart = pod.status?.containerStatuses?.[0]?.restartCount ?? 0;
	if (!record.plan || record.planFor !== restart) {
		const attempt = (runtime.attempts.get(pod.metadata.uid ?? '') ?? 1) + restart;
		record.plan = planContainer(pod, {pod: pod.metadata.name ?? '', attempt, index: pod.metadata.annotations?.[completionIndexAnnotation] ?? ''}, runtime.random);
		record.planFor = restart;
		record.emitted = 0;
		record.generated = 0;
	}

	return record.plan;
}

/** The kubelet takes the pod: start time, host IP, conditions, containers in ContainerCreating. */
export function accept(runtime: ControllerRuntime, pod: Pod, at: number, hostIP: string): Pod {
	const next = structuredClone(pod);
	next.status = {...next.status, phase: 'Pending', hostIP, startTime: rfc3339(at)};
	(next.status as Record<string, unknown>)['hostIPs'] = [{ip: hostIP}];
	setPodCondition(next, 'PodReadyToStartContainers', 'True', at);
	setPodCondition(next, 'Initialized', 'True', at);
	setPodCondition(next, 'Ready', 'False', at, 'ContainersNotReady', unreadyMessage(next));
	setPodCondition(next, 'ContainersReady', 'False', at, 'ContainersNotReady', unreadyMessage(next));
	next.status.containerStatuses = next.spec.containers.map(container => containerStatus(container, {waiting: {reason: 'ContainerCreating'}}, undefined));
	for (const container of next.spec.containers) {
		runtime.events.record(at, podSubject(next, container.name), 'Normal', 'Pulling', `Pulling image "${container.image ?? ''}"`, kubelet(next));
	}

	return next;
}

/** Starts (or restarts) every container at `at`. */
export function start(runtime: ControllerRuntime, pod: Pod, at: number, podIP: string): Pod {
	const next = structuredClone(pod);
	const restarted = (statusOf(pod, pod.spec.containers[0]?.name ?? '')?.restartCount ?? 0) > 0;
	next.status = {...next.status, phase: 'Running', podIP, podIPs: [{ip: podIP}]};
	next.status.containerStatuses = next.spec.containers.map(container => {
		const previous = statusOf(pod, container.name);
		const image = container.image ?? '';
		const digest = previous?.imageID || `${image.includes('/') ? image : `docker.io/library/${image}`}@sha256:${hex(runtime.random, 64)}`;
		const subject = podSubject(next, container.name);
		if (restarted) {
			runtime.events.record(at, subject, 'Normal', 'Pulled', `Container image "${image}" already present on machine`, kubelet(next));
		} else {
			const pull = 1000 + Math.floor(runtime.random() * 900);
			const waited = pull + Math.floor(runtime.random() * 80);
			runtime.events.record(at, subject, 'Normal', 'Pulled', `Successfully pulled image "${image}" in ${pull / 1000}s (${waited / 1000}s including waiting). Image size: ${Math.floor(runtime.random() * 90_000_000) + 1_000_000} bytes.`, kubelet(next));
		}

		runtime.events.record(at, subject, 'Normal', 'Created', `Created container: ${container.name}`, kubelet(next));
		runtime.events.record(at, subject, 'Normal', 'Started', `Started container ${container.name}`, kubelet(next));
		return containerStatus(container, {running: {startedAt: rfc3339(at)}}, previous, {imageID: digest, containerID: `containerd://${hex(runtime.random, 64)}`});
	});
	setPodCondition(next, 'Ready', 'True', at);
	setPodCondition(next, 'ContainersReady', 'True', at);
	return next;
}

function terminatedStatus(previous: ContainerStatus, exitCode: number, reason: string, at: number): ContainerStatus {
	return {
		...previous,
		ready: false,
		started: false,
		state: {terminated: {exitCode, reason, startedAt: previous.state?.running?.startedAt ?? null, finishedAt: rfc3339(at), ...(previous.containerID ? {containerID: previous.containerID} : {})}},
	};
}

/** Marks the pod terminal with the kubelet's Ready=False reason. */
function finish(pod: Pod, at: number): void {
	const failed = (pod.status?.containerStatuses ?? []).some(status => (status.state?.terminated?.exitCode ?? 0) !== 0);
	pod.status!.phase = failed ? 'Failed' : 'Succeeded';
	const reason = failed ? 'PodFailed' : 'PodCompleted';
	setPodCondition(pod, 'Ready', 'False', at, reason);
	setPodCondition(pod, 'ContainersReady', 'False', at, reason);
}

/** The containers exit as planned at `at`: the pod finishes, or (OnFailure/Always) crashes into CrashLoopBackOff. */
export function exit(runtime: ControllerRuntime, pod: Pod, at: number, plan: ContainerPlan, record: PodRuntime): Pod {
	const next = structuredClone(pod);
	const restartPolicy = next.spec.restartPolicy ?? 'Always';
	const restarts = restartPolicy === 'Always' || (restartPolicy === 'OnFailure' && plan.exitCode !== 0);
	next.status!.containerStatuses = (next.status?.containerStatuses ?? []).map(status => terminatedStatus(status, plan.exitCode, plan.reason, at));
	if (!restarts) {
		finish(next, at);
		return next;
	}

	const crashes = (next.status!.containerStatuses[0]?.restartCount ?? 0) + 1;
	const wait = kubeletBackoffMs(crashes);
	record.nextAt = at + wait;
	next.status!.containerStatuses = next.status!.containerStatuses.map(status => ({
		...status,
		restartCount: status.restartCount + 1,
		lastState: {terminated: status.state!.terminated!},
		state: {waiting: {reason: 'CrashLoopBackOff', message: `back-off ${goDuration(wait)} restarting failed container=${status.name} pod=${next.metadata.name}_${next.metadata.namespace}(${next.metadata.uid})`}},
	}));
	setPodCondition(next, 'Ready', 'False', at, 'ContainersNotReady', unreadyMessage(next));
	setPodCondition(next, 'ContainersReady', 'False', at, 'ContainersNotReady', unreadyMessage(next));
	for (const container of next.spec.containers) {
		runtime.events.record(at, podSubject(next, container.name), 'Warning', 'BackOff', `Back-off restarting failed container ${container.name} in pod ${next.metadata.name}_${next.metadata.namespace}(${next.metadata.uid})`, kubelet(next));
	}

	return next;
}

/** An image pull fails (ErrImagePull) at `at`. */
export function pullFailed(runtime: ControllerRuntime, pod: Pod, at: number, record: PodRuntime): Pod {
	const next = structuredClone(pod);
	record.pullFailures++;
	record.nextAt = at + errImagePullMs;
	next.status!.containerStatuses = next.spec.containers.map(container => {
		const image = container.image ?? '';
		const message = `failed to pull and unpack image "${image}": failed to resolve reference "${image}": ${image}: not found`;
		const subject = podSubject(next, container.name);
		if (record.pullFailures > 1) {
			runtime.events.record(at, subject, 'Normal', 'Pulling', `Pulling image "${image}"`, kubelet(next));
		}

		runtime.events.record(at, subject, 'Warning', 'Failed', `Failed to pull image "${image}": rpc error: code = NotFound desc = ${message}`, kubelet(next));
		runtime.events.record(at, subject, 'Warning', 'Failed', 'Error: ErrImagePull', kubelet(next));
		return containerStatus(container, {waiting: {reason: 'ErrImagePull', message: `rpc error: code = NotFound desc = ${message}`}}, statusOf(pod, container.name));
	});
	return next;
}

/** After ErrImagePull the kubelet backs off (ImagePullBackOff) before trying again. */
export function pullBackOff(runtime: ControllerRuntime, pod: Pod, at: number, record: PodRuntime): Pod {
	const next = structuredClone(pod);
	record.nextAt = at + kubeletBackoffMs(record.pullFailures);
	next.status!.containerStatuses = next.spec.containers.map(container => {
		const image = container.image ?? '';
		const subject = podSubject(next, container.name);
		runtime.events.record(at, subject, 'Normal', 'BackOff', `Back-off pulling image "${image}"`, kubelet(next));
		runtime.events.record(at, subject, 'Warning', 'Failed', 'Error: ImagePullBackOff', kubelet(next));
		return containerStatus(container, {waiting: {reason: 'ImagePullBackOff', message: `Back-off pulling image "${image}"`}}, statusOf(pod, container.name));
	});
	return next;
}

/** A deleted pod's containers are stopped at `at`: SIGTERM → exit 143; never-started containers are unknown. */
export function kill(runtime: ControllerRuntime, pod: Pod, at: number): Pod {
	const next = structuredClone(pod);
	next.status ??= {};
	next.status.containerStatuses = next.spec.containers.map(container => {
		const previous = statusOf(pod, container.name) ?? containerStatus(container, {waiting: {reason: 'ContainerCreating'}}, undefined);
		if (previous.state?.terminated) {
			return previous;
		}

		if (previous.state?.running) {
			runtime.events.record(at, podSubject(next, container.name), 'Normal', 'Killing', `Stopping container ${container.name}`, kubelet(next));
			return terminatedStatus(previous, 143, 'Error', at);
		}

		if (previous.lastState?.terminated) {
			// A crash-looping container is already dead: its last exit is its final state.
			return {...previous, ready: false, started: false, state: {terminated: previous.lastState.terminated}, lastState: {}};
		}

		return {...previous, ready: false, started: false, state: {terminated: {exitCode: 137, reason: 'ContainerStatusUnknown', message: 'The container could not be located when the pod was terminated', startedAt: null, finishedAt: rfc3339(at)}}};
	});
	finish(next, at);
	return next;
}
