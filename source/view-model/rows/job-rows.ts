/**
The Jobs table: its columns and one row per job (text cells, a tone and the row markers).
*/
import {translateTimestampSince} from '../../kube/duration.js';
import {jobCompletions, jobDuration} from '../../kube/printers/job.js';
import {isJobFinished, jobFinishedAt, jobOwner} from '../../kube/job-state.js';
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
	const columns: ColumnSpec[] = [
		{id: 'name', title: 'NAME', minWidth: 12, cap: 63, priority: 0},
		{id: 'status', title: 'STATUS', minWidth: 10, cap: 36, priority: 0},
		{id: 'completions', title: 'COMPLETIONS', minWidth: 11, cap: 16, priority: 1},
		{id: 'active', title: 'ACTIVE', minWidth: 6, cap: 6, priority: 6, align: 'right'},
		{id: 'failed', title: 'FAILED', minWidth: 6, cap: 10, priority: 4},
		// Time cells (`time`: the widest they are drawn) change every second, so they are built only for the rows on screen.
		{id: 'retry', title: 'RETRY', minWidth: 8, cap: 10, priority: 2, time: true},
		{id: 'deadline', title: 'DEADLINE', minWidth: 8, cap: 10, priority: 4, time: true},
		{id: 'ttl', title: 'TTL', minWidth: 8, cap: 10, priority: 3, time: true},
		{id: 'duration', title: 'DURATION', minWidth: 8, cap: 10, priority: 5, time: true},
		{id: 'age', title: 'AGE', minWidth: 5, cap: 10, priority: 2, time: true},
		{id: 'cronjob', title: 'CRONJOB', minWidth: 7, cap: 52, priority: 6},
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
	const backoffLimit = job.spec.backoffLimit ?? 6;
	const failed = job.status?.failed ?? 0;
	return {
		namespace: job.metadata.namespace ?? '',
		name: job.metadata.name ?? '',
		status: deleted ? `deleted (${state.text})` : state.text,
		completions: jobCompletions(job),
		active: String(job.status?.active ?? 0),
		// With backoffLimitPerIndex the job-wide limit is MaxInt32: only the count means anything.
		failed: job.spec.backoffLimitPerIndex === undefined ? `${failed}/${backoffLimit + 1}` : String(failed),
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
		duration: jobDuration(job, now),
		age: translateTimestampSince(job.metadata.creationTimestamp, now),
	};
}

/**
How wide each time cell of a job row gets, from what does not change with the clock: 0 for a cell that stays blank,
the exact width of a finished job's DURATION, else a bound by the clock (sizes the columns without building the cells).
*/
export function jobTimeWidths(job: Job, state: JobState, deleted: boolean): Record<string, number | TimeBound> {
	const start = timeOf(job.status?.startTime);
	const completion = timeOf(job.status?.completionTime);
	const created = timeOf(job.metadata.creationTimestamp);
	const retryAt = deleted ? undefined : state.retryAt;
	const deadline = deleted ? undefined : deadlineAt(job, state);
	const ttl = deleted ? undefined : ttlExpiresAt(job);
	return {
		retry: retryAt === undefined ? 0 : {until: retryAt, extra: 0},
		deadline: deadline === undefined ? 0 : {until: deadline, extra: 0},
		ttl: ttl === undefined ? 0 : {until: ttl, extra: 0},
		duration: start === undefined ? 0 : (completion === undefined ? {since: start, extra: 0} : jobDuration(job, completion).length),
		age: created === undefined ? '<unknown>'.length : {since: created, extra: 0},
	};
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
