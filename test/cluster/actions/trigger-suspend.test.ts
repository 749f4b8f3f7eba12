import assert from 'node:assert/strict';
import {afterEach, test} from 'node:test';
import {createActionContext} from '../../../source/cluster/actions/context.js';
import {createManualClock} from '../../../source/store/clock.js';
import {openGate} from '../../../source/cluster/actions/gate.js';
import {manualJobBody} from '../../../source/cluster/actions/job-copy.js';
import {performAction} from '../../../source/cluster/actions/perform.js';
import type {CronJob, Job} from '../../../source/kube/types.js';
import {hasKubectl, kubectlFor} from '../../helpers/simulator.js';
import {type ActionWorld, actionWorld, cronJob, jobWithPods, recordingProxy, seeded} from '../../helpers/actions.js';

let world: ActionWorld | undefined;
afterEach(async () => {
	await world?.stop();
	world = undefined;
});

/** Drops Go's zero-value artefacts from kubectl's JSON: `creationTimestamp: null`, then empty `status` and `metadata`. */
function withoutGoZeroes(value: unknown): unknown {
	if (Array.isArray(value)) {
		return value.map(item => withoutGoZeroes(item));
	}

	if (typeof value === 'object' && value !== null) {
		return Object.fromEntries(Object.entries(value)
			.filter(([key, item]) => !(key === 'creationTimestamp' && item === null))
			.map(([key, item]) => [key, withoutGoZeroes(item)])
			.filter(([key, item]) => !((key === 'status' || key === 'metadata') && JSON.stringify(item) === '{}')));
	}

	return value;
}

test('trigger: the job equals what kubectl create job --from=cronjob builds, field by field', async () => {
	world = await actionWorld();
	const cron = await cronJob(world, 'nightly');
	const proxy = await recordingProxy(world);
	try {
		const context = createActionContext(proxy.kc, openGate, createManualClock(0), {random: seeded()});
		const result = await performAction(context, {kind: 'trigger', cronJob: cron});
		assert.equal(result.message, 'created job batch/nightly-manual-vls9x from cron job nightly');
		const post = proxy.bodies.find(body => body.method === 'POST');
		const sent = JSON.parse(post?.body ?? '{}') as Job;
		assert.deepEqual(sent, manualJobBody(cron, 'nightly-manual-vls9x'));
		assert.deepEqual(sent.metadata, {
			name: 'nightly-manual-vls9x',
			namespace: 'batch',
			labels: {team: 'data'},
			annotations: {'cronjob.kubernetes.io/instantiate': 'manual', 'example.com/note': 'nightly'},
			ownerReferences: [{apiVersion: 'batch/v1', kind: 'CronJob', name: 'nightly', uid: cron.metadata.uid, controller: true}],
		});
		const stored = world.store.get<Job>('Job', 'batch', 'nightly-manual-vls9x');
		assert.deepEqual(stored?.metadata.ownerReferences, sent.metadata.ownerReferences);
		assert.ok(await hasKubectl(), 'kubectl is not on PATH: this test compares the job with kubectl\'s own; install kubectl to run it');

		const {kubectl, cleanup} = await kubectlFor(world);
		try {
			const out = await kubectl(['create', 'job', 'nightly-manual-vls9x', '--from=cronjob/nightly', '-n', 'batch', '--dry-run=client', '-o', 'json']);
			assert.equal(out.code, 0, out.stderr);
			const theirs = withoutGoZeroes(JSON.parse(out.stdout)) as Job;
			const current = world.store.get<CronJob>('CronJob', 'batch', 'nightly') as CronJob;
			const ours = manualJobBody(current, 'nightly-manual-vls9x');
			assert.deepEqual(Object.keys(theirs).sort(), Object.keys(ours).sort());
			for (const field of ['name', 'namespace', 'labels', 'annotations', 'ownerReferences'] as const) {
				assert.deepEqual(theirs.metadata[field], ours.metadata[field], field);
			}

			assert.deepEqual(theirs.spec, ours.spec);
			assert.deepEqual(theirs, ours);
		} finally {
			await cleanup();
		}
	} finally {
		await proxy.close();
	}
});

test('suspend and resume are merge patches of spec.suspend only', async () => {
	world = await actionWorld();
	await cronJob(world, 'nightly');
	await jobWithPods(world, 'pi', 1);
	const proxy = await recordingProxy(world);
	try {
		const context = createActionContext(proxy.kc, openGate, createManualClock(0));
		assert.deepEqual(await performAction(context, {kind: 'suspend', resource: 'cronjobs', target: {namespace: 'batch', name: 'nightly'}, suspend: true}), {ok: true, message: 'suspended cron job batch/nightly'});
		assert.equal(world.store.get<CronJob>('CronJob', 'batch', 'nightly')?.spec.suspend, true);
		assert.deepEqual(await performAction(context, {kind: 'suspend', resource: 'cronjobs', target: {namespace: 'batch', name: 'nightly'}, suspend: false}), {ok: true, message: 'resumed cron job batch/nightly'});
		assert.deepEqual(await performAction(context, {kind: 'suspend', resource: 'jobs', target: {namespace: 'batch', name: 'pi'}, suspend: true}), {ok: true, message: 'suspended job batch/pi'});
		assert.equal(world.store.get<Job>('Job', 'batch', 'pi')?.spec.suspend, true);
		assert.deepEqual(proxy.bodies.filter(body => body.method !== 'GET').map(body => [body.method, body.path, body.contentType, body.body]), [
			['PATCH', '/apis/batch/v1/namespaces/batch/cronjobs/nightly?fieldManager=kjobs', 'application/merge-patch+json', '{"spec":{"suspend":true}}'],
			['PATCH', '/apis/batch/v1/namespaces/batch/cronjobs/nightly?fieldManager=kjobs', 'application/merge-patch+json', '{"spec":{"suspend":false}}'],
			['PATCH', '/apis/batch/v1/namespaces/batch/jobs/pi?fieldManager=kjobs', 'application/merge-patch+json', '{"spec":{"suspend":true}}'],
		]);
		assert.deepEqual(world.requests.filter(request => request.method === 'PATCH').map(request => request.contentType), ['application/merge-patch+json', 'application/merge-patch+json', 'application/merge-patch+json']);
	} finally {
		await proxy.close();
	}
});
