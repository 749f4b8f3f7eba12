/**
TTL-after-finished, after
https://github.com/kubernetes/kubernetes/blob/v1.34.0/pkg/controller/ttlafterfinished/ttlafterfinished_controller.go:
a Job with ttlSecondsAfterFinished is deleted, Foreground, that many seconds after its Complete or Failed condition
(the interim SuccessCriteriaMet / FailureTarget do not start the clock).
*/
import {jobFinishedCondition} from '../../kube/job-state.js';
import type {Job} from '../../kube/types.js';
import {deleteObject} from './objects.js';
import type {ControllerRuntime} from './runtime.js';

/** When the TTL controller deletes the job (epoch ms), or undefined when it never will. */
export function ttlExpiresAt(job: Job): number | undefined {
	const ttl = job.spec.ttlSecondsAfterFinished;
	const finished = Date.parse(jobFinishedCondition(job)?.lastTransitionTime ?? '');
	if (ttl === undefined || ttl === null || Number.isNaN(finished)) {
		return undefined;
	}

	return finished + (ttl * 1000);
}

/** The TTL-after-finished controller. */
export class TtlController {
	readonly #runtime: ControllerRuntime;

	constructor(runtime: ControllerRuntime) {
		this.#runtime = runtime;
	}

	/** Deletes every expired finished Job. */
	reconcile(now: number): void {
		const {store} = this.#runtime;
		for (const job of store.list<Job>('Job')) {
			const expireAt = ttlExpiresAt(job);
			if (!job.metadata.deletionTimestamp && expireAt !== undefined && now >= expireAt) {
				deleteObject(store, 'Job', job, now, 'Foreground');
			}
		}
	}
}
