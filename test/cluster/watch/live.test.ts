import assert from 'node:assert/strict';
import {test} from 'node:test';
import type {Job, KubeObject} from '../../../source/kube/types.js';
import {allLive, jobInput, podInput, rig, versions, waitFor} from '../../helpers/cluster.js';

test('the initial list and live updates arrive in the store', {timeout: 10_000}, async () => {
	const r = await rig({
		setup(sim) {
			const job = sim.store.create<Job>('Job', jobInput('first'));
			sim.store.create('Pod', podInput('first-abcde', job.metadata.uid!));
			// Not a job's pod: the server-side selector keeps it out.
			sim.store.create('Pod', {metadata: {name: 'standalone', namespace: 'default'}, spec: {containers: [{name: 'c', image: 'x'}]}});
			sim.store.create('Job', jobInput('elsewhere', 'kube-system'));
		},
	});
	try {
		await allLive(r.store);
		const snapshot = r.snapshot();
		assert.deepEqual([...snapshot.jobs.values()].map(job => job.metadata.name), ['first']);
		assert.deepEqual([...snapshot.pods.values()].map(pod => pod.metadata.name), ['first-abcde']);
		const jobUid = [...snapshot.jobs.keys()][0]!;
		assert.deepEqual([...(snapshot.podsByJob.get(jobUid) ?? [])], [[...snapshot.pods.keys()][0]]);
		assert.equal(typeof snapshot.jobs.get(jobUid)?.metadata.creationTimestamp, 'string');
		assert.equal(snapshot.watch.jobs.phase === 'live' && snapshot.watch.jobs.since, r.clock.now());
		const podQueries = r.sim.requests.filter(request => request.path === '/api/v1/namespaces/default/pods').map(request => new URLSearchParams(request.query).get('labelSelector'));
		assert.deepEqual([...new Set(podQueries)], ['batch.kubernetes.io/controller-uid']);

		const second = r.sim.store.create<Job>('Job', jobInput('second'));
		await waitFor('the new job', () => r.snapshot().jobs.has(second.metadata.uid!));
		const first = r.sim.store.get<Job>('Job', 'default', 'first')!;
		r.sim.store.update('Job', {...first, metadata: {...first.metadata, labels: {changed: 'yes'}}});
		await waitFor('the update', () => r.snapshot().jobs.get(jobUid)?.metadata.labels?.['changed'] === 'yes');
		r.sim.store.remove('Job', 'default', 'second');
		await waitFor('the deletion', () => !r.snapshot().jobs.has(second.metadata.uid!));
		r.store.flush();
		assert.equal(r.snapshot().deleted.get(second.metadata.uid!)?.object.metadata.name, 'second');
		assert.deepEqual(versions(r.snapshot().jobs.values()), versions(r.sim.store.list<KubeObject>('Job', 'default')));
	} finally {
		await r.stop();
	}
});

test('events are kept only for jobs, pods and cron jobs', {timeout: 10_000}, async () => {
	const r = await rig();
	try {
		await allLive(r.store);
		const event = (name: string, kind: string) => ({
			metadata: {name, namespace: 'default'},
			involvedObject: {kind, name: 'x', namespace: 'default', uid: `uid-${name}`},
			reason: 'Test',
			message: 'hello',
			type: 'Normal',
		});
		r.sim.store.create('Event', event('about-pod', 'Pod'));
		r.sim.store.create('Event', event('about-node', 'Node'));
		r.sim.store.create('Event', event('about-job', 'Job'));
		// A sentinel event after the three as a barrier: the watch delivers in order, so once the sentinel is in, the
		// event about the node has come too, had it been kept.
		r.sim.store.create('Event', event('sentinel', 'Pod'));
		await waitFor('the sentinel event', () => [...r.store.getSnapshot().events.values()].some(each => each.metadata.name === 'sentinel'));
		assert.deepEqual([...r.store.getSnapshot().events.values()].map(each => each.metadata.name).sort(), ['about-job', 'about-pod', 'sentinel']);
		assert.deepEqual([...(r.store.getSnapshot().eventsByObject.get('uid-about-pod') ?? [])].length, 1);
	} finally {
		await r.stop();
	}
});

test('managedFields and the last-applied annotation are stripped', {timeout: 10_000}, async () => {
	const r = await rig({
		setup(sim) {
			const input = jobInput('bulky');
			input.metadata.managedFields = [{manager: 'kubectl', operation: 'Apply'}];
			input.metadata.annotations = {'kubectl.kubernetes.io/last-applied-configuration': '{"big":true}', keep: 'me'};
			sim.store.create('Job', input);
		},
	});
	try {
		await allLive(r.store);
		const job = [...r.snapshot().jobs.values()][0]!;
		assert.equal(job.metadata.managedFields, undefined);
		assert.deepEqual(job.metadata.annotations, {keep: 'me'});
	} finally {
		await r.stop();
	}
});

test('a burst of events arriving over the network makes exactly one notification', {timeout: 10_000}, async () => {
	const r = await rig();
	try {
		await allLive(r.store);
		r.store.flush();
		const before = r.notifications();
		for (let i = 0; i < 300; i++) {
			r.sim.store.create('Job', jobInput(`burst-${i}`));
		}

		// The maps are shared with the snapshot, so the count is visible before the coalesced notification.
		await waitFor('300 jobs', () => r.store.getSnapshot().jobs.size === 300);
		// However many network reads the burst took, nothing went out yet: the notification waits on the clock.
		assert.equal(r.notifications() - before, 0);
		r.clock.advance(100);
		assert.equal(r.notifications() - before, 1);
		r.clock.advance(1000);
		assert.equal(r.notifications() - before, 1);
	} finally {
		await r.stop();
	}
});

test('stop() closes every watch on the server', {timeout: 10_000}, async () => {
	const r = await rig();
	await allLive(r.store);
	await waitFor('4 open watches', () => r.sim.openWatches() === 4);
	const {sim} = r;
	await r.stop();
	assert.equal(sim.openWatches(), 0);
});
