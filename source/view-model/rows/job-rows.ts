/**
The Jobs table: its columns and one row per job (text cells, a tone and the row markers).
*/
import {translateTimestampSince} from '../../kube/duration.js';
import {jobCompletions, jobDuration} from '../../kube/printers/job.js';
import {isJobFinished, jobCondition, jobFinishedAt, jobOwner} from '../../kube/job-state.js';
import type {Job} from '../../kube/types.js';
import {timeOf} from '../../kube/types.js';
import type {StoreView} from '../../store/types.js';
import {type ColumnSpec, namespaceColumn} from '../columns.js';
import {countdown} from '../countdown.js';
import {type BackoffConstants, controllerBackoff, type JobState, jobState} from './job-status.js';
import {podsOfJob} from '../lookups.js';
import {rowFlags, uidOf} from '../row-flags.js';
import type {TimeBound} from '../time-widths.js';
import type {Row} from '../types.js';

/** The Jobs view's columns, most important first by priority (0 never drops). */
export function jobColumns(allNamespaces: boolean): ColumnSpec[] {
	// DEADLINE and TTL are at least 9 cells, the widest countdown below 100 days (`in 59m59s`, `in 23h59m`): a cut
	// countdown reads as a different time, so names are cut first.
	const columns: ColumnSpec[] = [
		{id: 'name', title: 'NAME', cut: 'name', minWidth: 12, cap: 63, priority: 0, want: 20, help: 'The job\'s name.'},
		{id: 'status', title: 'STATUS', minWidth: 10, cap: 36, priority: 0, want: 28, help: 'kubectl\'s status, made exact: `Pending` until a pod runs (with the reason a pod cannot start, e.g. `Pending: ImagePullBackOff`), `BackingOff` while the next attempt waits out its delay, `Running` (naming any pod that cannot start beside it), `Complete`, `Failed: REASON`, `Suspended`, `Terminating`.'},
		{id: 'completions', title: 'COMPLETIONS', minWidth: 11, cap: 16, priority: 1, help: 'Pods succeeded of the completions wanted, as kubectl shows it: `1/3`; `0/1 of 4` for a work queue (no completions, parallelism 4).'},
		{id: 'active', title: 'ACTIVE', minWidth: 6, cap: 6, priority: 6, align: 'right', help: 'Pods running or starting now (status.active).'},
		{id: 'failed', title: 'FAILED', minWidth: 6, cap: 18, priority: 4, want: 12, help: 'Failures the job controller counts toward backoffLimit. `0` until the first; while the job runs, the retries used of those allowed: `2/6 retries` (restartPolicy Never: each failed pod is replaced until failed pods exceed backoffLimit) or `3/6 restarts` (OnFailure: the kubelet restarts the container in place and the job fails when the restarts reach backoffLimit). Once finished the plain count, restarts added: `1 + 6 restarts`. With backoffLimitPerIndex, the failed pods of all indexes.'},
		// Time cells (`time`: the widest they are drawn) change every second, so they are built only for the rows on screen.
		{id: 'retry', title: 'RETRY', minWidth: 8, cap: 10, priority: 2, time: true, help: 'Countdown to the next attempt while the job backs off: the job controller creates the next pod 10 s after a failure, doubling to at most 10 minutes (OnFailure: when the kubelet restarts the container). `due` once the time has come.'},
		{id: 'deadline', title: 'DEADLINE', minWidth: 9, cap: 10, priority: 4, time: true, help: 'Countdown to activeDeadlineSeconds, counted from the job\'s start, while it runs; at 0 the controller fails it with DeadlineExceeded.'},
		{id: 'ttl', title: 'TTL', minWidth: 9, cap: 10, priority: 3, time: true, help: 'Countdown until the TTL controller deletes the finished job (ttlSecondsAfterFinished, counted from its end).'},
		{id: 'duration', title: 'DURATION', minWidth: 8, cap: 10, priority: 5, time: true, help: 'How long the job ran: from its start to its completion or failure, or to now while it runs (kubectl keeps counting a failed job; kjobs stops at its end).'},
		{id: 'age', title: 'AGE', minWidth: 5, cap: 10, priority: 2, time: true, help: 'Time since the job was created.'},
		{id: 'cronjob', title: 'CRONJOB', cut: 'name', minWidth: 7, cap: 52, priority: 6, help: 'The cron job that created the job, if one did.'},
	];
	return allNamespaces ? [namespaceColumn, ...columns] : columns;
}

