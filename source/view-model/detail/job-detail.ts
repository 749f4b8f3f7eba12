/**
The job detail screen's model: the spec that matters, conditions, the attempt timeline, the completion grid of an
Indexed job, recent events and the job's pods.
*/
import {translateTimestampSince} from '../../kube/duration.js';
import {jobOwner} from '../../kube/job-state.js';
import type {Job} from '../../kube/types.js';
import type {StoreView} from '../../store/types.js';
import {sizeColumns} from '../columns.js';
import {type CompletionGrid, completionGrid} from './completion-grid.js';
import {countdown} from '../countdown.js';
import {type ConditionLine, conditionLines, type DetailField, type EventLine, recentEvents} from './detail-parts.js';
import {deadlineAt, jobCells, ttlExpiresAt} from '../rows/job-rows.js';
import {type AttemptEntry, attemptEntries} from './job-timeline.js';
import {isJob, liveFirst, podsOfJob} from '../lookups.js';
import {stoppedAt} from '../row-flags.js';
import {podColumns, podRow} from '../rows/pod-rows.js';
import type {Column, Row, Tone} from '../types.js';

/** Everything the job detail screen shows. */
export type JobDetailModel = {
	readonly uid: string;
	readonly name: string;
	readonly namespace: string;
	/** The STATUS cell, e.g. `BackingOff` or `Failed: BackoffLimitExceeded`. */
	readonly status: string;
	readonly tone: Tone;
	/** The job is a tombstone: deleted within the last minute. */
	readonly deleted: boolean;
	readonly cronJob?: {readonly name: string; readonly uid: string};
	/** The job's row cells (COMPLETIONS, FAILED, RETRY, DEADLINE, TTL, DURATION, AGE…). */
	readonly cells: Readonly<Record<string, string>>;
	readonly spec: readonly DetailField[];
	readonly conditions: readonly ConditionLine[];
	readonly attempts: readonly AttemptEntry[];
	/** For Indexed jobs only. */
	readonly grid?: CompletionGrid;
	/** Events about the job and its pods, newest last. */
	readonly events: readonly EventLine[];
	readonly pods: {readonly columns: readonly Column[]; readonly rows: readonly Row[]};
};

function findJob(snapshot: StoreView, uid: string): {job: Job; deleted: boolean} | undefined {
	const live = snapshot.jobs.get(uid);
	if (live) {
		return {job: live, deleted: false};
	}

	const tombstone = snapshot.deleted.get(uid);
	return tombstone && isJob(tombstone.object) ? {job: tombstone.object, deleted: true} : undefined;
}

function withCountdown(seconds: number | null | undefined, at: number | undefined, now: number): string {
	if (seconds === undefined || seconds === null) {
		return '<unset>';
	}

	return at === undefined ? `${seconds}s` : `${seconds}s (${countdown(at, now)})`;
}

/** The model of the job with this uid (a tombstone too), or undefined when it is not in the snapshot. */
export function jobDetail(snapshot: StoreView, uid: string, now: number): JobDetailModel | undefined {
	const found = findJob(snapshot, uid);
	if (!found) {
		return undefined;
	}

	const {job, deleted} = found;
	const pods = podsOfJob(snapshot, uid);
	const {cells, state} = jobCells(job, snapshot, now, {deleted});
	const spec = job.spec;
	const retryAt = deleted ? undefined : state.retryAt;
	const fields: DetailField[] = [
		// While a retry is due, when it comes matters most; the deadline it races against comes with it (below).
		...(retryAt === undefined ? [] : [{label: 'Next attempt', value: countdown(retryAt, now)}]),
		{label: 'Completions', value: spec.completions === undefined || spec.completions === null ? '<unset> (any one success)' : String(spec.completions)},
		{label: 'Parallelism', value: String(spec.parallelism ?? 1)},
		{label: 'Completion mode', value: spec.completionMode ?? 'NonIndexed'},
		{label: 'Backoff limit', value: spec.backoffLimitPerIndex === undefined ? String(spec.backoffLimit ?? 6) : `${spec.backoffLimitPerIndex} per index`},
		{label: 'Restart policy', value: spec.template.spec.restartPolicy ?? '<unset>'},
		{label: 'Active deadline', value: withCountdown(spec.activeDeadlineSeconds, deleted ? undefined : deadlineAt(job, state), now)},
		{label: 'TTL after finished', value: withCountdown(spec.ttlSecondsAfterFinished, deleted ? undefined : ttlExpiresAt(job), now)},
		{label: 'Suspend', value: spec.suspend ? 'True' : 'False'},
		{label: 'Started', value: job.status?.startTime ? `${translateTimestampSince(job.status.startTime, now)} ago` : '<not started>'},
	];
	if (job.status?.completionTime) {
		fields.push({label: 'Completed', value: `${translateTimestampSince(job.status.completionTime, now)} ago`});
	}

	const podRows = liveFirst(pods).map(({object, deleted: podDeleted, deletedAt}) => podRow(object, snapshot, stoppedAt(now, deletedAt), podDeleted));
	const owner = jobOwner(job);
	const grid = completionGrid(job, pods.filter((pod) => !pod.deleted).map((pod) => pod.object));
	return {
		uid,
		name: job.metadata.name ?? '',
		namespace: job.metadata.namespace ?? '',
		status: cells.status ?? '',
		tone: deleted ? 'muted' : state.tone,
		deleted,
		...(owner?.kind === 'CronJob' ? {cronJob: {name: owner.name, uid: owner.uid}} : {}),
		cells,
		spec: fields,
		conditions: conditionLines(job.status?.conditions, now),
		// The wait is drawn only while nothing runs: beside a running pod the retry is one slot's, not the job's.
		attempts: attemptEntries(pods, now, state.word === 'BackingOff' ? retryAt : undefined),
		...(grid === undefined ? {} : {grid}),
		events: recentEvents(snapshot, [uid, ...pods.map((pod) => pod.object.metadata.uid ?? '')], now),
		pods: {columns: sizeColumns(podColumns(false).filter((column) => column.id !== 'job'), podRows), rows: podRows},
	};
}
