import assert from 'node:assert/strict';
import {test} from 'node:test';
import {podRow} from '../../../source/view-model/rows/pod-rows.js';
import {makeJob, makePod, now} from '../../helpers/builders.js';
import {makeSnapshot} from '../../helpers/snapshots.js';

const job = makeJob('worker', {restartPolicy: 'OnFailure', started: -300, active: 1});

function cells(pod: ReturnType<typeof makePod>, deleted = false) {
	const row = podRow(pod, makeSnapshot({jobs: [job], pods: [pod]}), now, deleted);
	return [row.cells.ready, row.cells.status, row.cells.restarts, row.cells.exit, row.cells.node, row.cells.job, row.cells.age, row.tone];
}

test('CrashLoopBackOff: kubectl\'s restarts with "ago", the last exit, warning tone', () => {
	const pod = makePod(job, 'c1', {
		created: -190,
		phase: 'Running',
		restartCount: 3,
		waiting: {reason: 'CrashLoopBackOff', message: 'back-off 40s restarting failed container=main pod=worker-c1_default(uid-worker-c1)'},
		lastTerminated: {exitCode: 1, reason: 'Error', finished: -25},
	});
	assert.deepEqual(cells(pod), ['0/1', 'CrashLoopBackOff', '3 (25s ago)', '1 Error', 'sim-node-1', 'worker', '3m10s', 'warning']);
});

test('OOMKilled, Completed, ContainerCreating, ImagePullBackOff, ErrImagePull, Terminating', () => {
	const oom = makePod(job, 'o1', {created: -60, phase: 'Failed', exitCode: 137, reason: 'OOMKilled', finished: -2});
	assert.deepEqual(cells(oom), ['0/1', 'OOMKilled', '0', '137 OOMKilled', 'sim-node-1', 'worker', '60s', 'error']);
	const done = makePod(job, 'd1', {created: -60, phase: 'Succeeded', finished: -2});
	assert.deepEqual(cells(done), ['0/1', 'Completed', '0', '0 Completed', 'sim-node-1', 'worker', '60s', 'success']);
	const creating = makePod(job, 'n1', {created: -3, phase: 'Pending'});
	assert.deepEqual(cells(creating), ['0/1', 'ContainerCreating', '0', '', 'sim-node-1', 'worker', '3s', 'pending']);
	const backOff = makePod(job, 'i1', {created: -30, phase: 'Pending', waiting: {reason: 'ImagePullBackOff', message: 'Back-off pulling image "nope:1"'}});
	assert.deepEqual(cells(backOff).slice(1, 2).concat(cells(backOff).slice(7)), ['ImagePullBackOff', 'warning']);
	const errPull = makePod(job, 'e1', {created: -30, phase: 'Pending', waiting: {reason: 'ErrImagePull'}});
	assert.deepEqual(cells(errPull).slice(1, 2).concat(cells(errPull).slice(7)), ['ErrImagePull', 'error']);
	const terminating = makePod(job, 't1', {created: -30, phase: 'Running', deleting: -1});
	assert.deepEqual(cells(terminating).slice(1, 2).concat(cells(terminating).slice(7)), ['Terminating', 'muted']);
});

test('a deleted pod is a muted tombstone row', () => {
	const pod = makePod(job, 'g1', {created: -60, phase: 'Failed', finished: -30});
	assert.deepEqual(cells(pod, true), ['0/1', 'deleted (Error)', '0', '1 Error', 'sim-node-1', 'worker', '60s', 'muted']);
});

test('a pod whose job was deleted with propagationPolicy Orphan shows the gone job as (orphaned)', () => {
	const job = makeJob('report');
	const pod = makePod(job, 'o7phn', {phase: 'Succeeded', finished: -20});
	assert.equal(podRow(pod, makeSnapshot({pods: [pod]}), now).cells.job, 'report');
	// The garbage collector strips the owner reference of an orphaned dependent; the job-name label stays.
	const orphan = {...pod, metadata: {...pod.metadata, ownerReferences: []}};
	assert.equal(podRow(orphan, makeSnapshot({pods: [orphan]}), now).cells.job, 'report (orphaned)');
	const unrelated = {...orphan, metadata: {...orphan.metadata, labels: {app: 'web'}}};
	assert.equal(podRow(unrelated, makeSnapshot({pods: [unrelated]}), now).cells.job, '');
});
