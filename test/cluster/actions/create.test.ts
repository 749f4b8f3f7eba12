import assert from 'node:assert/strict';
import {afterEach, test} from 'node:test';
import {createActionContext} from '../../../source/cluster/actions/context.js';
import {openGate} from '../../../source/cluster/actions/gate.js';
import {performAction} from '../../../source/cluster/actions/perform.js';
import type {Job, Pod} from '../../../source/kube/types.js';
import {call} from '../../helpers/simulator.js';
import {createManualClock} from '../../../source/store/clock.js';
import {type ActionWorld, actionWorld, cronJob, recordingProxy, seeded, stepping, writesSince} from '../../helpers/actions.js';
import {waitFor} from '../../helpers/wait-for.js';

let world: ActionWorld | undefined;
afterEach(async () => {
	await world?.stop();
	world = undefined;
});

/** A job as a real one looks after a while: user labels, an apply annotation, a cron job controller, a finished status. */
async function finishedJob(target: ActionWorld): Promise<Job> {
	const owner = await cronJob(target, 'pi-cron', {suspend: true});
	const reply = await call(target, 'POST', '/apis/batch/v1/namespaces/batch/jobs', {
		metadata: {
			name: 'pi',
			labels: {app: 'pi'},
			annotations: {'kubectl.kubernetes.io/last-applied-configuration': '{}', 'example.com/keep': 'yes'},
			ownerReferences: [{apiVersion: 'batch/v1', kind: 'CronJob', name: 'pi-cron', uid: owner.metadata.uid ?? '', controller: true, blockOwnerDeletion: true}],
		},
		spec: {backoffLimit: 1, template: {metadata: {labels: {app: 'pi'}}, spec: {containers: [{name: 'main', image: 'perl:5.34'}], restartPolicy: 'Never'}}},
	});
	assert.equal(reply.status, 201, reply.text);
	await target.advance(1000);
	return target.store.get<Job>('Job', 'batch', 'pi') as Job;
}

test('rerun as a copy: exactly the old spec without what the server generated, named <name>-rerun-xxxxx, and it runs', async () => {
	world = await actionWorld();
	const old = await finishedJob(world);
	const proxy = await recordingProxy(world);
	try {
		const context = createActionContext(proxy.kc, openGate, createManualClock(0), {random: seeded()});
		const result = await performAction(context, {kind: 'rerun', job: old, mode: 'copy'});
		assert.equal(result.ok, true);
		assert.equal(result.message, 'created job batch/pi-rerun-vls9x (rerun of pi)');
		const posts = proxy.bodies.filter(body => body.method === 'POST');
		assert.equal(posts.length, 1);
		assert.equal(posts[0]?.path, '/apis/batch/v1/namespaces/batch/jobs?fieldManager=kjobs');
		const sent = JSON.parse(posts[0]?.body ?? '{}') as Job;
		assert.deepEqual(sent.metadata, {name: 'pi-rerun-vls9x', namespace: 'batch', labels: {app: 'pi'}, annotations: {'example.com/keep': 'yes', 'kjobs.io/rerun-of': 'pi'}});
		assert.equal(sent.spec.selector, undefined);
		assert.deepEqual(sent.spec.template.metadata, {labels: {app: 'pi'}});
		assert.equal((sent as {status?: unknown}).status, undefined);
		assert.deepEqual(sent.spec.template.spec, old.spec.template.spec);
		assert.equal(sent.spec.backoffLimit, 1);
		const created = world.store.get<Job>('Job', 'batch', 'pi-rerun-vls9x');
		assert.ok(created);
		assert.deepEqual(result.ok && result.created, {namespace: 'batch', name: 'pi-rerun-vls9x', uid: created.metadata.uid});
		await world.advance(1000);
		const pods = world.store.list<Pod>('Pod', 'batch').filter(pod => pod.metadata.labels?.['batch.kubernetes.io/controller-uid'] === created.metadata.uid);
		assert.equal(pods.length, 1);
	} finally {
		await proxy.close();
	}
});

