/**
The cron job detail screen's model: schedule, time zone, the next five runs, policies, history and its jobs.
*/
import {nextRuns} from '../../kube/cron/schedule.js';
import {translateTimestampSince} from '../../kube/duration.js';
import type {CronJob} from '../../kube/types.js';
import type {StoreView} from '../../store/types.js';
import {sizeColumns} from '../columns.js';
import {countdown} from '../countdown.js';
import {cronJobCells} from '../rows/cronjob-rows.js';
import {type DetailField, type EventLine, recentEvents} from './detail-parts.js';
import {jobColumns, jobRow} from '../rows/job-rows.js';
import {isCronJob, jobsOfCronJob, liveFirst} from '../lookups.js';
import {stoppedAt} from '../row-flags.js';
import type {Column, Row, Tone} from '../types.js';
import {formatInZone, isKnownTimeZone} from '../zoned-time.js';

/** One upcoming run: when (epoch ms), that time in the cron job's zone, and the countdown. */
export type UpcomingRun = {readonly at: number; readonly text: string; readonly countdown: string};

/** Everything the cron job detail screen shows. */
export type CronJobDetailModel = {
	readonly uid: string;
	readonly name: string;
	readonly namespace: string;
	readonly tone: Tone;
	readonly deleted: boolean;
	/** The row cells (SCHEDULE, NEXT with any `⚠ missed`, HISTORY, …). */
	readonly cells: Readonly<Record<string, string>>;
	readonly schedule: string;
	/** The zone runs are computed in, e.g. `Europe/Berlin`, or `UTC (no timeZone set)`. */
	readonly timeZone: string;
	/** The next five runs; empty when suspended or the schedule cannot be read. */
	readonly nextRuns: readonly UpcomingRun[];
	/** Why there are no upcoming runs, when there are none. */
	readonly nextRunsNote?: string;
	/** A warning line when scheduled runs did not appear, e.g. `⚠ 2 scheduled runs missed since 2026-11-23 11:00:00 +00:00`. */
	readonly missed?: string;
	readonly fields: readonly DetailField[];
	readonly events: readonly EventLine[];
	readonly jobs: {readonly columns: readonly Column[]; readonly rows: readonly Row[]};
};

/** How many upcoming runs the detail screen lists. */
export const upcomingRunCount = 5;

function findCronJob(snapshot: StoreView, uid: string): {cronJob: CronJob; deleted: boolean} | undefined {
	const live = snapshot.cronJobs.get(uid);
	if (live) {
		return {cronJob: live, deleted: false};
	}

	const tombstone = snapshot.deleted.get(uid);
	return tombstone && isCronJob(tombstone.object) ? {cronJob: tombstone.object, deleted: true} : undefined;
}

function ago(time: string | null | undefined, now: number): string {
	return time ? `${translateTimestampSince(time, now)} ago` : '<none>';
}

/** The model of the cron job with this uid (a tombstone too), or undefined when it is not in the snapshot. */
export function cronJobDetail(snapshot: StoreView, uid: string, now: number): CronJobDetailModel | undefined {
	const found = findCronJob(snapshot, uid);
	if (!found) {
		return undefined;
	}

	const {cronJob, deleted} = found;
	const {spec, status} = cronJob;
	const {cells, runs, tone} = cronJobCells(cronJob, snapshot, now, deleted);
	const zone = spec.timeZone ?? undefined;
	const displayZone = zone !== undefined && isKnownTimeZone(zone) ? zone : 'UTC';
	const format = (at: number) => formatInZone(at, displayZone);
	let upcoming: UpcomingRun[] = [];
	let note: string | undefined;
	if (runs.error !== undefined) {
		note = `cannot read the schedule: ${runs.error}`;
	} else if (spec.suspend) {
		note = 'suspended: no runs until it is resumed';
	} else {
		upcoming = nextRuns(spec.schedule, zone, now, upcomingRunCount).map((at) => ({at, text: format(at), countdown: countdown(at, now)}));
	}

	const jobs = jobsOfCronJob(snapshot, uid);
	const jobRows = liveFirst(jobs).map(({object, deleted: jobDeleted, deletedAt}) => jobRow(object, snapshot, stoppedAt(now, deletedAt), {deleted: jobDeleted}));
	const fields: DetailField[] = [
		{label: 'Concurrency policy', value: spec.concurrencyPolicy ?? 'Allow'},
		{label: 'Suspend', value: spec.suspend ? 'True' : 'False'},
		{label: 'Starting deadline', value: spec.startingDeadlineSeconds === undefined || spec.startingDeadlineSeconds === null ? '<unset>' : `${spec.startingDeadlineSeconds}s`},
		{label: 'Successful jobs history limit', value: String(spec.successfulJobsHistoryLimit ?? 3)},
		{label: 'Failed jobs history limit', value: String(spec.failedJobsHistoryLimit ?? 1)},
		{label: 'Active jobs', value: String(status?.active?.length ?? 0)},
		{label: 'Last schedule', value: status?.lastScheduleTime ? `${format(Date.parse(status.lastScheduleTime))} (${ago(status.lastScheduleTime, now)})` : '<none>'},
		{label: 'Last success', value: status?.lastSuccessfulTime ? `${format(Date.parse(status.lastSuccessfulTime))} (${ago(status.lastSuccessfulTime, now)})` : '<none>'},
	];
	const missed = runs.missed > 0 && runs.firstMissed !== undefined
		? `⚠ ${runs.missed}${runs.missed >= 100 ? '+' : ''} scheduled ${runs.missed === 1 ? 'run' : 'runs'} missed since ${format(runs.firstMissed)}`
		: undefined;
	let timeZone = zone ?? 'UTC (no timeZone set: the controller uses its own local zone)';
	if (zone !== undefined && displayZone !== zone) {
		timeZone = `${zone} (unknown here: times shown in UTC)`;
	}

	return {
		uid,
		name: cronJob.metadata.name ?? '',
		namespace: cronJob.metadata.namespace ?? '',
		tone,
		deleted,
		cells,
		schedule: spec.schedule,
		timeZone,
		nextRuns: upcoming,
		...(note === undefined ? {} : {nextRunsNote: note}),
		...(missed === undefined ? {} : {missed}),
		fields,
		events: recentEvents(snapshot, [uid], now),
		jobs: {columns: sizeColumns(jobColumns(false).filter((column) => column.id !== 'cronjob'), jobRows), rows: jobRows},
	};
}
