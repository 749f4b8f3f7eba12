import assert from 'node:assert/strict';
import {afterEach, test} from 'node:test';
import {performAction} from '../../../source/cluster/actions/perform.js';
import type {Job, Pod} from '../../../source/kube/types.js';
import {type ActionWorld, actionWorld, jobWithPods, podNames, writesSince} from '../../helpers/actions.js';

let world: ActionWorld | undefined;
afterEach(async () => {
	await world?.stop();
	world = undefined;
});

test('Background delete: the policy is on the wire, the job goes at once and the GC removes its pods', async () => {
	world = await actionWorld();
	const job = await jobWithPods(world, 'pi', 3);
	assert.equal(podNames(world).length, 3);
	const from = world.requests.length;
	const result = await performAction(world.context, {kind: 'delete', resource: 'jobs', target: {namespace: 'batch', name: 'pi', uid: job.metadata.uid}, propagation: 'Background'});
	assert.deepEqual(result, {ok: true, message: 'deleted job batch/pi; its pods are being removed'});
	assert.deepEqual(writesSince(world.requests, from), ['DELETE /apis/batch/v1/namespaces/batch/jobs/pi?propagationPolicy=Background application/json']);
	assert.equal(world.store.get('Job', 'batch', 'pi'), undefined);
	// The garbage collector deletes every pod, the kubelet finishes them off within their grace period.
	for (let second = 0; second < 60 && podNames(world).length > 0; second++) {
		await world.advance(1000);
	}

	assert.deepEqual(podNames(world), []);
});

test('Foreground delete: the job waits, marked, until its pods are gone', async () => {
	world = await actionWorld();
	const job = await jobWithPods(world, 'pi', 3);
	const from = world.requests.length;
	const result = await performAction(world.context, {kind: 'delete', resource: 'jobs', target: {namespace: 'batch', name: 'pi', uid: job.metadata.uid}, propagation: 'Foreground'});
	assert.deepEqual(result, {ok: true, message: 'deleting job batch/pi: it goes once its pods are gone'});
	assert.deepEqual(writesSince(world.requests, from), ['DELETE /apis/batch/v1/namespaces/batch/jobs/pi?propagationPolicy=Foreground application/json']);
	assert.deepEqual(world.store.get<Job>('Job', 'batch', 'pi')?.metadata.finalizers, ['foregroundDeletion']);
	// The job stays, marked, while any of its pods exists; then both are gone.
	for (let second = 0; second < 60 && podNames(world).length > 0; second++) {
		assert.deepEqual(world.store.get<Job>('Job', 'batch', 'pi')?.metadata.finalizers, ['foregroundDeletion']);
		await world.advance(1000);
	}

	await world.advance(1000);
	assert.deepEqual(podNames(world), []);
	assert.equal(world.store.get('Job', 'batch', 'pi'), undefined);
});

test('Orphan delete: the job goes, its pods stay, without the ownerReference', async () => {
	world = await actionWorld();
	const job = await jobWithPods(world, 'pi', 3);
	const before = podNames(world);
	const result = await performAction(world.context, {kind: 'delete', resource: 'jobs', target: {namespace: 'batch', name: 'pi', uid: job.metadata.uid}, propagation: 'Orphan'});
	assert.deepEqual(result, {ok: true, message: 'deleted job batch/pi; its pods were kept'});
	await world.advance(10_000);
	assert.equal(world.store.get('Job', 'batch', 'pi'), undefined);
	assert.deepEqual(podNames(world), before);
	for (const pod of world.store.list<Pod>('Pod', 'batch')) {
		assert.equal(pod.metadata.ownerReferences?.length ?? 0, 0, pod.metadata.name);
		assert.equal(pod.metadata.deletionTimestamp, undefined);
	}
});

test('pod and cron job deletes use their own paths and still send a policy', async () => {
	world = await actionWorld();
	const job = await jobWithPods(world, 'pi', 1);
	const [pod] = world.store.list<Pod>('Pod', 'batch');
	assert.ok(pod && job);
	const from = world.requests.length;
	const deleted = await performAction(world.context, {kind: 'delete', resource: 'pods', target: {namespace: 'batch', name: pod.metadata.name ?? ''}, propagation: 'Background'});
	assert.deepEqual(deleted, {ok: true, message: `deleted pod batch/${pod.metadata.name ?? ''}`});
	const missing = await performAction(world.context, {kind: 'delete', resource: 'cronjobs', target: {namespace: 'batch', name: 'nightly'}, propagation: 'Background'});
	assert.deepEqual(missing, {ok: false, message: 'cronjobs.batch "nightly" not found'});
	assert.deepEqual(writesSince(world.requests, from), [
		`DELETE /api/v1/namespaces/batch/pods/${pod.metadata.name ?? ''}?propagationPolicy=Background application/json`,
		'DELETE /apis/batch/v1/namespaces/batch/cronjobs/nightly?propagationPolicy=Background application/json',
	]);
});

test('a stale uid is a precondition: a same-name successor is not deleted', async () => {
	world = await actionWorld();
	await jobWithPods(world, 'pi', 1);
	const result = await performAction(world.context, {kind: 'delete', resource: 'jobs', target: {namespace: 'batch', name: 'pi', uid: 'old-uid'}, propagation: 'Background'});
	assert.equal(result.ok, false);
	assert.match(result.message, /^Operation cannot be fulfilled on Job\.batch "pi": the UID in the precondition \(old-uid\) does not match/);
	assert.ok(world.store.get('Job', 'batch', 'pi'));
});
