/**
The machine-readable form of the three list views (`kjobs get … -o json`): what kjobs works out about each object —
the status word and reason, countdowns as seconds and as timestamps, each attempt's verdict and exit code — in a shape
scripts can rely on. The shape is versioned (`version`), documented in the readme and pinned by a test; fields are
only ever added. Everything is a pure function of the store view and `now`, from the same row functions the screen's
table uses, so the JSON and the table never disagree. Cluster text is left as it is: JSON escapes control characters.
*/
import {jobCompletions} from '../../kube/printers/job.js';
import {podReady, podStatusReason} from '../../kube/printers/pod.js';
import {jobFinishedAt} from '../../kube/job-state.js';
import type {CronJob, Job, Pod} from '../../kube/types.js';
import {timeOf} from '../../kube/types.js';
import type {StoreView} from '../../store/types.js';
import {attemptEntries, type AttemptState} from '../detail/job-timeline.js';
import {jobsOfCronJob, podsOfJob} from '../lookups.js';
import {cronRuns, scheduledAt} from '../rows/cronjob-runs.js';
import {cronJobOwnerName, deadlineAt, failedCell, failures, ttlExpiresAt} from '../rows/job-rows.js';
import {controllerBackoff, jobState, type JobState} from '../rows/job-status.js';
import {lastTermination, podJobName} from '../rows/pod-rows.js';
import {uidOf} from '../row-flags.js';
import type {ViewId} from '../table/types.js';

/** The version of the shape; bumped only if a field ever changes meaning (new fields do not bump it). */
export const jsonVersion = 1;

/** A moment ahead (or just past): when, and how many whole seconds from now (rounded up; 0 or less once it passed). */
export type CountdownJson = {readonly at: string; readonly inSeconds: number};

/** One attempt of a job (one pod), oldest first. */
export type AttemptJson = {
	readonly pod: string;
	readonly index: number | null;
	readonly verdict: AttemptState;
	readonly exitCode: number | null;
	readonly reason: string | null;
	readonly startedAt: string;
	readonly finishedAt: string | null;
	/** The wait before the next attempt was created (the controller's backoff), when both are known. */
	readonly backoffAfterSeconds: number | null;
};

/** A job as kjobs sees it. */
export type JobJson = {
	readonly namespace: string;
	readonly name: string;
	readonly uid: string;
	/** Running, Pending, BackingOff, Suspended, Terminating, Complete, Failed, FailureTarget or SuccessCriteriaMet. */
	readonly status: string;
	/** The condition's reason for Failed and FailureTarget (BackoffLimitExceeded, DeadlineExceeded, …), else null. */
	readonly reason: string | null;
	/** The STATUS cell: the word with its reason. */
	readonly statusText: string;
	/** Complete or Failed: the job controller will do nothing more. */
	readonly finished: boolean;
	readonly completions: {readonly succeeded: number; readonly desired: number | null; readonly text: string};
	readonly active: number;
	/**
	What counts toward backoffLimit: failed pods (`count`), container restarts under restartPolicy OnFailure, the limit
	(null with backoffLimitPerIndex: each index has its own), and the FAILED cell (`2/6 retries`, `1 + 6 restarts`).
	*/
	readonly failed: {readonly count: number; readonly restarts: number; readonly backoffLimit: number | null; readonly text: string};
	/** When the next attempt starts while the job backs off. */
	readonly retry: CountdownJson | null;
	/** When activeDeadlineSeconds runs out, while the job runs. */
	readonly deadline: CountdownJson | null;
	/** When the TTL controller deletes the finished job. */
	readonly ttl: CountdownJson | null;
	readonly createdAt: string | null;
	readonly startedAt: string | null;
	readonly finishedAt: string | null;
	/** From start to finish, or to now while it runs. */
	readonly durationSeconds: number | null;
	readonly cronJob: string | null;
	readonly attempts: readonly AttemptJson[];
};

/** One of a cron job's jobs, oldest first. */
export type RunJson = {readonly job: string; readonly scheduledAt: string | null; readonly verdict: 'succeeded' | 'failed' | 'running'};

