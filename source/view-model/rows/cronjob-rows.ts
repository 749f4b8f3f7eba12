/**
The CronJobs table: its columns and one row per cron job, with NEXT, HISTORY and a missed-run warning.
*/
import {translateTimestampSince} from '../../kube/duration.js';
import {printCronJob} from '../../kube/printers/cronjob.js';
import type {CronJob} from '../../kube/types.js';
import type {StoreView} from '../../store/types.js';
import {type ColumnSpec, namespaceColumn} from '../columns.js';
import {countdown} from '../countdown.js';
import {cronRuns, type CronRuns, historyStrip, runSymbol} from './cronjob-runs.js';
import {jobsOfCronJob} from '../lookups.js';
import {rowFlags, uidOf} from '../row-flags.js';
import type {Row, Tone} from '../types.js';

/** The CronJobs view's columns. */
export function cronJobColumns(allNamespaces: boolean): ColumnSpec[] {
	const columns: ColumnSpec[] = [
		{id: 'name', title: 'NAME', cut: 'name', minWidth: 12, cap: 52, priority: 0, want: 20, help: 'The cron job\'s name.'},
		{id: 'schedule', title: 'SCHEDULE', minWidth: 9, cap: 24, priority: 1, want: 12, help: 'The cron schedule (`*/5 * * * *`, `@hourly`).'},
		{id: 'timezone', title: 'TIMEZONE', minWidth: 8, cap: 24, priority: 5, help: 'The time zone the schedule is read in (spec.timeZone); blank means the controller\'s own, usually UTC.'},
		{id: 'suspend', title: 'SUSPEND', minWidth: 7, cap: 7, priority: 3, help: '`True` when the cron job starts no new runs.'},
		{id: 'active', title: 'ACTIVE', minWidth: 6, cap: 6, priority: 3, align: 'right', help: 'Its jobs running now.'},
		{id: 'lastSchedule', title: 'LAST SCHEDULE', minWidth: 13, cap: 13, priority: 4, help: 'Time since the last run was scheduled.'},
		{id: 'lastSuccess', title: 'LAST SUCCESS', minWidth: 12, cap: 12, priority: 5, help: 'Time since the last run that succeeded.'},
		// At least 9 cells, the widest countdown below 100 days (`in 59m59s`): a cut countdown reads as a different time.
		{id: 'next', title: 'NEXT', minWidth: 9, cap: 24, priority: 1, want: 10, help: 'Countdown to the next scheduled run; `⚠ missed` when scheduled runs did not appear (see the detail screen).'},
		{id: 'history', title: 'HISTORY', minWidth: 7, cap: 8, priority: 2, help: 'The most recent runs, oldest first: ✓ succeeded, ✗ failed, ● running.'},
		{id: 'age', title: 'AGE', minWidth: 5, cap: 10, priority: 4, help: 'Time since the cron job was created.'},
	];
	return allNamespaces ? [namespaceColumn, ...columns] : columns;
}

/** The NEXT cell: `in 42s`, `due`, blank when suspended, with `⚠ missed` (or `⚠ 3 missed`) appended. */
export function nextCell(cronJob: CronJob, runs: CronRuns, now: number): string {
	if (runs.error !== undefined) {
		return runs.error.startsWith('invalid timeZone') ? '⚠ bad time zone' : '⚠ bad schedule';
	}

	const when = cronJob.spec.suspend ? '' : runs.due === undefined ? (runs.next === undefined ? '' : countdown(runs.next, now)) : 'due';
	const warning = runs.missed === 0 ? '' : runs.missed === 1 ? '⚠ missed' : `⚠ ${runs.missed}${runs.missed >= 100 ? '+' : ''} missed`;
	return [when, warning].filter(Boolean).join(' ');
}

/** The cells of a cron job row, plus what its schedule says, for the table and the detail screen. */
export function cronJobCells(cronJob: CronJob, snapshot: StoreView, now: number, deleted = false): {cells: Record<string, string>; runs: CronRuns; tone: Tone} {
	const jobs = jobsOfCronJob(snapshot, uidOf(cronJob)).filter((found) => !found.deleted).map((found) => found.object);
	const runs = cronRuns(cronJob, jobs, now);
	const printed = printCronJob(cronJob, now).cells.map((cell) => String(cell));
	const lastSuccessful = cronJob.status?.lastSuccessfulTime;
	const cells: Record<string, string> = {
		namespace: cronJob.metadata.namespace ?? '',
		name: cronJob.metadata.name ?? '',
		schedule: printed[1] ?? '',
		timezone: printed[2] ?? '',
		suspend: printed[3] ?? '',
		active: printed[4] ?? '',
		lastSchedule: printed[5] ?? '',
		lastSuccess: lastSuccessful ? translateTimestampSince(lastSuccessful, now) : '<none>',
		next: deleted ? 'deleted' : nextCell(cronJob, runs, now),
		history: historyStrip(jobs),
		age: printed[6] ?? '',
	};
	const last = jobs.at(-1);
	let tone: Tone = 'normal';
	if (deleted || cronJob.spec.suspend) {
		tone = 'muted';
	} else if (runs.missed > 0 || runs.error !== undefined) {
		tone = 'warning';
	} else if ((cronJob.status?.active?.length ?? 0) > 0) {
		tone = 'running';
	} else if (last && runSymbol(last) === '✗') {
		tone = 'error';
	}

	return {cells, runs, tone};
}

/** One CronJobs-table row. */
export function cronJobRow(cronJob: CronJob, snapshot: StoreView, now: number, deleted = false): Row {
	const uid = uidOf(cronJob);
	const {cells, tone} = cronJobCells(cronJob, snapshot, now, deleted);
	return {id: uid, cells, tone, ...rowFlags(snapshot, 'cronjobs', uid, now, deleted)};
}
