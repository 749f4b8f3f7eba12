/*
RETRY against job-backoff.json, NEXT against cronjob-schedule.json, AGE against duration.json.
*/
import assert from 'node:assert/strict';
import {test} from 'node:test';
import type {CronJob, Job, Pod} from '../../../source/kube/types.js';
import {cronJobRow} from '../../../source/view-model/rows/cronjob-rows.js';
import {cronRuns} from '../../../source/view-model/rows/cronjob-runs.js';
import {jobRow} from '../../../source/view-model/rows/job-rows.js';
import {makeJob, makePod} from '../../helpers/builders.js';
import {fixture, makeSnapshot, resolveTimes} from '../../helpers/snapshots.js';

type BackoffCase = {
	name: string;
	test: string;
	inputs: {
		backoffRecord?: {lastFailureTime: string | null; failuresAfterLastSuccess: number};
		now?: string | null;
		defaultBackoffSeconds?: number;
		maxBackoffSeconds?: number;
		newSucceededPodFinishTimes?: string[];
		newFailedPodFinishTimes?: string[];
		storeInitialRecord?: unknown;
	};
	expected: {remainingSeconds?: number};
};

const backoff = fixture<{cases: BackoffCase[]}>('upstream/job-backoff.json');
// The upstream unit tests use their own 5 s base and 700 s cap.
const testBackoff = {baseMs: 5000, maxMs: 700_000};

// A job with pods that finished at the given instants (failures and successes), nothing active.
function jobWithFinishedPods(failedAt: readonly number[], succeededAt: readonly number[], now: number): {job: Job; pods: Pod[]} {
	const job = makeJob('vector', {backoffLimit: 20, completions: 5, failed: failedAt.length, succeeded: succeededAt.length});
	job.metadata.creationTimestamp = new Date(now - 3_600_000).toISOString();
	job.status!.startTime = job.metadata.creationTimestamp;
	const pod = (suffix: string, finished: number, phase: 'Failed' | 'Succeeded') => {
		const made = makePod(job, suffix, {phase});
		const terminated = made.status!.containerStatuses![0]!.state!.terminated!;
		terminated.finishedAt = new Date(finished).toISOString();
		made.metadata.creationTimestamp = new Date(finished - 5000).toISOString();
		return made;
	};

	return {job, pods: [...succeededAt.map((time, index) => pod(`s${index}`, time, 'Succeeded')), ...failedAt.map((time, index) => pod(`f${index}`, time, 'Failed'))]};
}

const remainingText: Record<number, string> = {0: 'due', 4: 'in 4s', 5: 'in 5s', 20: 'in 20s', 640: 'in 10m40s', 700: 'in 11m40s'};

test('RETRY agrees with every TestGetRemainingBackoffTime vector', () => {
	const cases = backoff.cases.filter((testCase) => testCase.test === 'TestGetRemainingBackoffTime');
	assert.equal(cases.length, 8);
	for (const testCase of cases) {
		const record = testCase.inputs.backoffRecord!;
		const options = {backoff: {baseMs: testCase.inputs.defaultBackoffSeconds! * 1000, maxMs: testCase.inputs.maxBackoffSeconds! * 1000}};
		if (record.lastFailureTime === null) {
			const {job, pods} = jobWithFinishedPods([], [], 0);
			const result = jobRow(job, makeSnapshot({jobs: [job], pods}), 0, options);
			assert.deepEqual([result.cells.status, result.cells.retry], ['Pending', ''], testCase.name);
			continue;
		}

		const last = Date.parse(record.lastFailureTime);
		const now = Date.parse(testCase.inputs.now!);
		// Earlier failures 1 s apart before the last one; only the count and the latest finish matter.
		const failedAt = Array.from({length: record.failuresAfterLastSuccess}, (_, index) => last - ((record.failuresAfterLastSuccess - 1 - index) * 1000));
		const {job, pods} = jobWithFinishedPods(failedAt, [], now);
		const result = jobRow(job, makeSnapshot({jobs: [job], pods}), now, options);
		assert.equal(result.cells.status, 'BackingOff', testCase.name);
		assert.equal(result.cells.retry, remainingText[testCase.expected.remainingSeconds!], testCase.name);
	}
});

