/**
Job conditions and the counting rules the job controller uses to decide them: since 1.31 a job that succeeds or
fails first gets `SuccessCriteriaMet` / `FailureTarget` and only gets `Complete` / `Failed` once its pods are gone.
*/
import type {JobCondition, JobStatus, Pod} from '../../../kube/types.js';
import {rfc3339} from '../objects.js';

/** Reason and message of each way a Job ends. */
export const jobReasons = {
	backoffLimitExceeded: {reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit'},
	deadlineExceeded: {reason: 'DeadlineExceeded', message: 'Job was active longer than specified deadline'},
	completionsReached: {reason: 'CompletionsReached', message: 'Reached expected number of succeeded pods'},
	maxFailedIndexesExceeded: {reason: 'MaxFailedIndexesExceeded', message: 'Job has exceeded the specified maximal number of failed indexes'},
	failedIndexes: {reason: 'FailedIndexes', message: 'Job has failed indexes'},
} as const;

/** Adds or updates a condition; lastTransitionTime changes only with the status. */
export function setJobCondition(status: JobStatus, type: string, value: 'True' | 'False', reason: string, message: string, now: number): void {
	const conditions = status.conditions ?? [];
	const existing = conditions.find(condition => condition.type === type);
	if (existing) {
		if (existing.status === value && existing.reason === reason) {
			return;
		}

		existing.lastTransitionTime = rfc3339(now);
		existing.lastProbeTime = rfc3339(now);
		existing.status = value;
		existing.reason = reason;
		existing.message = message;
	} else {
		const condition: JobCondition = {type, status: value, lastProbeTime: rfc3339(now), lastTransitionTime: rfc3339(now), reason, message};
		conditions.push(condition);
	}

	status.conditions = conditions;
}

/** The first condition of a type with status True in a status object. */
export function trueCondition(status: JobStatus, type: string): JobCondition | undefined {
	const condition = status.conditions?.find(candidate => candidate.type === type);
	return condition?.status === 'True' ? condition : undefined;
}

/** True when the pod is active: not terminal and not being deleted. */
export function isActive(pod: Pod): boolean {
	const phase = pod.status?.phase;
	return !pod.metadata.deletionTimestamp && phase !== 'Succeeded' && phase !== 'Failed';
}

/** True when the pod is being deleted and has not reached a terminal phase. */
export function isTerminating(pod: Pod): boolean {
	const phase = pod.status?.phase;
	return Boolean(pod.metadata.deletionTimestamp) && phase !== 'Succeeded' && phase !== 'Failed';
}

/** True when the pod's Ready condition is True. */
export function isReady(pod: Pod): boolean {
	return pod.status?.conditions?.some(condition => condition.type === 'Ready' && condition.status === 'True') ?? false;
}

/** pastBackoffLimitOnFailure: restarts of running/pending pods reach the limit (any restart when the limit is 0). */
export function pastBackoffLimitOnFailure(restartPolicy: string | undefined, backoffLimit: number, pods: readonly Pod[]): boolean {
	if (restartPolicy !== 'OnFailure') {
		return false;
	}

	let restarts = 0;
	for (const pod of pods) {
		if (pod.status?.phase === 'Running' || pod.status?.phase === 'Pending') {
			for (const status of [...(pod.status.initContainerStatuses ?? []), ...(pod.status.containerStatuses ?? [])]) {
				restarts += status.restartCount;
			}
		}
	}

	return backoffLimit === 0 ? restarts > 0 : restarts >= backoffLimit;
}
