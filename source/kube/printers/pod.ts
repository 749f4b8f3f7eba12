/**
The `kubectl get pods` table: port of printPod in pkg/printers/internalversion/printers.go.
*/

import {creationTimestampDoc, nameDoc, podDocs} from './column-docs.js';
import {humanDuration, translateTimestampSince} from '../duration.js';
import {column} from './helpers.js';
import type {PrintOptions, TableColumnDefinition, TableRow, TableRowCondition} from './table.js';
import {timeOf, type Container, type ContainerStatus, type Pod} from '../types.js';

/** The nine pod columns; the last four are wide-only (priority 1). */
export const podColumns: TableColumnDefinition[] = [
	column('Name', 'string', nameDoc, {format: 'name'}),
	column('Ready', 'string', 'The aggregate readiness state of this pod for accepting traffic.'),
	column('Status', 'string', 'The aggregate status of the containers in this pod.'),
	column('Restarts', 'string', 'The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.'),
	column('Age', 'string', creationTimestampDoc),
	column('IP', 'string', podDocs.podIP, {priority: 1}),
	column('Node', 'string', podDocs.nodeName, {priority: 1}),
	column('Nominated Node', 'string', podDocs.nominatedNodeName, {priority: 1}),
	column('Readiness Gates', 'string', podDocs.readinessGates, {priority: 1}),
];

/** Row conditions upstream attaches to terminal pods (kubectl greys these rows out). */
export const podSuccessConditions: TableRowCondition[] = [{type: 'Completed', status: 'True', reason: 'Succeeded', message: 'The pod has completed successfully.'}];
/** Row conditions for a Failed pod. */
export const podFailedConditions: TableRowCondition[] = [{type: 'Completed', status: 'True', reason: 'Failed', message: 'The pod failed.'}];

/** The summary printPod computes before laying out cells. */
type PodSummary = {ready: number; total: number; reason: string; restarts: number; lastRestart: number | undefined};

const isRestartable = (container: Container | undefined): boolean => container?.restartPolicy === 'Always';

// Go keeps the latest lastState.terminated.finishedAt; an absent one is the zero time and never wins.
const laterRestart = (current: number | undefined, status: ContainerStatus): number | undefined => {
	const finished = timeOf(status.lastState?.terminated?.finishedAt);
	return finished !== undefined && (current === undefined || finished > current) ? finished : current;
};

function summarize(pod: Pod): PodSummary {
	const status = pod.status ?? {};
	const conditions = status.conditions ?? [];
	let total = pod.spec.containers?.length ?? 0;
	let ready = 0;
	let restarts = 0;
	let sidecarRestarts = 0;
	let lastRestart: number | undefined;
	let lastSidecarRestart: number | undefined;
	let reason = status.reason || (status.phase ?? '');
	if (conditions.some(condition => condition.type === 'PodScheduled' && condition.reason === 'SchedulingGated')) {
		reason = 'SchedulingGated';
	}

	const initContainers = new Map<string, Container>();
	for (const container of pod.spec.initContainers ?? []) {
		initContainers.set(container.name ?? '', container);
		if (isRestartable(container)) {
			total++;
		}
	}

	let initializing = false;
	const initStatuses = status.initContainerStatuses ?? [];
	for (const [index, container] of initStatuses.entries()) {
		restarts += container.restartCount ?? 0;
		lastRestart = laterRestart(lastRestart, container);
		const restartable = isRestartable(initContainers.get(container.name ?? ''));
		if (restartable) {
			sidecarRestarts += container.restartCount ?? 0;
			lastSidecarRestart = laterRestart(lastSidecarRestart, container);
		}

		const {terminated, waiting} = container.state ?? {};
		if (terminated && (terminated.exitCode ?? 0) === 0) {
			continue;
		}

		if (restartable && container.started === true) {
			if (container.ready) {
				ready++;
			}

			continue;
		}

		initializing = true;
		if (terminated) {
			// Initialization failed.
			reason = terminated.reason ? `Init:${terminated.reason}` : (terminated.signal ? `Init:Signal:${terminated.signal}` : `Init:ExitCode:${terminated.exitCode ?? 0}`);
		} else if (waiting?.reason && waiting.reason !== 'PodInitializing') {
			reason = `Init:${waiting.reason}`;
		} else if (waiting?.reason === 'PodInitializing') {
			// Old kubelets report PodInitializing for init containers; upstream maps it so both read the same.
			reason = 'Init:ContainerCreating';
		} else {
			reason = `Init:${index}/${pod.spec.initContainers?.length ?? 0}`;
		}

		break;
	}

	const initialized = conditions.some(condition => condition.type === 'Initialized' && condition.status === 'True');
	if (!initializing || initialized) {
		restarts = sidecarRestarts;
		lastRestart = lastSidecarRestart;
		let hasRunning = false;
		let errorReason = '';
		const statuses = status.containerStatuses ?? [];
		// Reverse order, so the first container's state wins in multi-container pods.
		for (let i = statuses.length - 1; i >= 0; i--) {
			const container = statuses[i]!;
			restarts += container.restartCount ?? 0;
			lastRestart = laterRestart(lastRestart, container);
			const {terminated, waiting, running} = container.state ?? {};
			if (waiting?.reason) {
				reason = waiting.reason;
			} else if (terminated) {
				reason = terminated.reason || (terminated.signal ? `Signal:${terminated.signal}` : `ExitCode:${terminated.exitCode ?? 0}`);
				if ((terminated.exitCode ?? 0) !== 0) {
					errorReason = reason;
				}
			} else if (container.ready && running) {
				hasRunning = true;
				ready++;
			}
		}

		// A pod whose last-listed container completed but another still runs is shown as running.
		if (reason === 'Completed') {
			if (hasRunning && conditions.some(condition => condition.type === 'Ready' && condition.status === 'True')) {
				reason = 'Running';
			} else if (errorReason) {
				reason = errorReason;
			} else if (hasRunning) {
				reason = 'NotReady';
			}
		}
	}

	if (pod.metadata.deletionTimestamp && status.reason === 'NodeLost') {
		reason = 'Unknown';
	} else if (pod.metadata.deletionTimestamp && status.phase !== 'Succeeded' && status.phase !== 'Failed') {
		reason = 'Terminating';
	}

	return {ready, total, reason, restarts, lastRestart};
}

