import assert from 'node:assert/strict';
import {after, before, test} from 'node:test';
import {BatchV1Api, KubeConfig, makeInformer, type V1Job} from '@kubernetes/client-node';
import type {Simulator} from '../../../source/simulator/index.js';
import {call, createJob, startTestSimulator, until} from '../../helpers/simulator.js';

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
		await until(() => seen.includes('add one') && sim.openWatches() === 1, 'the initial list and watch');
		await createJob(sim, 'two');
		await until(() => seen.includes('add two'), 'the ADDED event');
		await call(sim, 'PATCH', `${path}/two`, {spec: {suspend: true}}, {'Content-Type': 'application/merge-patch+json'});
		await until(() => seen.includes('update two true'), 'the MODIFIED event');
		// 'one' goes away while the watch is stalled (the DELETED event is lost); only the relist after 410 can notice.
		sim.stallWatches(true);
		sim.store.remove('Job', 'default', 'one');
		sim.stallWatches(false);
		await new Promise(resolve => setTimeout(resolve, 100));
		assert.ok(!seen.includes('delete one'));
		sim.compact();
		sim.expireWatches();
		await until(() => seen.includes('delete one'), 'the relist after 410');
		await until(() => sim.openWatches() === 1, 'the new watch');
		assert.deepEqual(informer.list().map(job => job.metadata?.name), ['two']);
		// An event through the new watch also means client-node holds its handle, so stop() can abort it.
		await createJob(sim, 'three');
		await until(() => seen.includes('add three'), 'an event on the new watch');
	} finally {
		await informer.stop();
	}

	await until(() => sim.openWatches() === 0, 'the informer to close its watch');
});
