import assert from 'node:assert/strict';
import {test} from 'node:test';
import {cronJobRow} from '../../../source/view-model/rows/cronjob-rows.js';
import {condition, cronChild, makeCronJob, now} from '../../helpers/builders.js';
import {makeSnapshot} from '../../helpers/snapshots.js';

// now is 2026-11-23T12:00:00Z, a Monday.

test('a healthy cron job: NEXT counts down, HISTORY shows the runs newest last', () => {
	const cronJob = makeCronJob('backup', '*/5 * * * *', {lastSchedule: 0, lastSuccess: 10});
	const jobs = [
		cronChild(cronJob, -900, {succeeded: 1, conditions: [condition('Complete', -890)]}),
		cronChild(cronJob, -600, {failed: 7, conditions: [condition('Failed', -550, 'BackoffLimitExceeded')]}),
		cronChild(cronJob, -300, {succeeded: 1, conditions: [condition('Complete', -290)]}),
		cronChild(cronJob, 0, {succeeded: 1, conditions: [condition('Complete', 10)]}),
	];
	const result = cronJobRow(cronJob, makeSnapshot({cronJobs: [cronJob], jobs}), now + 18_000);
	assert.deepEqual(result.cells, {
		namespace: 'default', name: 'backup', schedule: '*/5 * * * *', timezone: '<none>', suspend: 'False', active: '0',
		lastSchedule: '18s', lastSuccess: '8s', next: 'in 4m42s', history: '✓✗✓✓', age: '24h',
	});
	assert.equal(result.tone, 'normal');
});

test('a running cron job: ● in HISTORY, tone running', () => {
	const cronJob = makeCronJob('sync', '0 * * * *', {lastSchedule: 0});
	const running = cronChild(cronJob, 0, {started: 1, active: 1});
	const withActive = makeCronJob('sync', '0 * * * *', {lastSchedule: 0, active: [running]});
	const result = cronJobRow(withActive, makeSnapshot({cronJobs: [withActive], jobs: [running]}), now + 60_000);
	assert.deepEqual([result.cells.active, result.cells.history, result.cells.next, result.tone], ['1', '●', 'in 59m', 'running']);
});

test('a missed run is flagged with a word and a symbol once the minute of grace has passed', () => {
	// Last scheduled at 11:00; the 12:00 run has not appeared.
	const cronJob = makeCronJob('hourly', '0 * * * *', {lastSchedule: -3600});
	const snapshot = makeSnapshot({cronJobs: [cronJob]});
	assert.equal(cronJobRow(cronJob, snapshot, now + 30_000).cells.next, 'due');
	assert.equal(cronJobRow(cronJob, snapshot, now + 60_000).cells.next, 'due');
	const late = cronJobRow(cronJob, snapshot, now + 61_000);
	assert.deepEqual([late.cells.next, late.tone], ['in 58m59s ⚠ missed', 'warning']);
	// The job for 12:00 appearing (before the status catches up) clears the warning.
	const child = cronChild(cronJob, 0, {started: 1, active: 1});
	assert.equal(cronJobRow(cronJob, makeSnapshot({cronJobs: [cronJob], jobs: [child]}), now + 61_000).cells.next, 'in 58m59s');
});

test('startingDeadlineSeconds sets the grace period', () => {
	const cronJob = makeCronJob('strict', '*/10 * * * *', {lastSchedule: -600, startingDeadlineSeconds: 15});
	const snapshot = makeSnapshot({cronJobs: [cronJob]});
	assert.equal(cronJobRow(cronJob, snapshot, now + 15_000).cells.next, 'due');
	assert.equal(cronJobRow(cronJob, snapshot, now + 16_000).cells.next, 'in 9m44s ⚠ missed');
});

test('suspended: NEXT blank, no missed warning, muted', () => {
	const cronJob = makeCronJob('paused', '*/5 * * * *', {suspend: true, lastSchedule: -7200});
	const result = cronJobRow(cronJob, makeSnapshot({cronJobs: [cronJob]}), now);
	assert.deepEqual([result.cells.suspend, result.cells.next, result.tone], ['True', '', 'muted']);
});

test('NEXT honours the time zone', () => {
	// 09:00 in Europe/Berlin is 08:00 UTC in winter: from 12:00 UTC that is tomorrow, 20 h away.
	const cronJob = makeCronJob('berlin', '0 9 * * *', {timeZone: 'Europe/Berlin', lastSchedule: -14_400});
	const result = cronJobRow(cronJob, makeSnapshot({cronJobs: [cronJob]}), now);
	assert.deepEqual([result.cells.timezone, result.cells.next], ['Europe/Berlin', 'in 20h']);
});

test('an unreadable schedule or time zone is a warning, not a crash', () => {
	const badSchedule = makeCronJob('bad', '61 * * * *');
	assert.equal(cronJobRow(badSchedule, makeSnapshot({cronJobs: [badSchedule]}), now).cells.next, '⚠ bad schedule');
	const badZone = makeCronJob('zone', '0 * * * *', {timeZone: 'Mars/Olympus'});
	const result = cronJobRow(badZone, makeSnapshot({cronJobs: [badZone]}), now);
	assert.deepEqual([result.cells.next, result.tone], ['⚠ bad time zone', 'warning']);
});

test('a failed last run gives the error tone; ✗ in HISTORY says it without colour', () => {
	const cronJob = makeCronJob('fragile', '*/30 * * * *', {lastSchedule: -1800});
	const failed = cronChild(cronJob, -1800, {failed: 7, conditions: [condition('Failed', -1700, 'BackoffLimitExceeded')]});
	const result = cronJobRow(cronJob, makeSnapshot({cronJobs: [cronJob], jobs: [failed]}), now + 5000);
	assert.deepEqual([result.cells.history, result.cells.next, result.tone], ['✗', 'due', 'error']);
});
