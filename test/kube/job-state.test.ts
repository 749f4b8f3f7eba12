import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {hasJobCondition, isJobFinished, isJobSucceeded, jobCondition, jobFinishedAt, jobOwner} from '../../source/kube/job-state.js';
import type {Job} from '../../source/kube/types.js';
import {loadFixture} from '../helpers/upstream.js';

const job = (conditions: NonNullable<Job['status']>['conditions'], completionTime?: string): Job => ({
	metadata: {name: 'j'},
	spec: {template: {spec: {containers: []}}},
	status: {conditions, completionTime},
});

describe('job-state', () => {
	test('jobCondition and hasJobCondition look at the first condition of a type only', () => {
		const j = job([{type: 'Suspended', status: 'False', reason: 'JobResumed'}, {type: 'Suspended', status: 'True'}]);
		assert.equal(jobCondition(j, 'Suspended')?.reason, 'JobResumed');
		assert.equal(hasJobCondition(j, 'Suspended'), false);
		assert.equal(jobCondition(j, 'Complete'), undefined);
	});

	test('isJobFinished / isJobSucceeded', () => {
		assert.equal(isJobFinished(job([{type: 'SuccessCriteriaMet', status: 'True'}])), false);
		assert.equal(isJobFinished(job([{type: 'Failed', status: 'True'}])), true);
		assert.equal(isJobSucceeded(job([{type: 'Failed', status: 'True'}])), false);
		assert.equal(isJobFinished(job([{type: 'Complete', status: 'False'}])), false);
		assert.equal(isJobFinished({metadata: {}, spec: {template: {spec: {containers: []}}}}), false);
	});

	test('jobFinishedAt: completionTime, else the terminal condition transition (Failed jobs), else undefined', () => {
		assert.equal(jobFinishedAt(job([{type: 'Complete', status: 'True', lastTransitionTime: '2026-01-01T10:00:09Z'}], '2026-01-01T10:00:10Z')), Date.parse('2026-01-01T10:00:10Z'));
		assert.equal(jobFinishedAt(job([{type: 'FailureTarget', status: 'True', lastTransitionTime: '2026-01-01T10:00:01Z'}, {type: 'Failed', status: 'True', lastTransitionTime: '2026-01-01T10:00:05Z'}])), Date.parse('2026-01-01T10:00:05Z'));
		assert.equal(jobFinishedAt(job([], '2026-01-01T10:00:10Z')), undefined);
	});

	test('jobOwner returns the controller ownerReference (k9s/job.json is owned by CronJob hello)', () => {
		const real = loadFixture<Job>('k9s/job.json');
		assert.deepEqual(jobOwner(real), {apiVersion: 'batch/v1beta1', blockOwnerDeletion: true, controller: true, kind: 'CronJob', name: 'hello', uid: '7f0b856c-cb39-11e9-990f-42010a800218'});
		assert.equal(jobOwner({metadata: {ownerReferences: [{apiVersion: 'v1', kind: 'X', name: 'x', uid: 'u'}]}}), undefined);
		assert.equal(jobOwner({metadata: {}}), undefined);
	});
});
