import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {backoffDelay, getFinishedTime, getRemainingBackoffTime, getRemainingTimePerIndex, newBackoffRecord, nextPodCreationAt} from '../../source/kube/job-backoff.js';
import type {Job, Pod} from '../../source/kube/types.js';
import {loadUpstream} from '../helpers/upstream.js';

type BackoffFile = {constants: {DefaultJobPodFailureBackOffSeconds: number; MaxJobPodFailureBackOffSeconds: number}; cases: Array<{name: string; test: string; inputs: any; expected: any}>};
const file = loadUpstream<BackoffFile>('job-backoff.json');
const time = (value: string | null | undefined): number | undefined => (value ? Date.parse(value) : undefined);

// TestNewBackoffRecord builds one pod per finish time: {phase, containerStatuses:[{state:{terminated:{finishedAt}}}]}.
const finishedPod = (phase: string, finishedAt: string): Pod => ({
	metadata: {},
	spec: {containers: [{name: ''}]},
	status: {phase, containerStatuses: [{name: '', ready: false, restartCount: 0, state: {terminated: {exitCode: 0, finishedAt}}}]},
});

describe('job-backoff.json', () => {
	for (const item of file.cases) {
		test(`${item.test}: ${item.name}`, () => {
			const {inputs, expected} = item;
			const options = {baseMs: (inputs.defaultBackoffSeconds ?? 10) * 1000, maxMs: (inputs.maxBackoffSeconds ?? 600) * 1000};
			switch (item.test) {
				case 'TestNewBackoffRecord': {
					const initial = inputs.storeInitialRecord;
					const record = newBackoffRecord(
						initial ? {failuresAfterLastSuccess: initial.failuresAfterLastSuccess, lastFailureTime: time(initial.lastFailureTime)} : undefined,
						inputs.newSucceededPodFinishTimes.map((at: string) => finishedPod('Succeeded', at)),
						inputs.newFailedPodFinishTimes.map((at: string) => finishedPod('Failed', at)),
					);
					assert.deepEqual(record, {failuresAfterLastSuccess: expected.backoffRecord.failuresAfterLastSuccess, lastFailureTime: time(expected.backoffRecord.lastFailureTime)});
					break;
				}

				case 'TestGetFinishedTime': {
					assert.equal(getFinishedTime(inputs.pod), time(expected.finishedTime));
					break;
				}

				case 'TestGetRemainingBackoffTime': {
					const record = {failuresAfterLastSuccess: inputs.backoffRecord.failuresAfterLastSuccess, lastFailureTime: time(inputs.backoffRecord.lastFailureTime)};
					assert.equal(getRemainingBackoffTime(record, time(inputs.now) ?? 0, options) / 1000, expected.remainingSeconds);
					break;
				}

				case 'TestGetRemainingBackoffTimePerIndex': {
					assert.equal(getRemainingTimePerIndex(inputs.lastFailedPod ?? undefined, time(inputs.now) ?? 0, options) / 1000, expected.remainingSeconds);
					break;
				}

				default: {
					assert.fail(`unhandled upstream test ${item.test}`);
				}
			}
		});
	}
});

describe('backoffDelay with the controller constants', () => {
	test('10, 20, 40, 80, 160, 320, 600, 600 s', () => {
		assert.deepEqual([1, 2, 3, 4, 5, 6, 7, 8].map(n => backoffDelay(n) / 1000), [10, 20, 40, 80, 160, 320, 600, 600]);
		assert.equal(backoffDelay(1, {baseMs: file.constants.DefaultJobPodFailureBackOffSeconds * 1000}), 10_000);
	});
});

describe('nextPodCreationAt', () => {
	const job = (): Job => ({
		metadata: {name: 'report', uid: 'u1'},
		spec: {parallelism: 1, completions: 1, backoffLimit: 4, template: {spec: {containers: [{name: 'main'}]}}},
		status: {startTime: '2026-01-01T10:00:00Z', failed: 2},
	});
	const failed = (name: string, finishedAt: string): Pod => ({
		metadata: {name, ownerReferences: [{apiVersion: 'batch/v1', kind: 'Job', name: 'report', uid: 'u1', controller: true}]},
		spec: {containers: [{name: 'main'}]},
		status: {phase: 'Failed', containerStatuses: [{name: 'main', ready: false, restartCount: 0, state: {terminated: {exitCode: 1, reason: 'Error', finishedAt}}}]},
	});
	const pods = [failed('report-7x2kq', '2026-01-01T10:00:12Z'), failed('report-m4d9s', '2026-01-01T10:00:35Z')];

	test('§3.8: two failures, the third pod comes at 10:00:55', () => {
		assert.equal(nextPodCreationAt(job(), pods), Date.parse('2026-01-01T10:00:55Z'));
	});

	test('custom base and cap', () => {
		assert.equal(nextPodCreationAt(job(), pods, {baseMs: 5000, maxMs: 7000}), Date.parse('2026-01-01T10:00:42Z'));
	});

	test('garbage-collected failures fall back to status.failed when nothing succeeded', () => {
		const j = job();
		j.status!.failed = 4;
		assert.equal(nextPodCreationAt(j, pods.slice(1)), Date.parse('2026-01-01T10:00:35Z') + 80_000);
	});

	test('not backing off: an active pod, suspended, finished, failing, no failures, other owner', () => {
		const running: Pod = {metadata: {name: 'r'}, spec: {containers: [{name: 'main'}]}, status: {phase: 'Running'}};
		assert.equal(nextPodCreationAt(job(), [...pods, running]), undefined);
		assert.equal(nextPodCreationAt({...job(), spec: {...job().spec, suspend: true}}, pods), undefined);
		assert.equal(nextPodCreationAt({...job(), status: {conditions: [{type: 'FailureTarget', status: 'True'}]}}, pods), undefined);
		assert.equal(nextPodCreationAt({...job(), status: {conditions: [{type: 'Complete', status: 'True'}]}}, pods), undefined);
		assert.equal(nextPodCreationAt({...job(), status: {}}, []), undefined);
		assert.equal(nextPodCreationAt({...job(), metadata: {uid: 'other'}, status: {}}, pods), undefined);
	});

	test('a later success resets the count', () => {
		const success: Pod = {...failed('ok', '2026-01-01T10:00:40Z'), status: {phase: 'Succeeded', containerStatuses: [{name: 'main', ready: false, restartCount: 0, state: {terminated: {exitCode: 0, finishedAt: '2026-01-01T10:00:40Z'}}}]}};
		const j: Job = {...job(), spec: {...job().spec, completions: 3}, status: {succeeded: 1, failed: 2}};
		assert.equal(nextPodCreationAt(j, [...pods, success]), undefined);
		assert.equal(nextPodCreationAt(j, [...pods, success, failed('late', '2026-01-01T10:00:50Z')]), Date.parse('2026-01-01T10:01:00Z'));
	});
});