/** A cron job as kjobs sees it. */
export type CronJobJson = {
	readonly namespace: string;
	readonly name: string;
	readonly uid: string;
	readonly schedule: string;
	readonly timeZone: string | null;
	readonly suspended: boolean;
	readonly active: number;
	readonly lastScheduleAt: string | null;
	readonly lastSuccessAt: string | null;
	/** The next scheduled run (null when suspended or when the schedule cannot be read). */
	readonly next: CountdownJson | null;
	/** A run whose time has come and that the controller is about to start. */
	readonly due: string | null;
	/** Scheduled runs that passed without a job (at most 100). */
	readonly missed: number;
	/** Why the schedule or time zone cannot be evaluated. */
	readonly scheduleError: string | null;
	readonly runs: readonly RunJson[];
	readonly createdAt: string | null;
};

/** A pod of a job. */
export type PodJson = {
	readonly namespace: string;
	readonly name: string;
	readonly uid: string;
	readonly job: string | null;
	/** kubectl's STATUS (Running, Completed, Error, CrashLoopBackOff, OOMKilled, …). */
	readonly status: string;
	readonly phase: string | null;
	readonly verdict: AttemptState;
	readonly ready: string;
	readonly restarts: number;
	readonly exitCode: number | null;
	readonly reason: string | null;
	readonly node: string | null;
	readonly createdAt: string | null;
	readonly finishedAt: string | null;
};

/** The document `kjobs get -o json` prints. */
export type ListJson = {
	readonly kind: 'JobList' | 'CronJobList' | 'PodList';
	readonly version: typeof jsonVersion;
	/** The moment every countdown is counted from. */
	readonly now: string;
	readonly items: ReadonlyArray<JobJson | CronJobJson | PodJson>;
};

const iso = (ms: number | undefined | null): string | null => (ms === undefined || ms === null || Number.isNaN(ms) ? null : new Date(ms).toISOString());
const seconds = (ms: number) => Math.ceil(ms / 1000);
const countdownJson = (at: number | undefined, now: number): CountdownJson | null => (at === undefined ? null : {at: new Date(at).toISOString(), inSeconds: seconds(at - now)});

/** A job's JSON at `now`. */
export function jobJson(job: Job, snapshot: StoreView, now: number): JobJson {
	const pods = podsOfJob(snapshot, uidOf(job));
	const state = jobState(job, pods, controllerBackoff);
	const reason = state.text.startsWith(`${state.word}: `) ? state.text.slice(state.word.length + 2) : null;
	const start = timeOf(job.status?.startTime);
	const finished = jobFinishedAt(job);
	const end = state.word === 'Complete' || state.word === 'Failed' ? finished : undefined;
	const attempts = attemptEntries(pods, now).map((entry): AttemptJson => {
		const pod = pods.find(found => uidOf(found.object) === entry.podUid)?.object;
		const termination = pod && (entry.state === 'failed' || entry.state === 'succeeded') ? lastTermination(pod) : undefined;
		return {
			pod: entry.name,
			index: entry.index ?? null,
			verdict: entry.state,
			exitCode: termination?.exitCode ?? null,
			reason: termination?.reason ?? (termination?.signal ? `Signal:${termination.signal}` : null),
			startedAt: new Date(entry.start).toISOString(),
			finishedAt: iso(entry.end),
			backoffAfterSeconds: entry.gapAfterMs === undefined ? null : Math.round(entry.gapAfterMs / 1000),
		};
	});
	return {
		namespace: job.metadata.namespace ?? '',
		name: job.metadata.name ?? '',
		uid: uidOf(job),
		status: state.word,
		reason,
		statusText: state.text,
		finished: state.word === 'Complete' || state.word === 'Failed',
		completions: {succeeded: job.status?.succeeded ?? 0, desired: job.spec.completions ?? null, text: jobCompletions(job)},
		active: job.status?.active ?? 0,
		failed: failedJson(job, state),
		retry: countdownJson(state.retryAt, now),
		deadline: countdownJson(deadlineAt(job, state), now),
		ttl: countdownJson(ttlExpiresAt(job), now),
		createdAt: iso(timeOf(job.metadata.creationTimestamp)),
		startedAt: iso(start),
		finishedAt: iso(end),
		durationSeconds: start === undefined ? null : Math.max(0, Math.floor(((end ?? now) - start) / 1000)),
		cronJob: cronJobOwnerName(job) || null,
		attempts,
	};
}

