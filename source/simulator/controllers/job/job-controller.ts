/**
The job controller, after pkg/controller/job/job_controller.go
(https://github.com/kubernetes/kubernetes/blob/v1.34.0/pkg/controller/job/job_controller.go): counts finished pods
through the tracking finalizer, decides the two-step terminal conditions, keeps `parallelism` pods running (NonIndexed
or per completion index) with the pod re-creation back-off (10 s doubling, capped at 10 minutes; kube/job-backoff.ts),
handles activeDeadlineSeconds, suspend and resume, and writes the Job status.
*/
import {type BackoffRecord, getRemainingBackoffTime, newBackoffRecord} from '../../../kube/job-backoff.js';
import {isJobFinished} from '../../../kube/job-state.js';
import type {Job, JobStatus, Pod} from '../../../kube/types.js';
import {jobSubject} from '../events.js';
import {isActive, isReady, isTerminating, jobReasons, pastBackoffLimitOnFailure, setJobCondition, trueCondition} from './job-conditions.js';
import {exhaustedIndexes, indexesToStart} from './job-indexes.js';
import {createJobPod, formatIntervals, parseIntervals, trackingFinalizer} from './job-pods.js';
import {countFinishedPods} from './job-tracking.js';
import {controllerOf, deletePod, forEachObject, rfc3339, sameJson, withoutFinalizer} from '../objects.js';
import type {ControllerRuntime} from '../runtime.js';

const source = {component: 'job-controller'};
// Slow-start batches are capped at this many pods per sync.
const maxPodsPerSync = 500;

/** The job controller. */
export class JobController {
	readonly #runtime: ControllerRuntime;
	readonly #backoff = new Map<string, BackoffRecord>();
	readonly #created = new Map<string, number>();

	constructor(runtime: ControllerRuntime) {
		this.#runtime = runtime;
	}

	/** One pass over every Job, plus finalizer cleanup of pods whose Job is gone. */
	reconcile(now: number): void {
		const {store} = this.#runtime;
		const byOwner = new Map<string, Pod[]>();
		for (const pod of store.list<Pod>('Pod')) {
			const owner = controllerOf(pod);
			if (owner?.kind === 'Job') {
				byOwner.set(owner.uid, [...(byOwner.get(owner.uid) ?? []), pod]);
			}
		}

		const jobs = store.list<Job>('Job');
		const jobUids = new Set(jobs.map(job => job.metadata.uid ?? ''));
		forEachObject(jobs, job => {
			this.#sync(job, byOwner.get(job.metadata.uid ?? '') ?? [], now);
		});

		for (const pod of store.list<Pod>('Pod')) {
			const owner = controllerOf(pod);
			if (pod.metadata.finalizers?.includes(trackingFinalizer) && (!owner || (owner.kind === 'Job' && !jobUids.has(owner.uid)))) {
				store.update('Pod', withoutFinalizer(pod, trackingFinalizer));
			}
		}

		for (const uid of this.#backoff.keys()) {
			if (!jobUids.has(uid)) {
				this.#backoff.delete(uid);
				this.#created.delete(uid);
			}
		}
	}

