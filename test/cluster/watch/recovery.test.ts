import assert from 'node:assert/strict';
import {test} from 'node:test';
import type {Job, KubeObject} from '../../../source/kube/types.js';
import {ManualClock} from '../../../source/simulator/clock.js';
import {startSimulator} from '../../../source/simulator/index.js';
import {allLive, jobInput, rig, start, versions, waitFor} from '../../helpers/cluster.js';

test('an in-stream 410 after compaction relists, and objects deleted meanwhile disappear', {timeout: 10_000}, async () => {
	const r = await rig({
		setup(sim) {
			sim.store.create('Job', jobInput('stays'));
			sim.store.create('Job', jobInput('goes'));
		},
	});
	try {
		await allLive(r.store);
		const goes = r.sim.store.get<Job>('Job', 'default', 'goes')!;
		// Break the watches first so the deletion is never seen as an event; the retry waits for the manual scheduler.
		r.sim.dropWatches();
		await waitFor('reconnecting', () => r.snapshot().watch.jobs.phase === 'reconnecting');
		r.sim.store.remove('Job', 'default', 'goes');
		const added = r.sim.store.create<Job>('Job', jobInput('added'));
		r.sim.compact();
		r.clock.advance(1000);
		await waitFor('the relisted jobs', () => r.snapshot().jobs.has(added.metadata.uid!) && !r.snapshot().jobs.has(goes.metadata.uid!));
		await allLive(r.store);
		r.store.flush();
		assert.deepEqual(versions(r.snapshot().jobs.values()), versions(r.sim.store.list<KubeObject>('Job', 'default')));
		// It went while the watch was down: no tombstone presents it as a deletion just seen.
		assert.equal(r.snapshot().deleted.has(goes.metadata.uid!), false);
		// The resumed watch got 410 (history compacted), so the jobs were listed a second time.
		const jobRequests = r.sim.requests.filter(request => request.path === '/apis/batch/v1/namespaces/default/jobs').map(request => new URLSearchParams(request.query));
		assert.deepEqual(jobRequests.filter(query => !query.has('watch')).map(query => query.get('limit')), ['500', '500']);
		assert.equal(jobRequests.filter(query => query.has('watch')).every(query => query.get('allowWatchBookmarks') === 'true' && query.get('timeoutSeconds') === '60'), true);
	} finally {
		await r.stop();
	}
});

test('expireWatches (in-stream ERROR 410) makes every kind relist at once and stay live', {timeout: 10_000}, async () => {
	const r = await rig({
		setup(sim) {
			sim.store.create('Job', jobInput('one'));
		},
	});
	try {
		await allLive(r.store);
		const listsBefore = r.sim.requests.filter(request => request.path.endsWith('/jobs') && !request.query.includes('watch')).length;
		r.sim.compact();
		r.sim.expireWatches();
		await waitFor('a second list of jobs', () => r.sim.requests.filter(request => request.path.endsWith('/jobs') && !request.query.includes('watch')).length === listsBefore + 1);
		await allLive(r.store);
		const later = r.sim.store.create<Job>('Job', jobInput('later'));
		await waitFor('a live update after the relist', () => r.snapshot().jobs.has(later.metadata.uid!));
		assert.deepEqual(versions(r.snapshot().jobs.values()), versions(r.sim.store.list<KubeObject>('Job', 'default')));
	} finally {
		await r.stop();
	}
});

test('after the server restarts on the same port with different state, the store converges to the new truth', {timeout: 15_000}, async () => {
	const r = await rig({
		setup(sim) {
			sim.store.create('Job', jobInput('old-a'));
			sim.store.create('Job', jobInput('old-b'));
		},
	});
	try {
		await allLive(r.store);
		const port = r.sim.port;
		await r.sim.restart({keepState: false});
		assert.equal(r.sim.port, port);
		r.sim.store.create('Job', jobInput('new-a'));
		r.sim.store.create('Job', jobInput('old-b'));
		await waitFor('reconnecting with the error', () => {
			const state = r.snapshot().watch.jobs;
			return state.phase === 'reconnecting' && state.attempt === 1;
		});
		const state = r.snapshot().watch.jobs;
		assert.ok(state.phase === 'reconnecting' && state.nextAttemptAt === r.clock.now() + 1000, JSON.stringify(state));
		const truth = () => versions(r.sim.store.list<KubeObject>('Job', 'default'));
		await waitFor('the store equal to the new server', () => JSON.stringify(versions(r.snapshot().jobs.values())) === JSON.stringify(truth()), {
			step: () => r.clock.advance(1000),
		});
		await allLive(r.store);
		assert.deepEqual(versions(r.snapshot().jobs.values()), truth());
		assert.deepEqual([...r.snapshot().jobs.values()].map(job => job.metadata.name).sort(), ['new-a', 'old-b']);
	} finally {
		await r.stop();
	}
});

