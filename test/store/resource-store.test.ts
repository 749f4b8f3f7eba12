import assert from 'node:assert/strict';
import {test} from 'node:test';
import type {KubeObject} from '../../source/kube/types.js';
import type {Clock} from '../../source/store/clock.js';
import {createResourceStore} from '../../source/store/resource-store.js';

type Timer = {at: number; callback: () => void};

function harness(options: {notifyIntervalMs?: number; tombstoneMs?: number} = {}) {
	let now = 1_000_000;
	const timers: Timer[] = [];
	// A clock whose timers the test can see (their due times) and fire by hand.
	const schedule: Clock['setTimer'] = (callback, ms) => {
		const timer = {at: now + ms, callback};
		timers.push(timer);
		return () => {
			timers.splice(timers.indexOf(timer), 1);
		};
	};

	const store = createResourceStore({clock: {now: () => now, setTimer: schedule, subscribe: () => () => {}}, ...options});
	let notifications = 0;
	store.subscribe(() => {
		notifications++;
	});
	return {
		store,
		timers,
		notifications: () => notifications,
		advance(ms: number) {
			now += ms;
			for (const timer of timers.filter(each => each.at <= now)) {
				timers.splice(timers.indexOf(timer), 1);
				timer.callback();
			}
		},
	};
}

const job = (uid: string, rv: string, cronUid?: string): KubeObject => ({
	metadata: {
		name: `job-${uid}`,
		namespace: 'default',
		uid,
		resourceVersion: rv,
		...(cronUid ? {ownerReferences: [{apiVersion: 'batch/v1', kind: 'CronJob', name: 'cron', uid: cronUid, controller: true}]} : {}),
	},
});

const pod = (uid: string, rv: string, jobUid: string, how: 'label' | 'legacy' | 'owner' = 'label'): KubeObject => ({
	metadata: {
		name: `pod-${uid}`,
		namespace: 'default',
		uid,
		resourceVersion: rv,
		...(how === 'label' ? {labels: {'batch.kubernetes.io/controller-uid': jobUid}} : {}),
		...(how === 'legacy' ? {labels: {'controller-uid': jobUid}} : {}),
		...(how === 'owner' ? {ownerReferences: [{apiVersion: 'batch/v1', kind: 'Job', name: 'j', uid: jobUid, controller: true}]} : {}),
	},
});

const event = (uid: string, objectUid: string, kind = 'Pod'): KubeObject =>
	({metadata: {name: uid, namespace: 'default', uid, resourceVersion: '1'}, involvedObject: {kind, uid: objectUid}}) as KubeObject;

const uids = (set: ReadonlySet<string> | undefined) => [...(set ?? [])].sort();

test('indexes pods by the controller-uid label, the legacy label or the controller ownerReference', () => {
	const {store} = harness();
	store.apply({type: 'upsert', kind: 'jobs', object: job('j1', '1')});
	store.apply({type: 'upsert', kind: 'pods', object: pod('p1', '1', 'j1')});
	store.apply({type: 'upsert', kind: 'pods', object: pod('p2', '1', 'j1', 'legacy')});
	store.apply({type: 'upsert', kind: 'pods', object: pod('p3', '1', 'j1', 'owner')});
	store.apply({type: 'upsert', kind: 'pods', object: pod('p4', '1', 'j2')});
	store.flush();
	const snapshot = store.getSnapshot();
	assert.deepEqual(uids(snapshot.podsByJob.get('j1')), ['p1', 'p2', 'p3']);
	assert.deepEqual(uids(snapshot.podsByJob.get('j2')), ['p4']);
	assert.equal(snapshot.pods.size, 4);
});

test('keeps the indexes consistent when a child changes parent and when it is deleted', () => {
	const {store} = harness();
	store.apply({type: 'upsert', kind: 'jobs', object: job('j1', '1', 'c1')});
	store.apply({type: 'upsert', kind: 'jobs', object: job('j2', '1', 'c1')});
	store.apply({type: 'upsert', kind: 'jobs', object: job('j2', '2', 'c2')});
	assert.deepEqual(uids(store.getSnapshot().jobsByCronJob.get('c1')), ['j1']);
	assert.deepEqual(uids(store.getSnapshot().jobsByCronJob.get('c2')), ['j2']);
	store.apply({type: 'delete', kind: 'jobs', object: job('j1', '3', 'c1')});
	// The deleted job stays under its cron job while its tombstone fades, then goes with it.
	assert.deepEqual(uids(store.getSnapshot().jobsByCronJob.get('c1')), ['j1']);
	assert.equal(store.getSnapshot().jobs.has('j1'), false);
	store.apply({type: 'upsert', kind: 'events', object: event('e1', 'p1')});
	store.apply({type: 'upsert', kind: 'events', object: event('e2', 'p1')});
	store.apply({type: 'delete', kind: 'events', object: event('e1', 'p1')});
	assert.deepEqual(uids(store.getSnapshot().eventsByObject.get('p1')), ['e2']);
});