	#event(job: Job, now: number, type: 'Normal' | 'Warning', reason: string, message: string): void {
		this.#runtime.events.record(now, jobSubject(job), type, reason, message, source);
	}

	#sync(job: Job, initialPods: Pod[], now: number): void {
		const {store} = this.#runtime;
		const uid = job.metadata.uid ?? '';
		if (isJobFinished(job)) {
			for (const pod of initialPods) {
				if (pod.metadata.finalizers?.includes(trackingFinalizer) && !isActive(pod) && !isTerminating(pod)) {
					store.update('Pod', withoutFinalizer(pod, trackingFinalizer));
				}
			}

			return;
		}

		const status: JobStatus = structuredClone(job.status ?? {});
		const indexed = job.spec.completionMode === 'Indexed';
		const completions = job.spec.completions ?? undefined;
		const completed = parseIntervals(status.completedIndexes);
		let pods = initialPods;

		// Count pods that finished (or were deleted before running) and release them.
		const counted = countFinishedPods(store, pods, indexed ? {completions, completed} : undefined);
		pods = counted.pods;
		const {newSucceeded, newFailed} = counted;
		status.succeeded = indexed ? completed.size : (status.succeeded ?? 0) + newSucceeded.length;
		status.failed = (status.failed ?? 0) + newFailed.length;
		const perIndex = indexed && job.spec.backoffLimitPerIndex !== undefined;
		const failedIndexes = parseIntervals(status.failedIndexes);
		for (const index of exhaustedIndexes(job, newFailed)) {
			failedIndexes.add(index);
		}
		if (newSucceeded.length > 0 || newFailed.length > 0) {
			this.#backoff.set(uid, newBackoffRecord(this.#backoff.get(uid), newSucceeded, newFailed));
		}

		const deleting = Boolean(job.metadata.deletionTimestamp);
		const suspended = job.spec.suspend === true;
		if (!status.startTime && !suspended && !deleting) {
			status.startTime = rfc3339(now);
		}

		let failureTarget = trueCondition(status, 'FailureTarget');
		let successMet = trueCondition(status, 'SuccessCriteriaMet');
		// The terminal condition is written in a later update than the interim one, as the real controller does.
		const interimWritten = Boolean(failureTarget ?? successMet);
		const active = () => pods.filter(pod => isActive(pod));

		// Suspend and resume.
		const suspendedCondition = status.conditions?.find(condition => condition.type === 'Suspended');
		if (suspended && !failureTarget && !successMet && !deleting) {
			if (suspendedCondition?.status !== 'True') {
				setJobCondition(status, 'Suspended', 'True', 'JobSuspended', 'Job suspended', now);
				this.#event(job, now, 'Normal', 'Suspended', 'Job suspended');
			}

			// Suspension is not a failure: release the pods before deleting them so they are not counted.
			pods = pods.flatMap(pod => (isActive(pod) ? this.#deletePod(job, store.update('Pod', withoutFinalizer(pod, trackingFinalizer)), now) : [pod]));
		} else if (!suspended && suspendedCondition?.status === 'True') {
			setJobCondition(status, 'Suspended', 'False', 'JobResumed', 'Job resumed', now);
			status.startTime = rfc3339(now);
			this.#event(job, now, 'Normal', 'Resumed', 'Job resumed');
		}

		// Failure and success criteria (the interim conditions of 1.31+).
		if (!failureTarget && !successMet && !suspended && !deleting) {
			const backoffLimit = job.spec.backoffLimit ?? 6;
			const startTime = Date.parse(status.startTime ?? '');
			const deadline = job.spec.activeDeadlineSeconds;
			let why: {reason: string; message: string} | undefined;
			const maxFailedIndexes = job.spec['maxFailedIndexes'] as number | undefined;
			if (perIndex && maxFailedIndexes !== undefined && failedIndexes.size > maxFailedIndexes) {
				why = jobReasons.maxFailedIndexesExceeded;
			} else if (status.failed > backoffLimit || pastBackoffLimitOnFailure(job.spec.template.spec.restartPolicy, backoffLimit, active())) {
				why = jobReasons.backoffLimitExceeded;
			} else if (deadline !== undefined && !Number.isNaN(startTime) && now - startTime >= deadline * 1000) {
				why = jobReasons.deadlineExceeded;
			}

			if (why) {
				setJobCondition(status, 'FailureTarget', 'True', why.reason, why.message, now);
				failureTarget = trueCondition(status, 'FailureTarget');
			} else {
				const done = indexed
					? completed.size + failedIndexes.size >= (completions ?? 1) && (failedIndexes.size === 0 || active().length === 0)
					: (completions === undefined ? status.succeeded > 0 && active().length === 0 : status.succeeded >= completions);
				if (done && failedIndexes.size > 0) {
					setJobCondition(status, 'FailureTarget', 'True', jobReasons.failedIndexes.reason, jobReasons.failedIndexes.message, now);
					failureTarget = trueCondition(status, 'FailureTarget');
				} else if (done) {
					const {reason, message} = jobReasons.completionsReached;
					setJobCondition(status, 'SuccessCriteriaMet', 'True', reason, message, now);
					successMet = trueCondition(status, 'SuccessCriteriaMet');
				}
			}
		}

		if (failureTarget || successMet) {
			pods = pods.flatMap(pod => (isActive(pod) ? this.#deletePod(job, pod, now) : [pod]));
			const unfinished = pods.some(pod => isActive(pod) || isTerminating(pod) || pod.metadata.finalizers?.includes(trackingFinalizer));
			if (!unfinished && interimWritten) {
				if (failureTarget) {
					setJobCondition(status, 'Failed', 'True', failureTarget.reason ?? '', failureTarget.message ?? '', now);
					this.#event(job, now, 'Warning', failureTarget.reason ?? 'Failed', failureTarget.message ?? '');
				} else if (successMet) {
					setJobCondition(status, 'Complete', 'True', successMet.reason ?? '', successMet.message ?? '', now);
					status.completionTime = rfc3339(now);
					this.#event(job, now, 'Normal', 'Completed', 'Job completed');
				}
			}
		} else if (!suspended && !deleting) {
			pods = this.#manage(job, status, pods, {completed, failed: failedIndexes}, now);
		}

		const activePods = active();
		status.active = activePods.length;
		status.ready = activePods.filter(pod => isReady(pod)).length;
		status.terminating = pods.filter(pod => isTerminating(pod)).length;
		status.uncountedTerminatedPods = {};
		// completedIndexes is omitempty: absent until an index completes.
		if (indexed && completed.size > 0) {
			status.completedIndexes = formatIntervals(completed);
		}

		if (perIndex) {
			status.failedIndexes = formatIntervals(failedIndexes);
		}

		for (const key of ['active', 'succeeded', 'failed'] as const) {
			if (status[key] === 0) {
				delete status[key];
			}
		}

		if (!sameJson(status, job.status ?? {})) {
			const current = store.get<Job>('Job', job.metadata.namespace, job.metadata.name ?? '');
			if (current && current.metadata.uid === uid) {
				store.update('Job', {...structuredClone(current), status});
			}
		}
	}

	// Creates or deletes pods so the right number run (or the right indexes), honouring the back-off.
	#manage(job: Job, status: JobStatus, pods: Pod[], done: {completed: Set<number>; failed: Set<number>}, now: number): Pod[] {
		const uid = job.metadata.uid ?? '';
		const parallelism = job.spec.parallelism ?? 1;
		const completions = job.spec.completions ?? undefined;
		const active = pods.filter(pod => isActive(pod));
		const out = [...pods];
		let wanted: Array<{index: number; failures: number}> | number;
		if (job.spec.completionMode === 'Indexed') {
			wanted = indexesToStart(job, pods, done, parallelism - active.length, now);
		} else {
			const want = completions === undefined ? ((status.succeeded ?? 0) > 0 ? 0 : parallelism) : Math.max(0, Math.min(parallelism, completions - (status.succeeded ?? 0)));
			if (active.length > want) {
				const extra = [...active].sort((a, b) => (b.metadata.creationTimestamp ?? '').localeCompare(a.metadata.creationTimestamp ?? '')).slice(0, active.length - want);
				return out.flatMap(pod => (extra.includes(pod) ? this.#deletePod(job, pod, now) : [pod]));
			}

			wanted = want - active.length;
		}

		const count = Math.min(maxPodsPerSync, typeof wanted === 'number' ? wanted : wanted.length);
		const record = this.#backoff.get(uid);
		// Per-index jobs back off per index (indexesToStart); the others wait for the job-wide record.
		if (count <= 0 || (job.spec.backoffLimitPerIndex === undefined && record && getRemainingBackoffTime(record, now) > 0)) {
			return out;
		}

		let created = this.#created.get(uid) ?? ((job.status?.succeeded ?? 0) + (job.status?.failed ?? 0) + pods.length);
		for (let i = 0; i < count; i++) {
			const pod = createJobPod(this.#runtime.store, job, now, typeof wanted === 'number' ? undefined : wanted[i]);
			created++;
			this.#runtime.attempts.set(pod.metadata.uid ?? '', created);
			this.#event(job, now, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`);
			out.push(pod);
		}

		this.#created.set(uid, created);
		return out;
	}

	// Deletes a pod; returns it as it now stands (nothing when it is gone already).
	#deletePod(job: Job, pod: Pod, now: number): Pod[] {
		const {store} = this.#runtime;
		deletePod(store, pod, now);
		this.#event(job, now, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`);
		const current = store.get<Pod>('Pod', pod.metadata.namespace, pod.metadata.name ?? '');
		return current ? [current] : [];
	}
}
