/**
Pod tracking with the `batch.kubernetes.io/job-tracking` finalizer: a finished pod is counted once, by removing the
finalizer, as pkg/controller/job/tracking_utils.go does; `status.uncountedTerminatedPods` holds pods between the two
steps. The simulator collapses the two writes of uncountedTerminatedPods into one.
*/
import type {Pod} from '../../../kube/types.js';
import type {SimStore} from '../../store.js';
import {podIndex, trackingFinalizer} from './job-pods.js';
import {withoutFinalizer} from '../objects.js';

/** Pods counted in this sync, and the job's pods as they now stand (released ones that were removed are gone). */
export type Counted = {pods: Pod[]; newSucceeded: Pod[]; newFailed: Pod[]};

/**
Counts and releases the pods that finished (or were deleted before they ever ran). For Indexed jobs, succeeded
indexes below `completions` are added to `completed`.
*/
export function countFinishedPods(store: SimStore, pods: readonly Pod[], indexed?: {completions: number | undefined; completed: Set<number>}): Counted {
	const newSucceeded: Pod[] = [];
	const newFailed: Pod[] = [];
	const out = pods.flatMap(pod => {
		if (!pod.metadata.finalizers?.includes(trackingFinalizer)) {
			return [pod];
		}

		const phase = pod.status?.phase;
		const failed = phase === 'Failed' || (Boolean(pod.metadata.deletionTimestamp) && !pod.spec.nodeName && phase !== 'Succeeded');
		if (phase !== 'Succeeded' && !failed) {
			return [pod];
		}

		if (phase === 'Succeeded') {
			newSucceeded.push(pod);
			const index = podIndex(pod);
			if (indexed && index !== undefined && (indexed.completions === undefined || index < indexed.completions)) {
				indexed.completed.add(index);
			}
		} else {
			newFailed.push(pod);
		}

		const stored = store.update('Pod', withoutFinalizer(pod, trackingFinalizer));
		return store.get('Pod', stored.metadata.namespace, stored.metadata.name ?? '') ? [stored] : [];
	});
	return {pods: out, newSucceeded, newFailed};
}
