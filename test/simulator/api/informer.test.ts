import assert from 'node:assert/strict';
import {after, before, test} from 'node:test';
import {BatchV1Api, KubeConfig, makeInformer, type V1Job} from '@kubernetes/client-node';
import type {Simulator} from '../../../source/simulator/index.js';
import {call, createJob, startTestSimulator} from '../../helpers/simulator.js';
import {waitFor} from '../../helpers/wait-for.js';

let sim: Simulator;
let kc: KubeConfig;

before(async () => {
	sim = await startTestSimulator();
	kc = new KubeConfig();
	kc.loadFromString(sim.kubeconfig);
	await createJob(sim, 'one');
});

after(async () => {
	await sim.stop();
});

test('a client-node informer lists, watches, and relists after an in-stream 410', async () => {
	const batch = kc.makeApiClient(BatchV1Api);
	const path = '/apis/batch/v1/namespaces/default/jobs';
	const informer = makeInformer<V1Job>(kc, path, () => batch.listNamespacedJob({namespace: 'default'}));
	const seen: string[] = [];
	informer.on('add', job => seen.push(`add ${job.metadata?.name}`));
	informer.on('update', job => seen.push(`update ${job.metadata?.name} ${String(job.spec?.suspend)}`));
	informer.on('delete', job => seen.push(`delete ${job.metadata?.name}`));
	await informer.start();
	try {
		await waitFor('the initial list and watch', () => seen.includes('add one') && sim.openWatches() === 1);
		await createJob(sim, 'two');
		await waitFor('the ADDED event', () => seen.includes('add two'));
		await call(sim, 'PATCH', `${path}/two`, {spec: {suspend: true}}, {'Content-Type': 'application/merge-patch+json'});
		await waitFor('the MODIFIED event', () => seen.includes('update two true'));
		// 'one' goes away while the watch is stalled (the DELETED event is lost); only the relist after 410 can notice.
		sim.stallWatches(true);
		sim.store.remove('Job', 'default', 'one');
		sim.stallWatches(false);
		// A later change on the same watch as a barrier: once the informer has seen it, it has seen everything the
		// watch sent before it, and the deletion was not among them.
		await call(sim, 'PATCH', `${path}/two`, {spec: {suspend: false}}, {'Content-Type': 'application/merge-patch+json'});
		await waitFor('the change after the stall', () => seen.includes('update two false'));
		assert.ok(!seen.includes('delete one'));
		sim.compact();
		sim.expireWatches();
		await waitFor('the relist after 410', () => seen.includes('delete one'));
		await waitFor('the new watch', () => sim.openWatches() === 1);
		assert.deepEqual(informer.list().map(job => job.metadata?.name), ['two']);
		// An event through the new watch also means client-node holds its handle, so stop() can abort it.
		await createJob(sim, 'three');
		await waitFor('an event on the new watch', () => seen.includes('add three'));
	} finally {
		await informer.stop();
	}

	await waitFor('the informer to close its watch', () => sim.openWatches() === 0);
});