/** Options for job rows: the backoff constants (the controller's unless a test says otherwise). */
export type JobRowOptions = {readonly backoff?: BackoffConstants; readonly deleted?: boolean};

/** The cells of a job row plus its refined state, for the table and the job detail screen. */
export function jobCells(job: Job, snapshot: StoreView, now: number, options: JobRowOptions = {}): {cells: Record<string, string>; state: JobState} {
	const state = jobState(job, podsOfJob(snapshot, uidOf(job)), options.backoff ?? controllerBackoff);
	const deleted = options.deleted === true;
	return {cells: {...jobStaticCells(job, state, deleted), ...jobTimeCells(job, state, now, deleted)}, state};
}

/** The cells of a job row that do not change with the clock (everything but the time cells), in column order. */
export function jobStaticCells(job: Job, state: JobState, deleted: boolean): Record<string, string> {
	return {
		namespace: job.metadata.namespace ?? '',
		name: job.metadata.name ?? '',
		status: deleted ? `deleted (${state.text})` : state.text,
		completions: jobCompletions(job),
		active: String(job.status?.active ?? 0),
		failed: failedCell(job, state),
		cronjob: cronJobOwnerName(job),
	};
}

/** The time cells of a job row at `now`: RETRY, DEADLINE, TTL, DURATION and AGE. */
export function jobTimeCells(job: Job, state: JobState, now: number, deleted: boolean): Record<string, string> {
	return {
		// Shown whenever a pod slot waits for the controller's backoff, also beside running pods of a parallel job.
		retry: !deleted && state.retryAt !== undefined ? countdown(state.retryAt, now) : '',
		deadline: deleted ? '' : deadlineCell(job, state, now),
		ttl: deleted ? '' : ttlCell(job, now),
		duration: durationCell(job, now),
		age: translateTimestampSince(job.metadata.creationTimestamp, now),
	};
}

/**
How wide each time cell of a job row gets, from what does not change with the clock: 0 for a cell that stays blank,
the exact width of a finished job's DURATION, else a bound by the clock (sizes the columns without building the cells).
*/
export function jobTimeWidths(job: Job, state: JobState, deleted: boolean): Record<string, number | TimeBound> {
	const start = timeOf(job.status?.startTime);
	const finished = jobFinishedAt(job);
	const created = timeOf(job.metadata.creationTimestamp);
	const retryAt = deleted ? undefined : state.retryAt;
	const deadline = deleted ? undefined : deadlineAt(job, state);
	const ttl = deleted ? undefined : ttlExpiresAt(job);
	return {
		retry: retryAt === undefined ? 0 : {until: retryAt, extra: 0},
		deadline: deadline === undefined ? 0 : {until: deadline, extra: 0},
		ttl: ttl === undefined ? 0 : {until: ttl, extra: 0},
		duration: start === undefined ? 0 : (finished === undefined ? {since: start, extra: 0} : durationCell(job, finished).length),
		age: created === undefined ? '<unknown>'.length : {since: created, extra: 0},
	};
}

/**
The FAILED cell: the failures the job controller counts toward backoffLimit. A job that has not failed yet reads `0`;
while one runs after failures, how many of its retries are used, `2/6 retries` (restartPolicy Never: the job fails on
the failure after the last retry, when failed pods exceed backoffLimit) or `3/6 restarts` (OnFailure: the kubelet
restarts the container in place and the job fails when the restarts reach backoffLimit). A finished job shows the plain
count (its STATUS says how it ended), with the restarts added under OnFailure: `1 + 6 restarts`. With
backoffLimitPerIndex each index has its own limit, so the count alone is shown.
*/
export function failedCell(job: Job, state: JobState): string {
	const {failed, restarts, backoffLimit: limit} = failures(job, state);
	const finished = isFinished(state);
	if (limit === null || (failed === 0 && restarts === 0 && !finished)) {
		return String(failed);
	}

	if (finished) {
		const restartText = `${restarts} restart${restarts === 1 ? '' : 's'}`;
		return restarts === 0 ? String(failed) : (failed === 0 ? restartText : `${failed} + ${restartText}`);
	}

	return restarts > 0 ? `${restarts}/${limit} restarts` : `${failed}/${limit} retries`;
}