test('RETRY agrees with the TestNewBackoffRecord vectors (pods → failures since the last success)', () => {
	const expected: Record<string, string> = {
		'Empty backoff store and one new failure': 'in 5s',
		'Empty backoff store and two new failures': 'in 10s',
		'Empty backoff store, two failures followed by success': '',
		'Empty backoff store, two failures, one success and two more failures': 'in 10s',
		'Empty backoff store with success and failure at same timestamp': '',
		'Empty backoff store with no success/failure': '',
		'Empty backoff store with one success': '',
	};
	// The remaining case starts from a record held in the controller's memory, which no API object shows.
	const cases = backoff.cases.filter((testCase) => testCase.test === 'TestNewBackoffRecord' && !testCase.inputs.storeInitialRecord);
	assert.equal(cases.length, 7);
	const now = Date.parse('2009-11-10T23:00:00Z');
	for (const testCase of cases) {
		const failedAt = (testCase.inputs.newFailedPodFinishTimes ?? []).map((time) => Date.parse(time));
		const succeededAt = (testCase.inputs.newSucceededPodFinishTimes ?? []).map((time) => Date.parse(time));
		const {job, pods} = jobWithFinishedPods(failedAt, succeededAt, now);
		const result = jobRow(job, makeSnapshot({jobs: [job], pods}), now, {backoff: testBackoff});
		assert.equal(result.cells.retry, expected[testCase.name], testCase.name);
		assert.equal(result.cells.status === 'BackingOff', expected[testCase.name] !== '', testCase.name);
	}
});

type ScheduleCase = {name: string; test: string; inputs: {cronJob: CronJob; now: string; parsedSchedule?: string}; expected: {scheduleTime?: unknown; durationSeconds?: number}};
const schedule = fixture<{cases: ScheduleCase[]}>('upstream/cronjob-schedule.json');

function cronCells(cronJob: CronJob, now: number) {
	const withUid = {...cronJob, metadata: {...cronJob.metadata, uid: cronJob.metadata.uid ?? 'cj'}};
	return cronJobRow(withUid, makeSnapshot({cronJobs: [withUid]}), now).cells;
}

test('NEXT agrees with every TestNextScheduleTimeDuration vector (the requeue time less the 100 ms pad)', () => {
	const expectedCells: Record<string, string> = {
		'complex schedule skipping weekend': 'due ⚠ 2 missed',
		'another complex schedule skipping weekend': 'in 2d18h ⚠ 5 missed',
		'once a week cronjob, missed two runs': 'in 2d ⚠ 2 missed',
		'no previous run of a cronjob': 'in 20h',
	};
	const cases = schedule.cases.filter((testCase) => testCase.test === 'TestNextScheduleTimeDuration');
	assert.equal(cases.length, 4);
	for (const testCase of cases) {
		const now = Date.parse(testCase.inputs.now);
		const runs = cronRuns(testCase.inputs.cronJob, [], now);
		assert.equal(runs.next, now + (testCase.expected.durationSeconds! * 1000) - 100, testCase.name);
		assert.equal(cronCells(testCase.inputs.cronJob, now).next, expectedCells[testCase.name], testCase.name);
	}
});

test('NEXT agrees with TestNextScheduleTime: a run is due or missed exactly when the controller has one to start', () => {
	const expectedCells: Record<string, string> = {
		'Case 1: no known start times, and none needed yet': 'in 7m',
		'Case 2: no known start times, and one needed': 'due',
		'Case 3: known LastScheduleTime, no start needed': 'in 58m',
		'Case 4: known LastScheduleTime, a start needed': 'in 55m ⚠ missed',
		'Case 5: known LastScheduleTime, two starts needed (returns the most recent)': 'in 55m ⚠ 2 missed',
		'Case 6: now is way way ahead of last start time, and there is no deadline': 'due ⚠ 100+ missed',
		'Case 7: now is way way ahead of last start time, but there is a short deadline': 'due ⚠ 100+ missed',
	};
	// Case 8 passes the controller a different schedule than the object's own, which a table cannot show.
	const cases = schedule.cases.filter((testCase) => testCase.test === 'TestNextScheduleTime' && !testCase.inputs.parsedSchedule);
	assert.equal(cases.length, 7);
	for (const testCase of cases) {
		const now = Date.parse(testCase.inputs.now);
		const runs = cronRuns(testCase.inputs.cronJob, [], now);
		const controllerHasRun = testCase.expected.scheduleTime !== null;
		assert.equal(runs.due !== undefined || runs.missed > 0, controllerHasRun, testCase.name);
		assert.equal(cronCells(testCase.inputs.cronJob, now).next, expectedCells[testCase.name], testCase.name);
	}
});

type DurationCase = {name: string; test: string; input: {timestamp: unknown}; expected: string};

test('AGE agrees with every TestTranslateTimestampSince vector', () => {
	const now = Date.parse('2026-11-23T12:01:30.250Z');
	const cases = fixture<{printerTimestampCases: DurationCase[]}>('upstream/duration.json').printerTimestampCases.filter((testCase) => testCase.test === 'TestTranslateTimestampSince');
	assert.ok(cases.length >= 9);
	for (const testCase of cases) {
		const job = makeJob('aged');
		const timestamp = resolveTimes(testCase.input.timestamp, now) as string | null;
		if (timestamp) {
			job.metadata.creationTimestamp = timestamp;
		} else {
			delete job.metadata.creationTimestamp;
		}

		assert.equal(jobRow(job, makeSnapshot({jobs: [job]}), now).cells.age, testCase.expected, testCase.name);
	}
});