test('a deleted job becomes a tombstone for 60 s of app-clock time, then is pruned lazily', () => {
	const h = harness();
	h.store.apply({type: 'upsert', kind: 'jobs', object: job('j1', '1')});
	h.advance(5000);
	h.store.apply({type: 'delete', kind: 'jobs', object: job('j1', '2')});
	h.store.flush();
	const tombstone = h.store.getSnapshot().deleted.get('j1');
	assert.equal(tombstone?.deletedAt, 1_005_000);
	assert.equal(tombstone?.object.metadata.resourceVersion, '2');
	assert.equal(h.store.getSnapshot().jobs.has('j1'), false);
	h.advance(59_999);
	h.store.apply({type: 'status', kind: 'jobs', state: {phase: 'connecting'}});
	h.store.flush();
	assert.equal(h.store.getSnapshot().deleted.has('j1'), true);
	h.advance(1);
	h.store.apply({type: 'status', kind: 'jobs', state: {phase: 'connecting'}});
	h.store.flush();
	assert.equal(h.store.getSnapshot().deleted.has('j1'), false);
	assert.equal(h.store.getSnapshot().changedAt.has('j1'), false);
});

test('relist removes objects that are gone (without tombstones: they went while nobody watched), keeps unchanged ones and replaces changed ones', () => {
	const h = harness();
	const j1 = job('j1', '1');
	h.store.apply({type: 'relist', kind: 'jobs', objects: [j1, job('j2', '1'), job('j3', '1')]});
	h.store.flush();
	// The first list is not a change.
	assert.equal(h.store.getSnapshot().changedAt.size, 0);
	h.advance(1000);
	h.store.apply({type: 'relist', kind: 'jobs', objects: [job('j1', '1'), job('j2', '5')]});
	h.store.flush();
	const snapshot = h.store.getSnapshot();
	assert.deepEqual([...snapshot.jobs.keys()].sort(), ['j1', 'j2']);
	assert.equal(snapshot.jobs.get('j1'), j1, 'an unchanged object keeps its identity');
	assert.equal(snapshot.jobs.get('j2')?.metadata.resourceVersion, '5');
	assert.deepEqual([...snapshot.deleted.keys()], []);
	assert.deepEqual([...snapshot.changedAt.entries()].sort(), [['j2', 1_001_000]]);
});

test('relist of pods keeps the job index in step', () => {
	const {store} = harness();
	store.apply({type: 'relist', kind: 'pods', objects: [pod('p1', '1', 'j1'), pod('p2', '1', 'j1')]});
	store.apply({type: 'relist', kind: 'pods', objects: [pod('p2', '1', 'j1'), pod('p3', '1', 'j9')]});
	assert.deepEqual(uids(store.getSnapshot().podsByJob.get('j1')), ['p2']);
	assert.deepEqual(uids(store.getSnapshot().podsByJob.get('j9')), ['p3']);
});

test('a burst of 10,000 events makes one notification, promptly after a quiet period', () => {
	const h = harness();
	for (let i = 0; i < 10_000; i++) {
		h.store.apply({type: 'upsert', kind: 'pods', object: pod(`p${i}`, '1', 'j1')});
	}

	assert.equal(h.notifications(), 0);
	assert.deepEqual(h.timers.map(timer => timer.at), [1_000_000]);
	h.advance(0);
	assert.equal(h.notifications(), 1);
	assert.equal(h.store.getSnapshot().version, 1);
	assert.equal(h.store.getSnapshot().pods.size, 10_000);
});

test('notifications are spaced at least notifyIntervalMs apart (at most 10 a second)', () => {
	const h = harness();
	h.store.apply({type: 'upsert', kind: 'jobs', object: job('j1', '1')});
	h.advance(0);
	assert.equal(h.notifications(), 1);
	h.advance(30);
	h.store.apply({type: 'upsert', kind: 'jobs', object: job('j1', '2')});
	h.store.apply({type: 'upsert', kind: 'jobs', object: job('j1', '3')});
	assert.deepEqual(h.timers.map(timer => timer.at), [1_000_100]);
	h.advance(69);
	assert.equal(h.notifications(), 1);
	h.advance(1);
	assert.equal(h.notifications(), 2);
	// Quiet for a while: the next change goes out at once again.
	h.advance(5000);
	h.store.apply({type: 'upsert', kind: 'jobs', object: job('j1', '4')});
	assert.deepEqual(h.timers.map(timer => timer.at), [1_005_100]);
});

