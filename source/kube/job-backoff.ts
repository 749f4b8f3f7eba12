/**
The job controller's pod re-creation back-off: port of
https://github.com/kubernetes/kubernetes/blob/v1.34.0/pkg/controller/job/backoff_utils.go, plus `nextPodCreationAt`,
which answers "when will the next pod be created?" from what a client can see.
*/

import {isJobFinished, hasJobCondition} from './job-state.js';
import {timeOf, type ContainerStatus, type Job, type Pod} from './types.js';

/** DefaultJobPodFailureBackOff in job_controller.go. */
export const defaultJobPodFailureBackOffMs = 10_000;
/** MaxJobPodFailureBackOff in job_controller.go (the docs' "six minutes" is outdated). */
export const maxJobPodFailureBackOffMs = 600_000;

/** The per-job in-memory record the controller keeps (backoffRecord without its key). */
export type BackoffRecord = {failuresAfterLastSuccess: number; lastFailureTime: number | undefined};

/** Back-off tuning; defaults are the controller's 10 s base and 10 min cap. */
export type BackoffOptions = {baseMs?: number; maxMs?: number};

const indexFailureCountAnnotation = 'batch.kubernetes.io/job-index-failure-count';
const indexIgnoredFailureCountAnnotation = 'batch.kubernetes.io/job-index-ignored-failure-count';

// Latest finishedAt of the given statuses, or undefined as soon as one is not terminated (latestFinishTime).
function latestFinishTime(previous: number | undefined, statuses: readonly ContainerStatus[] | undefined): {ok: boolean; time: number | undefined} {
	let time = previous;
	for (const status of statuses ?? []) {
		const finished = timeOf(status.state?.terminated?.finishedAt);
		if (finished === undefined) {
			return {ok: false, time: undefined};
		}

		if (time === undefined || time < finished) {
			time = finished;
		}
	}

	return {ok: true, time};
}

/**
When a pod finished, in epoch ms (getFinishedTime): the latest container finishedAt when all containers (sidecars
included) terminated, else the Ready=False transition time, else deletionTimestamp minus the grace period,
else creationTimestamp. Undefined only when none of these is known.
*/
export function getFinishedTime(pod: Pod): number | undefined {
	const main = latestFinishTime(undefined, pod.status?.containerStatuses);
	if (main.ok) {
		const sidecarNames = new Set((pod.spec?.initContainers ?? []).filter(container => container.restartPolicy === 'Always').map(container => container.name));
		const sidecars = (pod.status?.initContainerStatuses ?? []).filter(status => sidecarNames.has(status.name));
		const all = latestFinishTime(main.time, sidecars);
		if (all.ok && all.time !== undefined) {
			return all.time;
		}
	}

	const ready = pod.status?.conditions?.find(condition => condition.type === 'Ready');
	const readyFalseAt = ready?.status === 'False' ? timeOf(ready.lastTransitionTime) : undefined;
	if (readyFalseAt !== undefined) {
		return readyFalseAt;
	}

	const deletedAt = timeOf(pod.metadata.deletionTimestamp);
	if (deletedAt !== undefined) {
		return deletedAt - ((pod.metadata.deletionGracePeriodSeconds ?? 0) * 1000);
	}

	return timeOf(pod.metadata.creationTimestamp);
}

// Go's zero time sorts before everything; -Infinity plays that role here.
const finishedOrZero = (pod: Pod): number => getFinishedTime(pod) ?? Number.NEGATIVE_INFINITY;

const byFinishedTime = (pods: readonly Pod[]): Pod[] => [...pods].sort((a, b) => finishedOrZero(a) - finishedOrZero(b));

const definedTime = (time: number): number | undefined => (Number.isFinite(time) ? time : undefined);

/**
Port of backoffStore.newBackoffRecord: folds the pods that finished since the last sync into the previous record.
A success resets the count; only failures finishing strictly after the latest success are counted then.
*/
export function newBackoffRecord(previous: BackoffRecord | undefined, newSucceededPods: readonly Pod[], newFailedPods: readonly Pod[]): BackoffRecord {
	const record: BackoffRecord = {failuresAfterLastSuccess: previous?.failuresAfterLastSuccess ?? 0, lastFailureTime: previous?.lastFailureTime};
	const succeeded = byFinishedTime(newSucceededPods);
	const failed = byFinishedTime(newFailedPods);
	if (succeeded.length === 0) {
		if (failed.length === 0) {
			return record;
		}

		record.failuresAfterLastSuccess += failed.length;
		record.lastFailureTime = definedTime(finishedOrZero(failed.at(-1)!));
		return record;
	}

	record.failuresAfterLastSuccess = 0;
	record.lastFailureTime = undefined;
	const lastSuccess = finishedOrZero(succeeded.at(-1)!);
	for (let i = failed.length - 1; i >= 0; i--) {
		const failedAt = finishedOrZero(failed[i]!);
		if (!(failedAt > lastSuccess)) {
			break;
		}

		record.lastFailureTime ??= definedTime(failedAt);
		record.failuresAfterLastSuccess++;
	}

	return record;
}

