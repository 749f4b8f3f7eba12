/*
Where a column is one kubectl also has, the view-model's cell equals Kubernetes' own expectation
(test/fixtures/upstream/printers-*.json); a job's STATUS may only refine kubectl's "Running".
*/
import assert from 'node:assert/strict';
import {test} from 'node:test';
import type {CronJob, Job, Pod} from '../../../source/kube/types.js';
import {cronJobRow} from '../../../source/view-model/rows/cronjob-rows.js';
import {jobRow} from '../../../source/view-model/rows/job-rows.js';
import {podRow} from '../../../source/view-model/rows/pod-rows.js';
import {fixture, makeSnapshot, resolveTimes} from '../../helpers/snapshots.js';

type PrinterCase = {name: string; input: unknown; expected: {columns: string[]; rows: Array<{cells: Array<string | number | boolean>}>}};

// Off any cron tick and off whole seconds, so nothing lines up by accident.
const now = Date.parse('2026-11-23T12:01:30.250Z');

function objectsOf<T>(testCase: PrinterCase): T[] {
	const input = resolveTimes(testCase.input, now) as {items?: T[]};
	return input.items ?? [input as T];
}

function expectedCells(testCase: PrinterCase, index: number): Record<string, string> {
	const cells = testCase.expected.rows[index]?.cells ?? [];
	return Object.fromEntries(testCase.expected.columns.map((column, position) => [column, String(cells[position])]));
}

// Our STATUS for each upstream case: kubectl's word, or a refinement of its "Running".
const jobStatus: Record<string, string> = {
	'job1: no generate options': 'Running',
	'job1: generate options Wide': 'Running',
	'job2: ten-year age (completions nil)': 'Pending',
	'job3: with duration (startTime now+1m, completionTime now+31m)': 'Pending',
	'job4: started 20m ago, not completed (duration = now - startTime)': 'Pending',
	'job5: condition Complete=True': 'Complete',
	'job6: condition Failed=True': 'Failed',
	'job7: condition Suspended=True': 'Suspended',
	'job8: condition FailureTarget=True': 'FailureTarget',
	'job9: deletionTimestamp set -> Terminating': 'Terminating',
	'job10: condition SuccessCriteriaMet=True': 'SuccessCriteriaMet',
	'jobList: two jobs#0': 'Running',
	'jobList: two jobs#1': 'Running',
};

test('jobs: STATUS, COMPLETIONS, DURATION and AGE agree with printJob for every upstream case', () => {
	const cases = fixture<{cases: PrinterCase[]}>('upstream/printers-job.json').cases;
	assert.equal(cases.length, 12);
	let rows = 0;
	for (const testCase of cases) {
		const jobs = objectsOf<Job>(testCase);
		const snapshot = makeSnapshot({jobs});
		for (const [index, job] of jobs.entries()) {
			const kubectl = expectedCells(testCase, index);
			const {cells} = jobRow(job, snapshot, now);
			const key = jobs.length > 1 ? `${testCase.name}#${index}` : testCase.name;
			assert.equal(cells.name, kubectl.Name, key);
			assert.equal(cells.status, jobStatus[key], key);
			assert.ok(cells.status === kubectl.Status || (kubectl.Status === 'Running' && ['Pending', 'BackingOff'].includes(cells.status ?? '')), `${key}: ${cells.status} vs ${kubectl.Status}`);
			assert.equal(cells.completions, kubectl.Completions, key);
			assert.equal(cells.duration, kubectl.Duration, key);
			assert.equal(cells.age, kubectl.Age, key);
			rows++;
		}
	}

	assert.equal(rows, 13);
});

test('jobs: Failed and FailureTarget carry the reason after kubectl\'s word', () => {
	const cases = fixture<{cases: PrinterCase[]}>('upstream/printers-job.json').cases;
	const failed = cases.find((testCase) => testCase.name.startsWith('job6'));
	assert.ok(failed);
	const [job] = objectsOf<Job>(failed);
	assert.ok(job);
	job.status!.conditions![0]!.reason = 'BackoffLimitExceeded';
	assert.equal(jobRow(job, makeSnapshot({jobs: [job]}), now).cells.status, 'Failed: BackoffLimitExceeded');
	job.status!.conditions![0]!.type = 'FailureTarget';
	assert.equal(jobRow(job, makeSnapshot({jobs: [job]}), now).cells.status, 'FailureTarget: BackoffLimitExceeded');
});

test('cron jobs: SCHEDULE, TIMEZONE, SUSPEND, ACTIVE, LAST SCHEDULE and AGE agree with printCronJob', () => {
	const cases = fixture<{cases: PrinterCase[]}>('upstream/printers-cronjob.json').cases;
	let rows = 0;
	for (const testCase of cases) {
		const cronJobs = objectsOf<CronJob>(testCase);
		const snapshot = makeSnapshot({cronJobs});
		for (const [index, cronJob] of cronJobs.entries()) {
			const kubectl = expectedCells(testCase, index);
			const {cells} = cronJobRow(cronJob, snapshot, now);
			assert.deepEqual(
				[cells.name, cells.schedule, cells.timezone, cells.suspend, cells.active, cells.lastSchedule, cells.age],
				[kubectl.Name, kubectl.Schedule, kubectl.Timezone, kubectl.Suspend, kubectl.Active, kubectl['Last Schedule'], kubectl.Age],
				testCase.name,
			);
			rows++;
		}
	}

	assert.equal(rows, 7);
});

test('pods: READY, STATUS, RESTARTS and AGE agree with printPod for all 50 upstream cases', () => {
	const cases = fixture<{cases: PrinterCase[]}>('upstream/printers-pod.json').cases;
	assert.equal(cases.length, 50);
	let rows = 0;
	for (const testCase of cases) {
		const pods = objectsOf<Pod>(testCase);
		const snapshot = makeSnapshot({pods});
		for (const [index, pod] of pods.entries()) {
			const kubectl = expectedCells(testCase, index);
			const {cells} = podRow(pod, snapshot, now);
			assert.deepEqual(
				[cells.name, cells.ready, cells.status, cells.restarts, cells.age],
				[kubectl.Name, kubectl.Ready, kubectl.Status, kubectl.Restarts, kubectl.Age],
				testCase.name,
			);
			if (kubectl.Node !== undefined) {
				assert.equal(cells.node || '<none>', kubectl.Node, testCase.name);
			}

			rows++;
		}
	}

	assert.equal(rows, 51);
});
