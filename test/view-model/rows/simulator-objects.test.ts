/*
Objects the simulated cluster produces (its job controller and kubelet over a manual clock), run through the view-model.
*/
import assert from 'node:assert/strict';
import {test} from 'node:test';
import type {Job, KubeEvent, Pod} from '../../../source/kube/types.js';
import {jobDetail} from '../../../source/view-model/detail/job-detail.js';
import {jobRow} from '../../../source/view-model/rows/job-rows.js';
import {harness, template} from '../../helpers/controllers-harness.js';
import {makeSnapshot} from '../../helpers/snapshots.js';

function snapshotOf(h: ReturnType<typeof harness>) {
	return makeSnapshot({jobs: h.store.list<Job>('Job'), pods: h.store.list<Pod>('Pod'), events: h.store.list<KubeEvent>('Event')});
}

test('a failing job: Running → BackingOff with the RETRY countdown doubling → Failed', () => {
	const h = harness();
	h.job({metadata: {name: 'fail'}, spec: {backoffLimit: 3, template: template({'sim.kjobs.io/run-seconds': '1', 'sim.kjobs.io/exit-code': '1'})}});
	const transitions: string[] = [];
	let previous = '';
	let uid = '';
	for (let second = 0; second < 90; second++) {
		const job = h.getJob('fail');
		assert.ok(job);
		uid = job.metadata.uid ?? '';
		const {cells} = jobRow(job, snapshotOf(h), h.clock.now());
		if (cells.status !== previous) {
			transitions.push(`${cells.status} ${cells.failed} ${cells.retry}`.trim());
			previous = cells.status ?? '';
		}

		h.step(1);
	}

	assert.deepEqual(transitions, [
		'Pending 0',
		'Running 0',
		'BackingOff 1/3 retries in 10s',
		'Pending 1/3 retries',
		'Running 1/3 retries',
		'BackingOff 2/3 retries in 20s',
		'Pending 2/3 retries',
		'Running 2/3 retries',
		'BackingOff 3/3 retries in 40s',
		'Pending 3/3 retries',
		'Running 3/3 retries',
		'Failed: BackoffLimitExceeded 4',
	]);
	const detail = jobDetail(snapshotOf(h), uid, h.clock.now());
	assert.deepEqual(detail?.attempts.map((entry) => [entry.state, entry.exit, entry.gapAfter ?? '-']), [
		['failed', '1 Error', '10s'],
		['failed', '1 Error', '20s'],
		['failed', '1 Error', '40s'],
		['failed', '1 Error', '-'],
	]);
	assert.equal(detail?.conditions.at(-1)?.type, 'Failed');
});

test('a TTL job counts down after Complete until the controller deletes it', () => {
	const h = harness();
	h.job({metadata: {name: 'ttl'}, spec: {ttlSecondsAfterFinished: 5, template: template({'sim.kjobs.io/run-seconds': '3'})}});
	const ttls: string[] = [];
	for (let second = 0; second < 20; second++) {
		const job = h.getJob('ttl');
		if (!job) {
			ttls.push('gone');
			break;
		}

		const {cells} = jobRow(job, snapshotOf(h), h.clock.now());
		if (cells.ttl) {
			ttls.push(`${cells.status} ${cells.ttl}`);
		}

		h.step(1);
	}

	assert.deepEqual(ttls.slice(0, 5), ['Complete in 5s', 'Complete in 4s', 'Complete in 3s', 'Complete in 2s', 'Complete in 1s']);
	assert.equal(ttls.at(-1), 'gone');
});