test('a stalled watch is detected after its timeout plus margin, and restarted', {timeout: 10_000}, async () => {
	const r = await rig({watch: {timeoutSeconds: 60, stallMarginMs: 5000}});
	try {
		await allLive(r.store);
		await waitFor('4 open watches', () => r.sim.openWatches() === 4);
		r.sim.stallWatches(true);
		const lost = r.sim.store.create<Job>('Job', jobInput('while-stalled'));
		// No barrier can pass a stalled stream, and a sentinel after the lift would move the watch's resourceVersion past
		// the lost job, so that the restart could no longer replay it. The simulator drops events synchronously while
		// stalled (create returns after the drop), so the job is absent now; that the restart below is what brings it
		// is the real check.
		assert.equal(r.snapshot().jobs.has(lost.metadata.uid!), false);
		r.clock.advance(64_999);
		assert.equal(r.snapshot().watch.jobs.phase, 'live');
		r.clock.advance(1);
		await waitFor('the stall reported', () => r.snapshot().watch.jobs.phase === 'reconnecting');
		assert.deepEqual(r.snapshot().watch.jobs, {
			phase: 'reconnecting',
			nextAttemptAt: r.clock.now() + 1000,
			attempt: 1,
			error: 'watch jobs: no events or bookmarks for 65 s',
		});
		r.sim.stallWatches(false);
		r.clock.advance(1000);
		await waitFor('the job missed while stalled', () => r.snapshot().jobs.has(lost.metadata.uid!));
		await allLive(r.store);
	} finally {
		await r.stop();
	}
});

test('with the default timeout a stalled watch is noticed after 75 s of silence', {timeout: 10_000}, async () => {
	const r = await rig();
	try {
		await allLive(r.store);
		await waitFor('4 open watches', () => r.sim.openWatches() === 4);
		r.sim.stallWatches(true);
		r.clock.advance(74_999);
		assert.equal(r.snapshot().watch.jobs.phase, 'live');
		r.clock.advance(1);
		await waitFor('the stall reported', () => r.snapshot().watch.jobs.phase === 'reconnecting');
		const state = r.snapshot().watch.jobs;
		assert.ok(state.phase === 'reconnecting' && state.error === 'watch jobs: no events or bookmarks for 75 s', JSON.stringify(state));
		r.sim.stallWatches(false);
		r.clock.advance(1000);
		await allLive(r.store);
	} finally {
		await r.stop();
	}
});

test('403 on pods marks only pods forbidden; the other kinds stay live, and pods recover when allowed', {timeout: 10_000}, async () => {
	const r = await rig({sim: {rbac: [{verbs: ['get', 'list', 'watch'], resources: ['jobs', 'cronjobs', 'events']}]}});
	try {
		await waitFor('pods forbidden', () => r.snapshot().watch.pods.phase === 'forbidden');
		await waitFor('the others live', () => ['jobs', 'cronjobs', 'events'].every(kind => r.snapshot().watch[kind as 'jobs'].phase === 'live'));
		assert.deepEqual(r.snapshot().watch.pods, {
			phase: 'forbidden',
			message: 'pods is forbidden: User "kjobs-sim" cannot list resource "pods" in API group "" in the namespace "default"',
		});
		const job = r.sim.store.create<Job>('Job', jobInput('still-live'));
		await waitFor('a job update', () => r.snapshot().jobs.has(job.metadata.uid!));
		r.sim.setRbac(undefined);
		r.clock.advance(30_000);
		await waitFor('pods live again', () => r.snapshot().watch.pods.phase === 'live');
	} finally {
		await r.stop();
	}
});

test('a server that comes back behind our resourceVersion (etcd restored from a backup) is relisted, not waited for', {timeout: 15_000}, async () => {
	const r = await rig({
		setup(sim) {
			for (let i = 0; i < 50; i++) {
				sim.store.create('Job', jobInput(`before-${i}`));
			}
		},
	});
	let restored: Awaited<ReturnType<typeof startSimulator>> | undefined;
	try {
		await allLive(r.store);
		const {port} = r.sim;
		const reached = r.sim.store.rv;
		await r.sim.stop();
		restored = await startSimulator({clock: new ManualClock(start), port});
		restored.store.create('Job', jobInput('restored'));
		assert.ok(restored.store.rv < reached, `${restored.store.rv} < ${reached}`);
		const truth = () => versions(restored!.store.list<KubeObject>('Job', 'default'));
		await waitFor('the store equal to the restored server', () => JSON.stringify(versions(r.snapshot().jobs.values())) === JSON.stringify(truth()), {
			step: () => r.clock.advance(1000),
		});
		assert.deepEqual([...r.snapshot().jobs.values()].map(job => job.metadata.name), ['restored']);
	} finally {
		await restored?.stop();
		await r.stop();
	}
});