/**
The delay after `failures` consecutive failures: base doubled failures-1 times, clamped to max (10, 20, 40 … 600 s).
*/
export function backoffDelay(failures: number, options?: BackoffOptions): number {
	const max = options?.maxMs ?? maxJobPodFailureBackOffMs;
	let delay = options?.baseMs ?? defaultJobPodFailureBackOffMs;
	for (let i = 1; i < failures; i++) {
		delay *= 2;
		if (delay >= max) {
			return max;
		}
	}

	return delay;
}

function remainingForFailures(failures: number, lastFailureTime: number | undefined, now: number, options?: BackoffOptions): number {
	if (failures === 0 || lastFailureTime === undefined) {
		return 0;
	}

	return Math.max(0, backoffDelay(failures, options) - (now - lastFailureTime));
}

/**
Port of backoffRecord.getRemainingTime: ms left before the controller may create a pod again (0 when none).
*/
export function getRemainingBackoffTime(record: BackoffRecord, now: number, options?: BackoffOptions): number {
	return remainingForFailures(record.failuresAfterLastSuccess, record.lastFailureTime, now, options);
}

const annotationCount = (pod: Pod, key: string): number => {
	const value = Number.parseInt(pod.metadata.annotations?.[key] ?? '', 10);
	return Number.isNaN(value) || value < 0 ? 0 : value;
};

/**
Port of getRemainingTimePerIndex (backoffLimitPerIndex jobs): failures = the index's failure-count annotations + 1.
*/
export function getRemainingTimePerIndex(lastFailedPod: Pod | undefined, now: number, options?: BackoffOptions): number {
	if (!lastFailedPod) {
		return 0;
	}

	const failures = annotationCount(lastFailedPod, indexFailureCountAnnotation) + annotationCount(lastFailedPod, indexIgnoredFailureCountAnnotation) + 1;
	return remainingForFailures(failures, getFinishedTime(lastFailedPod), now, options);
}

const isFailedPod = (pod: Pod): boolean => pod.status?.phase === 'Failed' || (Boolean(pod.metadata.deletionTimestamp) && pod.status?.phase !== 'Succeeded');
const isActivePod = (pod: Pod): boolean => !pod.metadata.deletionTimestamp && pod.status?.phase !== 'Failed' && pod.status?.phase !== 'Succeeded';

/**
Epoch ms at which the job controller will create the job's next pod after failures, reconstructed from the
job and its pods: the last failure's finish time plus the delay for the failures counted so far; undefined when the job is not backing off (finished,
finishing, suspended, no failures since the last success, or no pod missing). The time may already be past.
*/
export function nextPodCreationAt(job: Job, pods: readonly Pod[], options?: BackoffOptions): number | undefined {
	if (job.spec.suspend || isJobFinished(job) || hasJobCondition(job, 'FailureTarget') || hasJobCondition(job, 'SuccessCriteriaMet')) {
		return undefined;
	}

	const uid = job.metadata.uid;
	const owned = pods.filter(pod => {
		const owner = pod.metadata.ownerReferences?.find(reference => reference.controller);
		return !uid || !owner || owner.uid === uid;
	});
	const succeeded = job.status?.succeeded ?? 0;
	const parallelism = job.spec.parallelism ?? 1;
	const completions = job.spec.completions;
	const wanted = completions === undefined || completions === null ? parallelism : Math.min(parallelism, completions - succeeded);
	if (owned.filter(pod => isActivePod(pod)).length >= wanted) {
		return undefined;
	}

	const record = newBackoffRecord(undefined, owned.filter(pod => pod.status?.phase === 'Succeeded'), owned.filter(pod => isFailedPod(pod)));
	let failures = record.failuresAfterLastSuccess;
	// Failed pods may have been garbage-collected; with no success ever, status.failed is the controller's count.
	if (succeeded === 0 && (job.status?.failed ?? 0) > failures) {
		failures = job.status?.failed ?? 0;
	}

	if (failures === 0 || record.lastFailureTime === undefined) {
		return undefined;
	}

	return record.lastFailureTime + backoffDelay(failures, options);
}
