import assert from 'node:assert/strict';
import {test} from 'node:test';
import {cronJobDetail} from '../../../source/view-model/detail/cronjob-detail.js';
import {formatInZone, isKnownTimeZone} from '../../../source/view-model/zoned-time.js';
import {condition, cronChild, makeCronJob, now} from '../../helpers/builders.js';
import {makeSnapshot} from '../../helpers/snapshots.js';

test('the next five runs in the cron job\'s time zone, with countdowns', () => {
	const cronJob = makeCronJob('berlin', '*/20 9-17 * * 1-5', {timeZone: 'Europe/Berlin', lastSchedule: -1200, lastSuccess: -1150});
	const detail = cronJobDetail(makeSnapshot({cronJobs: [cronJob]}), 'uid-berlin', now + 30_000);
	assert.ok(detail);
	assert.equal(detail.timeZone, 'Europe/Berlin');
	assert.deepEqual(detail.nextRuns.map((run) => `${run.text} ${run.countdown}`), [
		'2026-11-23 13:20:00 +01:00 in 19m30s',
		'2026-11-23 13:40:00 +01:00 in 39m30s',
		'2026-11-23 14:00:00 +01:00 in 59m30s',
		'2026-11-23 14:20:00 +01:00 in 1h19m',
		'2026-11-23 14:40:00 +01:00 in 1h39m',
	]);
	assert.deepEqual(detail.fields.map((field) => `${field.label}: ${field.value}`), [
		'Concurrency policy: Allow',
		'Suspend: False',
		'Starting deadline: <unset>',
		'Successful jobs history limit: 3',
		'Failed jobs history limit: 1',
		'Active jobs: 0',
		'Last schedule: 2026-11-23 12:40:00 +01:00 (20m ago)',
		'Last success: 2026-11-23 12:40:50 +01:00 (19m ago)',
	]);
	assert.equal(detail.missed, undefined);
});

test('without a time zone runs are shown in UTC and the header says so', () => {
	const cronJob = makeCronJob('utc', '0 0 1 * *', {lastSchedule: -86_400 * 22});
	const detail = cronJobDetail(makeSnapshot({cronJobs: [cronJob]}), 'uid-utc', now);
	assert.equal(detail?.timeZone, 'UTC (no timeZone set: the controller uses its own local zone)');
	assert.deepEqual(detail?.nextRuns.map((run) => run.text), [
		'2026-12-01 00:00:00 +00:00',
		'2027-01-01 00:00:00 +00:00',
		'2027-02-01 00:00:00 +00:00',
		'2027-03-01 00:00:00 +00:00',
		'2027-04-01 00:00:00 +00:00',
	]);
});

test('missed runs, its jobs as job rows, suspended and unknown cron jobs', () => {
	const cronJob = makeCronJob('hourly', '0 * * * *', {lastSchedule: -7200, concurrencyPolicy: 'Forbid', startingDeadlineSeconds: 120});
	const jobs = [
		cronChild(cronJob, -10_800, {succeeded: 1, conditions: [condition('Complete', -10_700)]}),
		cronChild(cronJob, -7200, {failed: 7, conditions: [condition('Failed', -7000, 'BackoffLimitExceeded')]}),
	];
	const detail = cronJobDetail(makeSnapshot({cronJobs: [cronJob], jobs}), 'uid-hourly', now + 300_000);
	assert.ok(detail);
	assert.equal(detail.missed, '⚠ 2 scheduled runs missed since 2026-11-23 11:00:00 +00:00');
	assert.equal(detail.cells.next, 'in 55m ⚠ 2 missed');
	assert.equal(detail.cells.history, '✓✗');
	assert.equal(detail.fields[0]?.value, 'Forbid');
	assert.equal(detail.fields[2]?.value, '120s');
	assert.deepEqual(detail.jobs.rows.map((row) => [row.cells.name, row.cells.status]), [
		['hourly-29923740', 'Complete'],
		['hourly-29923800', 'Failed: BackoffLimitExceeded'],
	]);
	assert.ok(!detail.jobs.columns.some((column) => column.id === 'cronjob'));

	const suspended = makeCronJob('paused', '0 * * * *', {suspend: true});
	const paused = cronJobDetail(makeSnapshot({cronJobs: [suspended]}), 'uid-paused', now);
	assert.deepEqual([paused?.nextRuns, paused?.nextRunsNote, paused?.tone], [[], 'suspended: no runs until it is resumed', 'muted']);
	assert.equal(cronJobDetail(makeSnapshot({}), 'uid-paused', now), undefined);
});

test('formatInZone: offsets across DST and unknown zones', () => {
	assert.equal(formatInZone(Date.parse('2026-07-01T10:00:00Z'), 'Europe/Berlin'), '2026-07-01 12:00:00 +02:00');
	assert.equal(formatInZone(Date.parse('2026-01-01T00:30:00Z'), 'America/St_Johns'), '2025-12-31 21:00:00 -03:30');
	assert.equal(formatInZone(Date.parse('2026-01-01T00:30:00Z'), 'Asia/Kathmandu'), '2026-01-01 06:15:00 +05:45');
	assert.equal(formatInZone(Date.parse('2026-01-01T00:30:00Z')), '2026-01-01 00:30:00 +00:00');
	assert.equal(isKnownTimeZone('Mars/Olympus'), false);
	assert.equal(isKnownTimeZone('Asia/Tokyo'), true);
});