test('the snapshot object is stable between notifications and new after one', () => {
	const h = harness();
	const first = h.store.getSnapshot();
	h.store.apply({type: 'upsert', kind: 'jobs', object: job('j1', '1')});
	assert.equal(h.store.getSnapshot(), first);
	h.advance(0);
	const second = h.store.getSnapshot();
	assert.notEqual(second, first);
	assert.equal(second.version, 1);
	// The same resourceVersion again is no change: no notification is scheduled.
	h.advance(1000);
	h.store.apply({type: 'upsert', kind: 'jobs', object: job('j1', '1')});
	assert.equal(h.timers.length, 0);
});

test('watch states start connecting and follow status events', () => {
	const {store} = harness();
	assert.deepEqual(store.getSnapshot().watch, {jobs: {phase: 'connecting'}, cronjobs: {phase: 'connecting'}, pods: {phase: 'connecting'}, events: {phase: 'connecting'}});
	store.apply({type: 'status', kind: 'pods', state: {phase: 'forbidden', message: 'nope'}});
	store.flush();
	assert.deepEqual(store.getSnapshot().watch.pods, {phase: 'forbidden', message: 'nope'});
	assert.deepEqual(store.getSnapshot().watch.jobs, {phase: 'connecting'});
});

test('reset forgets objects and tombstones; dispose cancels the pending notification', () => {
	const h = harness();
	h.store.apply({type: 'upsert', kind: 'jobs', object: job('j1', '1', 'c1')});
	h.store.apply({type: 'delete', kind: 'jobs', object: job('j1', '2', 'c1')});
	h.store.apply({type: 'upsert', kind: 'pods', object: pod('p1', '1', 'j1')});
	h.store.reset();
	h.store.flush();
	const snapshot = h.store.getSnapshot();
	assert.deepEqual([snapshot.jobs.size, snapshot.pods.size, snapshot.deleted.size, snapshot.podsByJob.size], [0, 0, 0, 0]);
	h.store.apply({type: 'upsert', kind: 'jobs', object: job('j2', '1')});
	assert.equal(h.timers.length, 1);
	h.store.dispose();
	assert.equal(h.timers.length, 0);
});

test('a deleted pod stays under its job while its tombstone fades, so the job still lists it; it leaves the index when the tombstone goes', () => {
	const h = harness({tombstoneMs: 10_000});
	h.store.apply({type: 'upsert', kind: 'jobs', object: job('j1', '1')});
	h.store.apply({type: 'upsert', kind: 'pods', object: pod('p1', '1', 'j1')});
	h.store.apply({type: 'upsert', kind: 'pods', object: pod('p2', '1', 'j1')});
	h.store.flush();
	h.store.apply({type: 'delete', kind: 'pods', object: pod('p1', '2', 'j1')});
	h.store.flush();
	let snapshot = h.store.getSnapshot();
	assert.deepEqual(uids(snapshot.podsByJob.get('j1')), ['p1', 'p2']);
	assert.equal(snapshot.deleted.has('p1'), true);
	assert.ok(snapshot.changes.podParents.has('j1'), 'the job is told its pods changed');
	h.advance(10_000);
	h.store.apply({type: 'status', kind: 'pods', state: {phase: 'connecting'}});
	h.store.flush();
	snapshot = h.store.getSnapshot();
	assert.deepEqual(uids(snapshot.podsByJob.get('j1')), ['p2']);
	assert.ok(snapshot.changes.podParents.has('j1'), 'and told again when the tombstone goes');
});

test('a live object taking the name of a deleted one replaces its tombstone at once (a rerun that replaced its job)', () => {
	const h = harness();
	h.store.apply({type: 'upsert', kind: 'jobs', object: job('old', '1', 'c1')});
	h.store.apply({type: 'delete', kind: 'jobs', object: job('old', '2', 'c1')});
	h.store.flush();
	assert.equal(h.store.getSnapshot().deleted.has('old'), true);
	// The same name (job-old) under a new uid.
	h.store.apply({type: 'upsert', kind: 'jobs', object: {...job('old', '3', 'c1'), metadata: {...job('old', '3', 'c1').metadata, uid: 'new'}}});
	h.store.flush();
	const snapshot = h.store.getSnapshot();
	assert.equal(snapshot.deleted.has('old'), false);
	assert.deepEqual(uids(snapshot.jobsByCronJob.get('c1')), ['new']);
	assert.ok(snapshot.changes.tombstones.has('old'));
	// A tombstone of another kind with the same name stays.
	h.store.apply({type: 'upsert', kind: 'pods', object: {metadata: {name: 'job-x', namespace: 'default', uid: 'px', resourceVersion: '1'}}});
	h.store.apply({type: 'delete', kind: 'pods', object: {metadata: {name: 'job-x', namespace: 'default', uid: 'px', resourceVersion: '2'}}});
	h.store.apply({type: 'upsert', kind: 'jobs', object: {metadata: {name: 'job-x', namespace: 'default', uid: 'jx', resourceVersion: '1'}}});
	h.store.flush();
	assert.equal(h.store.getSnapshot().deleted.has('px'), true);
});
