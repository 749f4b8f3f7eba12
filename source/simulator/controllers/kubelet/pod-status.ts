/**
Builders for the pieces of pod status the kubelet writes: conditions (with lastTransitionTime kept when the status
does not change) and container statuses in their waiting / running / terminated shapes.
*/
import type {Container, ContainerState, ContainerStatus, Pod, PodCondition} from '../../../kube/types.js';
import {rfc3339} from '../objects.js';

// The order the kubelet lists pod conditions in.
const conditionOrder = ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'];

/** Sets a pod condition; lastTransitionTime changes only when the status does. */
export function setPodCondition(pod: Pod, type: string, status: 'True' | 'False', at: number, reason?: string, message?: string): void {
	pod.status ??= {};
	const conditions = pod.status.conditions ?? [];
	const existing = conditions.find(condition => condition.type === type);
	const next: PodCondition = {
		type,
		status,
		lastProbeTime: null,
		lastTransitionTime: existing && existing.status === status ? existing.lastTransitionTime : rfc3339(at),
		...(reason ? {reason} : {}),
		...(message ? {message} : {}),
	};
	const others = conditions.filter(condition => condition.type !== type);
	pod.status.conditions = [...others, next].sort((a, b) => conditionOrder.indexOf(a.type) - conditionOrder.indexOf(b.type));
}

/** The "containers with unready status: [a b]" message. */
export function unreadyMessage(pod: Pod): string {
	return `containers with unready status: [${pod.spec.containers.map(container => container.name).join(' ')}]`;
}

/** A container status in `state`, carrying restart count, last state and ids over from `previous`. */
export function containerStatus(container: Container, state: ContainerState, previous: ContainerStatus | undefined, extra: Partial<ContainerStatus> = {}): ContainerStatus {
	const running = state.running !== undefined;
	return {
		name: container.name,
		state,
		lastState: previous?.lastState ?? {},
		ready: running,
		restartCount: previous?.restartCount ?? 0,
		image: container.image ?? '',
		imageID: previous?.imageID ?? '',
		...(previous?.containerID ? {containerID: previous.containerID} : {}),
		started: running,
		...extra,
	};
}

/** The pod's status for `container`, if present. */
export function statusOf(pod: Pod, name: string): ContainerStatus | undefined {
	return pod.status?.containerStatuses?.find(status => status.name === name);
}