test('rerun replacing: delete (background), wait until the old job is gone, then create under the same name', async () => {
	world = await actionWorld();
	const old = await finishedJob(world);
	// A finalizer keeps the old job around after the DELETE, so the wait can be seen.
	const held = structuredClone(old);
	held.metadata.finalizers = ['example.com/hold'];
	const current = world.store.update('Job', held);
	const from = world.requests.length;
	const pending = performAction(world.context, {kind: 'rerun', job: current, mode: 'replace'});
	const polls = () => world?.requests.slice(from).filter(request => request.method === 'GET' && request.path === '/apis/batch/v1/namespaces/batch/jobs/pi').length ?? 0;
	// Each poll waits pollMs on the app clock: step it until three have gone out.
	const clock = world.appClock;
	await waitFor('three polls of the old job', () => polls() >= 3, {step: () => clock.advance(20)});
	assert.deepEqual(writesSince(world.requests, from), [
		'POST /apis/batch/v1/namespaces/batch/jobs?dryRun=All&fieldManager=kjobs application/json',
		'DELETE /apis/batch/v1/namespaces/batch/jobs/pi?propagationPolicy=Background application/json',
	]);
	// Still waiting: nothing created while the old job is there.
	assert.equal(world.store.list<Job>('Job', 'batch').length, 1);
	const release = await call(world, 'PATCH', '/apis/batch/v1/namespaces/batch/jobs/pi', {metadata: {finalizers: null}}, {'Content-Type': 'application/merge-patch+json'});
	assert.equal(release.status, 200, release.text);
	const result = await stepping(clock, pending);
	assert.equal(result.message, 'replaced job batch/pi with a new run');
	assert.deepEqual(writesSince(world.requests, from), [
		'POST /apis/batch/v1/namespaces/batch/jobs?dryRun=All&fieldManager=kjobs application/json',
		'DELETE /apis/batch/v1/namespaces/batch/jobs/pi?propagationPolicy=Background application/json',
		// The test's own release of the finalizer.
		'PATCH /apis/batch/v1/namespaces/batch/jobs/pi application/merge-patch+json',
		'POST /apis/batch/v1/namespaces/batch/jobs?fieldManager=kjobs application/json',
	]);
	const replaced = world.store.get<Job>('Job', 'batch', 'pi');
	assert.ok(replaced);
	assert.notEqual(replaced.metadata.uid, old.metadata.uid);
	assert.equal(replaced.metadata.annotations?.['kjobs.io/rerun-of'], 'pi');
	assert.deepEqual(result.ok && result.created, {namespace: 'batch', name: 'pi', uid: replaced.metadata.uid});
	// The dry run left nothing behind, and the new job runs.
	assert.deepEqual(world.store.list<Job>('Job', 'batch').map(job => job.metadata.name), ['pi']);
	await world.advance(1000);
	assert.equal(world.store.list<Pod>('Pod', 'batch').filter(pod => pod.metadata.labels?.['batch.kubernetes.io/controller-uid'] === replaced.metadata.uid).length, 1);
});

test('rerun replacing gives up after its bounded wait and says so, creating nothing', async () => {
	world = await actionWorld(openGate, {goneTimeoutMs: 100, pollMs: 20});
	const old = await finishedJob(world);
	const held = structuredClone(old);
	held.metadata.finalizers = ['example.com/hold'];
	const current = world.store.update('Job', held);
	const from = world.requests.length;
	const result = await stepping(world.appClock, performAction(world.context, {kind: 'rerun', job: current, mode: 'replace'}));
	assert.deepEqual(result, {ok: false, message: 'job batch/pi was still there after 0s; the new job was not created'});
	assert.deepEqual(writesSince(world.requests, from), [
		'POST /apis/batch/v1/namespaces/batch/jobs?dryRun=All&fieldManager=kjobs application/json',
		'DELETE /apis/batch/v1/namespaces/batch/jobs/pi?propagationPolicy=Background application/json',
	]);
});

test('pressing rerun twice quickly creates one job', async () => {
	world = await actionWorld();
	const old = await finishedJob(world);
	const from = world.requests.length;
	const [first, second] = await Promise.all([
		performAction(world.context, {kind: 'rerun', job: old, mode: 'copy'}),
		performAction(world.context, {kind: 'rerun', job: old, mode: 'copy'}),
	]);
	assert.equal(first.ok, true);
	assert.deepEqual(second, {ok: false, message: 'already in progress: wait for the first one to finish'});
	assert.deepEqual(writesSince(world.requests, from), ['POST /apis/batch/v1/namespaces/batch/jobs?fieldManager=kjobs application/json']);
	assert.deepEqual(world.store.list<Job>('Job', 'batch').map(job => job.metadata.name), ['pi', 'pi-rerun-vls9x']);
	const third = await performAction(world.context, {kind: 'rerun', job: old, mode: 'copy'});
	assert.equal(third.ok && third.created?.name, 'pi-rerun-s67d9');
});
