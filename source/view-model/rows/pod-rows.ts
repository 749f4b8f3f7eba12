/**
The Pods table: its columns and one row per pod, with kubectl's READY, STATUS and RESTARTS.
*/
import {translateTimestampSince} from '../../kube/duration.js';
import {jobOwner} from '../../kube/job-state.js';
import {podReady, podRestarts, podStatusReason} from '../../kube/printers/pod.js';
import type {ContainerStatus, Pod} from '../../kube/types.js';
import {jobLabels, timeOf} from '../../kube/types.js';
import type {StoreView} from '../../store/types.js';
import {type ColumnSpec, namespaceColumn} from '../columns.js';
import {rowFlags, uidOf} from '../row-flags.js';
import type {TimeBound} from '../time-widths.js';
import type {Row, Tone} from '../types.js';

/** The Pods view's columns. */
export function podColumns(allNamespaces: boolean): ColumnSpec[] {
	const columns: ColumnSpec[] = [
		{id: 'name', title: 'NAME', cut: 'name', minWidth: 14, cap: 63, priority: 0, want: 28, help: 'The pod\'s name.'},
		{id: 'ready', title: 'READY', minWidth: 5, cap: 7, priority: 1, help: 'Containers ready of all containers (sidecars included), as kubectl shows it.'},
		{id: 'status', title: 'STATUS', minWidth: 10, cap: 32, priority: 0, want: 16, help: 'kubectl\'s pod status: `Running`, `Completed`, `Error`, `OOMKilled`, `CrashLoopBackOff`, `ImagePullBackOff`, `Init:0/1`, `Terminating`, …'},
		// Time cells change every second (RESTARTS too: `3 (25s ago)`), so they are built only for the rows on screen.
		{id: 'restarts', title: 'RESTARTS', minWidth: 8, cap: 16, priority: 2, want: 12, time: true, help: 'Container restarts, with how long ago the last one was: `3 (25s ago)`.'},
		{id: 'exit', title: 'EXIT', minWidth: 6, cap: 24, priority: 3, want: 13, help: 'How the last container that ended ended: exit code and reason, `1 Error`, `137 OOMKilled`.'},
		{id: 'node', title: 'NODE', minWidth: 6, cap: 30, priority: 6, want: 10, help: 'The node the pod runs on.'},
		{id: 'job', title: 'JOB', cut: 'name', minWidth: 6, cap: 63, priority: 5, want: 14, help: 'The job the pod belongs to; `(orphaned)` after the job was deleted and its pods left behind.'},
		{id: 'age', title: 'AGE', minWidth: 5, cap: 10, priority: 2, time: true, help: 'Time since the pod was created.'},
	];
	return allNamespaces ? [namespaceColumn, ...columns] : columns;
}

/** The cells of a pod row. */
export function podCells(pod: Pod, now: number, deleted = false): Record<string, string> {
	return {...podStaticCells(pod, deleted), ...podTimeCells(pod, now)};
}

/** The cells of a pod row that do not change with the clock. */
export function podStaticCells(pod: Pod, deleted = false): Record<string, string> {
	const status = podStatusReason(pod);
	return {
		namespace: pod.metadata.namespace ?? '',
		name: pod.metadata.name ?? '',
		ready: podReady(pod),
		status: deleted ? `deleted (${status})` : status,
		exit: exitCell(pod),
		node: pod.spec.nodeName ?? '',
		job: podJobName(pod),
	};
}

/** The time cells of a pod row at `now`: RESTARTS (which says how long ago the last one was) and AGE. */
export function podTimeCells(pod: Pod, now: number): Record<string, string> {
	return {restarts: podRestarts(pod, now), age: translateTimestampSince(pod.metadata.creationTimestamp, now)};
}

/**
How wide a pod's time cells get: RESTARTS is a plain count until a container restarts, then `N (<age> ago)`, an age
bounded by the pod's own (a container restarts after its pod was created).
*/
export function podTimeWidths(pod: Pod): Record<string, number | TimeBound> {
	// At the epoch every `ago` reads `<invalid>`, so the count is the text before the bracket whatever the clock.
	const text = podRestarts(pod, 0);
	const bracket = text.indexOf(' (');
	const created = timeOf(pod.metadata.creationTimestamp);
	const age = created === undefined ? '<unknown>'.length : {since: created, extra: 0};
	const restarts = bracket === -1 ? text.length : {since: created ?? 0, extra: bracket + ' ( ago)'.length};
	return {restarts, age};
}

