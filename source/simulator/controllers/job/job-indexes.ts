/**
Indexed jobs with backoffLimitPerIndex: each index retries on its own (with the per-index back-off) until its
failures exceed the limit, then it joins status.failedIndexes and is not retried.
*/
import {getRemainingTimePerIndex, getFinishedTime} from '../../../kube/job-backoff.js';
import type {Job, Pod} from '../../../kube/types.js';
import {podIndex} from './job-pods.js';

/** The annotation counting an index's earlier failures on each of its pods. */
export const indexFailureCountAnnotation = 'batch.kubernetes.io/job-index-failure-count';

/** Failures of the index before this pod (its failure-count annotation). */
export function failureCountOf(pod: Pod): number {
	const value = Number.parseInt(pod.metadata.annotations?.[indexFailureCountAnnotation] ?? '', 10);
	return Number.isNaN(value) ? 0 : value;
}

/** The latest failed pod of an index, if any. */
export function lastFailedPodOfIndex(pods: readonly Pod[], index: number): Pod | undefined {
	let last: Pod | undefined;
	for (const pod of pods) {
		if (pod.status?.phase === 'Failed' && podIndex(pod) === index && (last === undefined || (getFinishedTime(pod) ?? 0) >= (getFinishedTime(last) ?? 0))) {
			last = pod;
		}
	}

	return last;
}

/** Indexes whose newly failed pod used up the per-index limit. */
export function exhaustedIndexes(job: Job, newFailed: readonly Pod[]): number[] {
	const limit = job.spec.backoffLimitPerIndex;
	if (limit === undefined) {
		return [];
	}

	return newFailed.flatMap(pod => {
		const index = podIndex(pod);
		return index !== undefined && failureCountOf(pod) + 1 > limit ? [index] : [];
	});
}

/**
Indexes to start now, lowest first, at most `room`: not completed, not failed, not running, and (per-index jobs)
out of their back-off. Also returns each chosen index's failure count for the new pod's annotation.
*/
export function indexesToStart(job: Job, pods: readonly Pod[], done: {completed: Set<number>; failed: Set<number>}, room: number, now: number): Array<{index: number; failures: number}> {
	const running = new Set(pods.filter(pod => !pod.metadata.deletionTimestamp && pod.status?.phase !== 'Succeeded' && pod.status?.phase !== 'Failed').map(pod => podIndex(pod)));
	const perIndex = job.spec.backoffLimitPerIndex !== undefined;
	const out: Array<{index: number; failures: number}> = [];
	for (let index = 0; index < (job.spec.completions ?? 1) && out.length < room; index++) {
		if (done.completed.has(index) || done.failed.has(index) || running.has(index)) {
			continue;
		}

		const lastFailed = perIndex ? lastFailedPodOfIndex(pods, index) : undefined;
		if (lastFailed && getRemainingTimePerIndex(lastFailed, now) > 0) {
			continue;
		}

		out.push({index, failures: lastFailed ? failureCountOf(lastFailed) + 1 : 0});
	}

	return out;
}
