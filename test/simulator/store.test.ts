import assert from 'node:assert/strict';
import {test} from 'node:test';
import {SimError, SimStore, type StoreEvent} from '../../source/simulator/store.js';
import {seededRandom, seededUid} from '../../source/simulator/random.js';
import type {Job} from '../../source/kube/types.js';

const start = Date.parse('2026-01-01T00:00:00Z');

function job(name: string, namespace = 'default'): Job {
	return {metadata: {name, namespace}, spec: {template: {spec: {containers: [{name: 'main'}]}}}};
}

test('create stamps uid, resourceVersion, generation and creationTimestamp, and resolves generateName', () => {
	const random = seededRandom(7);
	const store = new SimStore({now: () => start, startRv: 100, random, uid: seededUid(random)});
	const a = store.create('Job', job('a'));
	assert.equal(a.metadata.resourceVersion, '101');
	assert.equal(a.metadata.generation, 1);
	assert.equal(a.metadata.creationTimestamp, '2026-01-01T00:00:00Z');
	assert.match(a.metadata.uid!, /^[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}$/);
	const b = store.create<Job>('Job', {metadata: {generateName: 'pi-', namespace: 'default'}, spec: a.spec});
	assert.match(b.metadata.name!, /^pi-[b-z2-9]{5}$/);
	assert.equal(store.rv, 102);
});

test('a name conflict is 409 AlreadyExists with the real message', () => {
	const store = new SimStore({now: () => start});
	store.create('Job', job('a'));
	assert.throws(() => store.create('Job', job('a')), (error: unknown) => {
		assert.ok(error instanceof SimError);
		assert.equal(error.code, 409);
		assert.equal(error.reason, 'AlreadyExists');
		assert.equal(error.message, 'jobs.batch "a" already exists');
		return true;
	});
});

test('update bumps resourceVersion, and generation only on spec changes; a stale resourceVersion is 409 Conflict', () => {
	const store = new SimStore({now: () => start});
	const a = store.create('Job', job('a'));
	const labelled = store.update('Job', {...structuredClone(a), metadata: {...a.metadata, labels: {x: 'y'}}});
	assert.equal(labelled.metadata.generation, 1);
	const suspended = store.update('Job', {...structuredClone(labelled), spec: {...labelled.spec, suspend: true}});
	assert.equal(suspended.metadata.generation, 2);
	assert.equal(suspended.metadata.resourceVersion, String(Number(labelled.metadata.resourceVersion) + 1));
	assert.throws(() => store.update('Job', structuredClone(a), a.metadata.resourceVersion), {code: 409, reason: 'Conflict'});
});

test('markDeleted keeps an object with finalizers until they are removed, then removes it', () => {
	const store = new SimStore({now: () => start});
	const events: StoreEvent[] = [];
	store.subscribe(event => events.push(event));
	store.create('Job', job('a'));
	const marked = store.markDeleted<Job>('Job', 'default', 'a', ['foregroundDeletion']);
	assert.equal(marked.metadata.deletionTimestamp, '2026-01-01T00:00:00Z');
	assert.deepEqual(marked.metadata.finalizers, ['foregroundDeletion']);
	assert.ok(store.get('Job', 'default', 'a'));
	store.update('Job', {...structuredClone(marked), metadata: {...marked.metadata, finalizers: []}});
	assert.equal(store.get('Job', 'default', 'a'), undefined);
	assert.deepEqual(events.map(event => event.type), ['ADDED', 'MODIFIED', 'DELETED']);
	assert.deepEqual(events.map(event => event.rv), [2, 3, 4]);
});

test('changesSince resumes after a version and reports expired history', () => {
	const store = new SimStore({now: () => start, historySize: 3});
	for (const name of ['a', 'b', 'c', 'd', 'e']) {
		store.create('Job', job(name));
	}

	assert.deepEqual((store.changesSince(4) as StoreEvent[]).map(event => event.object.metadata.name), ['d', 'e']);
	assert.equal(store.changesSince(2), 'expired');
	assert.deepEqual(store.changesSince(6), []);
	store.compact();
	assert.equal(store.changesSince(5), 'expired');
	assert.deepEqual(store.changesSince(6), []);
});

test('list is sorted by namespace then name and filters by namespace', () => {
	const store = new SimStore({now: () => start});
	store.create('Job', job('b', 'x'));
	store.create('Job', job('a', 'y'));
	store.create('Job', job('a', 'x'));
	assert.deepEqual(store.list('Job').map(o => `${o.metadata.namespace}/${o.metadata.name}`), ['x/a', 'x/b', 'y/a']);
	assert.deepEqual(store.list('Job', 'y').map(o => o.metadata.name), ['a']);
});