/** One Pods-table row. */
export function podRow(pod: Pod, snapshot: StoreView, now: number, deleted = false): Row {
	const uid = uidOf(pod);
	return {id: uid, cells: podCells(pod, now, deleted), tone: deleted ? 'muted' : podTone(pod), ...rowFlags(snapshot, 'pods', uid, now, deleted)};
}

/**
The JOB cell: the job a pod belongs to (its controller reference). A pod that keeps the job's name label but lost its
owner reference was orphaned: its job was deleted with propagationPolicy Orphan (the batch/v1 default when nothing is
asked for) and the garbage collector let it go, so the name it shows is of a job that is gone: `report (orphaned)`.
*/
export function podJobName(pod: Pod): string {
	const owner = jobOwner(pod);
	if (owner?.kind === 'Job') {
		return owner.name;
	}

	const label = pod.metadata.labels?.[jobLabels.jobName] ?? pod.metadata.labels?.[jobLabels.legacyJobName];
	return label === undefined || label === '' ? '' : `${label} (orphaned)`;
}

/** A container's termination: exit code, reason and when. */
export type Termination = {readonly exitCode: number; readonly reason?: string; readonly signal?: number; readonly finishedAt?: number; readonly container: string};

/**
The pod's most recent container termination (current state first, then the previous one), regular containers before
init containers; undefined when nothing has terminated yet.
*/
export function lastTermination(pod: Pod): Termination | undefined {
	return latest(pod.status?.containerStatuses ?? []) ?? latest((pod.status?.initContainerStatuses ?? []).filter((status) => (status.state?.terminated?.exitCode ?? status.lastState?.terminated?.exitCode ?? 0) !== 0));
}

function latest(statuses: readonly ContainerStatus[]): Termination | undefined {
	let best: Termination | undefined;
	for (const status of statuses) {
		for (const terminated of [status.state?.terminated, status.lastState?.terminated]) {
			if (!terminated) {
				continue;
			}

			const candidate: Termination = {
				// An absent exitCode is Go's zero value.
				exitCode: terminated.exitCode ?? 0,
				container: status.name,
				...(terminated.reason ? {reason: terminated.reason} : {}),
				...(terminated.signal ? {signal: terminated.signal} : {}),
				...(timeOf(terminated.finishedAt) === undefined ? {} : {finishedAt: timeOf(terminated.finishedAt)}),
			};
			if (best === undefined || (candidate.finishedAt ?? 0) > (best.finishedAt ?? 0)) {
				best = candidate;
			}
		}
	}

	return best;
}

/** `1 Error`, `137 OOMKilled`, `0 Completed`, or blank while nothing has terminated. */
export function terminationText(termination: Termination | undefined): string {
	if (!termination) {
		return '';
	}

	const why = termination.reason ?? (termination.signal ? `Signal:${termination.signal}` : '');
	return why ? `${termination.exitCode} ${why}` : String(termination.exitCode);
}

function exitCell(pod: Pod): string {
	return terminationText(lastTermination(pod));
}

const pendingReasons = new Set(['Pending', 'ContainerCreating', 'PodInitializing', 'SchedulingGated']);

/** The tone of a pod from its kubectl STATUS (which also carries the word, so colour is never the only signal). */
export function podTone(pod: Pod): Tone {
	const status = podStatusReason(pod);
	if (status === 'Running') {
		return 'running';
	}

	if (status === 'Completed' || status === 'Succeeded') {
		return 'success';
	}

	if (status === 'Terminating' || status === 'Unknown') {
		return 'muted';
	}

	if (pendingReasons.has(status) || status.startsWith('Init:') && !/Err|Error|BackOff|Crash|OOM|Signal|ExitCode/.test(status)) {
		return 'pending';
	}

	if (status.includes('BackOff') || status === 'NotReady') {
		return 'warning';
	}

	return 'error';
}