/** A cron job's JSON at `now`. */
export function cronJobJson(cronJob: CronJob, snapshot: StoreView, now: number): CronJobJson {
	const jobs = jobsOfCronJob(snapshot, uidOf(cronJob)).filter(found => !found.deleted).map(found => found.object);
	const runs = cronRuns(cronJob, jobs, now);
	const suspended = cronJob.spec.suspend === true;
	return {
		namespace: cronJob.metadata.namespace ?? '',
		name: cronJob.metadata.name ?? '',
		uid: uidOf(cronJob),
		schedule: cronJob.spec.schedule,
		timeZone: cronJob.spec.timeZone ?? null,
		suspended,
		active: cronJob.status?.active?.length ?? 0,
		lastScheduleAt: iso(timeOf(cronJob.status?.lastScheduleTime)),
		lastSuccessAt: iso(timeOf(cronJob.status?.lastSuccessfulTime)),
		next: suspended ? null : countdownJson(runs.next, now),
		due: iso(runs.due),
		missed: runs.missed,
		scheduleError: runs.error ?? null,
		runs: [...jobs].sort((a, b) => (scheduledAt(a) ?? 0) - (scheduledAt(b) ?? 0) || (a.metadata.name ?? '').localeCompare(b.metadata.name ?? '')).map(job => {
			const state = jobState(job, podsOfJob(snapshot, uidOf(job)), controllerBackoff);
			const verdict = state.word === 'Complete' ? 'succeeded' : (state.word === 'Failed' || state.word === 'FailureTarget' ? 'failed' : 'running');
			return {job: job.metadata.name ?? '', scheduledAt: iso(scheduledAt(job)), verdict};
		}),
		createdAt: iso(timeOf(cronJob.metadata.creationTimestamp)),
	};
}

/** A pod's JSON. */
export function podJson(pod: Pod, now: number): PodJson {
	const [attempt] = attemptEntries([{object: pod, deleted: false}], now);
	const termination = lastTermination(pod);
	const restarts = (pod.status?.containerStatuses ?? []).reduce((sum, status) => sum + (status.restartCount ?? 0), 0);
	return {
		namespace: pod.metadata.namespace ?? '',
		name: pod.metadata.name ?? '',
		uid: uidOf(pod),
		job: podJobName(pod) || null,
		status: podStatusReason(pod),
		phase: pod.status?.phase ?? null,
		verdict: attempt?.state ?? 'pending',
		ready: podReady(pod),
		restarts,
		exitCode: termination?.exitCode ?? null,
		reason: termination?.reason ?? null,
		node: pod.spec.nodeName ?? null,
		createdAt: iso(timeOf(pod.metadata.creationTimestamp)),
		finishedAt: iso(termination?.finishedAt),
	};
}

const kinds = {jobs: 'JobList', cronjobs: 'CronJobList', pods: 'PodList'} as const;

/** The document for the objects with uids `ids` (in that order) of a view, at `now`. */
export function listJson(view: ViewId, ids: readonly string[], snapshot: StoreView, now: number): ListJson {
	const items = ids.flatMap((uid): Array<JobJson | CronJobJson | PodJson> => {
		switch (view) {
			case 'jobs': {
				const job = snapshot.jobs.get(uid);
				return job ? [jobJson(job, snapshot, now)] : [];
			}

			case 'cronjobs': {
				const cronJob = snapshot.cronJobs.get(uid);
				return cronJob ? [cronJobJson(cronJob, snapshot, now)] : [];
			}

			case 'pods': {
				const pod = snapshot.pods.get(uid);
				return pod ? [podJson(pod, now)] : [];
			}
		}
	});
	return {kind: kinds[view], version: jsonVersion, now: new Date(now).toISOString(), items};
}

function failedJson(job: Job, state: JobState): JobJson['failed'] {
	const {failed, restarts, backoffLimit} = failures(job, state);
	return {count: failed, restarts, backoffLimit, text: failedCell(job, state)};
}
