/*
Real API objects from test/fixtures/k9s (captured by k9s from live clusters).
*/
import assert from 'node:assert/strict';
import {test} from 'node:test';
import type {Job, Pod} from '../../../source/kube/types.js';
import {jobDetail} from '../../../source/view-model/detail/job-detail.js';
import {jobRow} from '../../../source/view-model/rows/job-rows.js';
import {podRow} from '../../../source/view-model/rows/pod-rows.js';
import {fixture, makeSnapshot} from '../../helpers/snapshots.js';

const job = fixture<Job>('k9s/job.json');
const [plain, init, sidecar] = ['k9s/po.json', 'k9s/po_init.json', 'k9s/po_sidecar.json'].map((file) => fixture<Pod>(file));
const now = Date.parse('2019-08-30T15:40:00Z');

test('the k9s job: a Complete cron job child', () => {
	const result = jobRow(job, makeSnapshot({jobs: [job]}), now);
	assert.deepEqual(result.cells, {
		namespace: 'default', name: 'hello-1567179180', status: 'Complete', completions: '1/1', active: '0', failed: '0',
		retry: '', deadline: '', ttl: '', duration: '8s', age: '6m58s', cronjob: 'hello',
	});
	assert.equal(result.tone, 'success');
	assert.equal(result.id, '7473e6d0-cb3b-11e9-990f-42010a800218');
});

test('the k9s job detail: spec, conditions, no attempts without pods', () => {
	const detail = jobDetail(makeSnapshot({jobs: [job]}), '7473e6d0-cb3b-11e9-990f-42010a800218', now);
	assert.ok(detail);
	assert.deepEqual(detail.spec.map((field) => `${field.label}: ${field.value}`), [
		'Completions: 1',
		'Parallelism: 1',
		'Completion mode: NonIndexed',
		'Backoff limit: 6',
		'Restart policy: OnFailure',
		'Active deadline: <unset>',
		'TTL after finished: <unset>',
		'Suspend: False',
		'Started: 6m58s ago',
		'Completed: 6m50s ago',
	]);
	assert.deepEqual(detail.conditions, [{type: 'Complete', status: 'True', reason: '', message: '', age: '6m50s'}]);
	assert.deepEqual(detail.cronJob, {name: 'hello', uid: '7f0b856c-cb39-11e9-990f-42010a800218'});
	assert.deepEqual(detail.attempts, []);
	assert.equal(detail.grid, undefined);
});

test('the k9s pods: plain, init and sidecar', () => {
	const snapshot = makeSnapshot({pods: [plain!, sidecar!]});
	const cells = (pod: Pod) => {
		const {namespace, name, ready, status, restarts, exit, node, job: owner, age} = podRow(pod, snapshot, Date.parse('2024-08-24T02:00:00Z')).cells;
		return [namespace, name, ready, status, restarts, exit, node, owner, age];
	};

	assert.deepEqual(cells(plain!), ['default', 'nginx', '1/1', 'Running', '0', '', 'minikube', '', '5y16d']);
	assert.deepEqual(cells(init!), ['default', 'nginx', '1/1', 'Init:0/1', '0', '', 'minikube', '', '5y16d']);
	assert.deepEqual(cells(sidecar!), ['default', 'sleep', '2/2', 'Running', '0', '', 'kind-control-plane', '', '5m28s']);
});
