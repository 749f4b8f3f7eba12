import assert from 'node:assert/strict';
import {test} from 'node:test';
import type {CronJob, Job, Pod} from '../../../source/kube/types.js';
import {rfc3339} from '../../../source/simulator/controllers/objects.js';
import {harness, template} from '../../helpers/controllers-harness.js';

function running(h: ReturnType<typeof harness>, name: string): Job {
	const job = h.job({metadata: {name}, spec: {parallelism: 2, completions: 2, template: template({'sim.kjobs.io/run-seconds': '60'})}});
	h.step(3);
	assert.equal(h.pods(name).filter(pod => pod.status?.phase === 'Running').length, 2);
	return job;
}

test('Background: the job is gone at once, then the GC deletes its pods, which the kubelet stops', () => {
	const h = harness();
	running(h, 'bg');
	h.store.remove('Job', 'default', 'bg');
	h.controllers.reconcile(h.clock.now());
	const pods = h.pods('bg');
	assert.equal(pods.length, 2);
	assert.ok(pods.every(pod => pod.metadata.deletionTimestamp === '2026-01-01T10:00:33Z' && pod.metadata.deletionGracePeriodSeconds === 30));
	h.step(1);
	assert.equal(h.pods('bg').length, 0);
});

test('Foreground: pods are deleted first, then the foregroundDeletion finalizer goes and the job with it', () => {
	const h = harness();
	running(h, 'fg');
	h.store.markDeleted('Job', 'default', 'fg', ['foregroundDeletion']);
	h.controllers.reconcile(h.clock.now());
	assert.ok(h.getJob('fg')?.metadata.deletionTimestamp);
	assert.ok(h.pods('fg').every(pod => pod.metadata.deletionTimestamp));
	h.step(1);
	assert.equal(h.pods('fg').length, 0);
	assert.equal(h.getJob('fg'), undefined);
});

test('Orphan: ownerReferences are stripped, the pods keep running without the tracking finalizer, the job goes', () => {
	const h = harness();
	running(h, 'or');
	h.store.markDeleted('Job', 'default', 'or', ['orphan']);
	h.controllers.reconcile(h.clock.now());
	assert.equal(h.getJob('or'), undefined);
	const pods = h.pods('or');
	assert.equal(pods.length, 2);
	assert.ok(pods.every(pod => pod.metadata.ownerReferences === undefined && pod.metadata.finalizers === undefined && !pod.metadata.deletionTimestamp));
	h.step(60);
	assert.deepEqual(h.pods('or').map(pod => pod.status?.phase), ['Succeeded', 'Succeeded']);
});

test('a CronJob deleted in the background takes its jobs and their pods along', () => {
	const h = harness(Date.parse('2026-01-01T10:00:50Z'));
	h.cronJob({metadata: {name: 'cj'}, spec: {schedule: '* * * * *', jobTemplate: {spec: {template: template({'sim.kjobs.io/run-seconds': '60'})}}}});
	h.step(15);
	assert.equal(h.store.list<Job>('Job').length, 1);
	assert.equal(h.pods().length, 1);
	h.store.remove('CronJob', 'default', 'cj');
	h.step(2);
	assert.equal(h.store.list<Job>('Job').length, 0);
	assert.equal(h.pods().length, 0);
	assert.equal(h.store.list<CronJob>('CronJob').length, 0);
});

test('a pod deleted with a grace period is stopped (exit 143) and removed; the job replaces it and counts a failure', () => {
	const h = harness();
	h.job({metadata: {name: 'del'}, spec: {template: template({'sim.kjobs.io/run-seconds': '60'})}});
	h.step(5);
	const pod = h.pods('del')[0]!;
	const removed: Pod[] = [];
	h.store.subscribe(event => {
		if (event.type === 'DELETED' && event.kind === 'Pod') {
			removed.push(event.object as Pod);
		}
	});
	// What the API server does for DELETE with the pod's 30 s grace period.
	h.store.update('Pod', {...structuredClone(pod), metadata: {...pod.metadata, deletionTimestamp: rfc3339(h.clock.now() + 30_000), deletionGracePeriodSeconds: 30}});
	h.controllers.reconcile(h.clock.now());
	assert.equal(h.getJob('del')?.status?.terminating, 1);
	assert.equal(h.getJob('del')?.status?.active, 1);
	h.step(1);
	assert.equal(removed.length, 1);
	assert.equal(removed[0]?.status?.phase, 'Failed');
	assert.deepEqual(removed[0]?.status?.containerStatuses?.[0]?.state?.terminated?.exitCode, 143);
	const job = h.getJob('del')!;
	assert.equal(job.status?.failed, 1);
	assert.equal(job.status?.terminating, 0);
	assert.equal(h.pods('del').length, 1);
});
