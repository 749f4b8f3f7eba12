/**
`d` on a pod: status, node, containers with their state, restarts and environment (references only), conditions and
events.
*/
import {podStatusReason} from '../../kube/printers/pod.js';
import type {ContainerState, ContainerStatus, KubeEvent, Pod} from '../../kube/types.js';
import {conditionTable, containerLines, controlledBy, eventTable, type Field, fieldLines, mapLines, timeWithAge} from './parts.js';

function stateLines(state: ContainerState | undefined, now: number): string[] {
	if (state?.running) {
		return ['Running', `  Started:  ${timeWithAge(state.running.startedAt, now)}`];
	}

	if (state?.terminated) {
		const done = state.terminated;
		return [
			'Terminated',
			`  Reason:     ${done.reason ?? ''}`,
			`  Exit Code:  ${done.exitCode}`,
			...(done.message ? [`  Message:    ${done.message.trim()}`] : []),
			`  Started:    ${timeWithAge(done.startedAt, now)}`,
			`  Finished:   ${timeWithAge(done.finishedAt, now)}`,
		];
	}

	if (state?.waiting) {
		return ['Waiting', `  Reason:  ${state.waiting.reason ?? ''}`, ...(state.waiting.message ? [`  Message:  ${state.waiting.message}`] : [])];
	}

	return ['<unknown>'];
}

function statusFields(status: ContainerStatus | undefined, now: number): Field[] {
	if (!status) {
		return [['State', 'Waiting (no status yet)']];
	}

	const fields: Field[] = [['State', stateLines(status.state, now)]];
	if (status.lastState && Object.keys(status.lastState).length > 0) {
		fields.push(['Last State', stateLines(status.lastState, now)]);
	}

	fields.push(['Ready', String(status.ready)], ['Restart Count', String(status.restartCount)]);
	return fields;
}

/** The description of a pod and the events about it. */
export function describePod(pod: Pod, events: readonly KubeEvent[], now: number): string[] {
	const status = pod.status ?? {};
	const fields: Field[] = [
		['Name', pod.metadata.name ?? ''],
		['Namespace', pod.metadata.namespace ?? ''],
		['Service Account', pod.spec.serviceAccountName ?? 'default'],
		['Node', pod.spec.nodeName ? `${pod.spec.nodeName}${status.hostIP ? `/${status.hostIP}` : ''}` : '<none>'],
		['Start Time', timeWithAge(status.startTime, now)],
		['Labels', mapLines(pod.metadata.labels)],
		['Annotations', mapLines(pod.metadata.annotations)],
		['Status', podStatusReason(pod)],
	];
	if (pod.metadata.deletionTimestamp) {
		fields.push(['Terminating', `since ${timeWithAge(pod.metadata.deletionTimestamp, now)}, grace period ${pod.metadata.deletionGracePeriodSeconds ?? 0}s`]);
	}

	if (status.reason) {
		fields.push(['Reason', status.reason]);
	}

	if (status.message) {
		fields.push(['Message', status.message]);
	}

	fields.push(['IP', status.podIP ?? '<none>']);
	const owner = controlledBy(pod.metadata.ownerReferences);
	if (owner) {
		fields.push(['Controlled By', owner]);
	}

	const lines = fieldLines(fields);
	const section = (title: string, containers: Pod['spec']['containers'] | undefined, statuses: ContainerStatus[] | undefined) => {
		if (!containers || containers.length === 0) {
			return;
		}

		lines.push(`${title}:`);
		for (const container of containers) {
			lines.push(...containerLines(container, statusFields(statuses?.find(candidate => candidate.name === container.name), now)));
		}
	};

	section('Init Containers', pod.spec.initContainers, status.initContainerStatuses);
	section('Containers', pod.spec.containers, status.containerStatuses);
	return [...lines, ...conditionTable(status.conditions, now), ...eventTable(events, now)];
}