/**
kubectl's STATUS cell for a pod: CrashLoopBackOff, Init:0/1, Completed, Error, NotReady, Terminating, the phase, …
*/
export function podStatusReason(pod: Pod): string {
	return summarize(pod).reason;
}

/**
kubectl's READY cell: ready-and-running containers over all containers (sidecar init containers included), e.g. "1/2".
*/
export function podReady(pod: Pod): string {
	const {ready, total} = summarize(pod);
	return `${ready}/${total}`;
}

function formatRestarts({restarts, lastRestart}: PodSummary, now: number): string {
	if (restarts !== 0 && lastRestart !== undefined) {
		return `${restarts} (${humanDuration(now - lastRestart)} ago)`;
	}

	return String(restarts);
}

/**
kubectl's RESTARTS cell: "0", or "3 (25s ago)" using the latest lastState.terminated.finishedAt.
*/
export function podRestarts(pod: Pod, now: number): string {
	return formatRestarts(summarize(pod), now);
}

/**
One `kubectl get pods` row, with the Completed row condition for Succeeded/Failed pods.
*/
export function printPod(pod: Pod, now: number, options?: PrintOptions): TableRow {
	const summary = summarize(pod);
	const row: TableRow = {
		cells: [
			pod.metadata.name ?? '',
			`${summary.ready}/${summary.total}`,
			summary.reason,
			formatRestarts(summary, now),
			translateTimestampSince(pod.metadata.creationTimestamp, now),
		],
	};
	if (pod.status?.phase === 'Succeeded') {
		row.conditions = podSuccessConditions.map(condition => ({...condition}));
	} else if (pod.status?.phase === 'Failed') {
		row.conditions = podFailedConditions.map(condition => ({...condition}));
	}

	if (options?.wide) {
		row.cells.push(...wideCells(pod));
	}

	return row;
}

function wideCells(pod: Pod): string[] {
	const status = pod.status ?? {};
	// The v1→internal conversion fills podIPs from podIP, so fall back to it as the server would.
	const ip = status.podIPs?.[0]?.ip || status.podIP || '<none>';
	const gates = (pod.spec['readinessGates'] as Array<{conditionType: string}> | undefined) ?? [];
	let readinessGates = '<none>';
	if (gates.length > 0) {
		const conditions = status.conditions ?? [];
		const satisfied = gates.filter(gate => conditions.find(condition => condition.type === gate.conditionType)?.status === 'True').length;
		readinessGates = `${satisfied}/${gates.length}`;
	}

	return [ip, pod.spec.nodeName || '<none>', status.nominatedNodeName || '<none>', readinessGates];
}