/** What counts toward a job's backoffLimit: failed pods, container restarts (OnFailure), and the limit (null per index). */
export type Failures = {readonly failed: number; readonly restarts: number; readonly backoffLimit: number | null};

/** The failures the job controller counts toward backoffLimit, as the FAILED cell shows them (see failedCell). */
export function failures(job: Job, state: JobState): Failures {
	const restarts = isFinished(state) ? Math.max(state.restarts, restartsThatFailedIt(job)) : state.restarts;
	return {failed: job.status?.failed ?? 0, restarts, backoffLimit: job.spec.backoffLimitPerIndex === undefined ? job.spec.backoffLimit ?? 6 : null};
}

function isFinished(state: JobState): boolean {
	return state.word === 'Complete' || state.word === 'Failed' || state.word === 'FailureTarget' || state.word === 'SuccessCriteriaMet';
}

/**
The restarts that must have failed an OnFailure job: the controller deletes the crash-looping pod when it fails the job,
and with it its restart count, but BackoffLimitExceeded with no more failed pods than the limit allows means the
restarts reached backoffLimit (any restart, when it is 0).
*/
function restartsThatFailedIt(job: Job): number {
	const limit = job.spec.backoffLimit ?? 6;
	const byRestarts = job.spec.template?.spec?.restartPolicy === 'OnFailure'
		&& jobCondition(job, 'Failed')?.reason === 'BackoffLimitExceeded'
		&& (job.status?.failed ?? 0) <= limit;
	return byRestarts ? Math.max(limit, 1) : 0;
}

/**
The DURATION cell: from startTime to the end of the job. kubectl counts on for a failed job (it never gets a
completionTime); its end is known all the same, the Failed condition's time, so kjobs stops there.
*/
export function durationCell(job: Job, now: number): string {
	const finished = jobFinishedAt(job);
	return jobDuration(job, finished === undefined ? now : Math.min(now, finished));
}

/** One Jobs-table row. */
export function jobRow(job: Job, snapshot: StoreView, now: number, options: JobRowOptions = {}): Row {
	const {cells, state} = jobCells(job, snapshot, now, options);
	const deleted = options.deleted === true;
	return {id: uidOf(job), cells, tone: deleted ? 'muted' : state.tone, ...rowFlags(snapshot, 'jobs', uidOf(job), now, deleted)};
}

/** When activeDeadlineSeconds runs out for a running job (from startTime); undefined when it does not apply. */
export function deadlineAt(job: Job, state: JobState): number | undefined {
	const seconds = job.spec.activeDeadlineSeconds;
	const start = timeOf(job.status?.startTime);
	const running = state.word === 'Running' || state.word === 'Pending' || state.word === 'BackingOff';
	return seconds === undefined || start === undefined || !running ? undefined : start + (seconds * 1000);
}

function deadlineCell(job: Job, state: JobState, now: number): string {
	const at = deadlineAt(job, state);
	return at === undefined ? '' : countdown(at, now);
}

/** When the TTL-after-finished controller deletes a finished job; undefined before it finishes or without a TTL. */
export function ttlExpiresAt(job: Job): number | undefined {
	const seconds = job.spec.ttlSecondsAfterFinished;
	if (seconds === undefined || seconds === null || !isJobFinished(job)) {
		return undefined;
	}

	const finished = jobFinishedAt(job);
	return finished === undefined ? undefined : finished + (seconds * 1000);
}

function ttlCell(job: Job, now: number): string {
	const at = ttlExpiresAt(job);
	return at === undefined ? '' : countdown(at, now);
}

/** The name of the cron job that owns a job (its controller reference), or an empty cell. */
export function cronJobOwnerName(job: Job): string {
	const owner = jobOwner(job);
	return owner?.kind === 'CronJob' ? owner.name : '';
}
