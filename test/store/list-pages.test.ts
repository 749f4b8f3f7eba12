import assert from 'node:assert/strict';
import {test} from 'node:test';
import {createResourceStore} from '../../source/store/resource-store.js';
import {harness, job} from '../helpers/store-harness.js';

test('the first page of a list shows before the list is complete, and nothing in the first list is highlighted', () => {
	const h = harness();
	h.store.apply({type: 'list-page', kind: 'jobs', objects: [job('a'), job('b')], first: true});
	h.store.flush();
	assert.deepEqual(h.jobs(), ['a', 'b']);
	h.store.apply({type: 'list-page', kind: 'jobs', objects: [job('c')], first: false});
	h.store.apply({type: 'relist', kind: 'jobs', objects: [job('a'), job('b'), job('c')]});
	h.store.flush();
	assert.deepEqual(h.jobs(), ['a', 'b', 'c']);
	assert.equal(h.store.getSnapshot().changedAt.size, 0);
	assert.equal(h.store.getSnapshot().deleted.size, 0);
});

test('a relist after 410 keeps the current content while its pages arrive, then removes what the full list lacks', () => {
	const h = harness();
	h.store.apply({type: 'relist', kind: 'jobs', objects: [job('a'), job('b'), job('gone')]});
	h.later(5000);
	h.store.apply({type: 'list-page', kind: 'jobs', objects: [job('a', '2')], first: true});
	h.store.flush();
	// Nothing blanks: b and gone are still shown while the rest of the list arrives; a's change is highlighted.
	assert.deepEqual(h.jobs(), ['a', 'b', 'gone']);
	assert.equal(h.store.getSnapshot().jobs.get('a')?.metadata.resourceVersion, '2');
	assert.equal(h.store.getSnapshot().changedAt.has('a'), true);
	h.store.apply({type: 'list-page', kind: 'jobs', objects: [job('b'), job('new')], first: false});
	h.store.apply({type: 'relist', kind: 'jobs', objects: [job('a', '2'), job('b'), job('new')]});
	h.store.flush();
	assert.deepEqual(h.jobs(), ['a', 'b', 'new']);
	// It went while nobody watched: gone, not shown as a deletion just seen.
	assert.equal(h.store.getSnapshot().deleted.has('gone'), false);
	assert.equal(h.store.getSnapshot().changedAt.has('b'), false);
});

test('a list that breaks off half-way leaves its pages; the next complete list reconciles exactly', () => {
	const h = harness();
	h.store.apply({type: 'list-page', kind: 'jobs', objects: [job('a'), job('b')], first: true});
	// The next list (after the failure) starts again with a first page and ends with the complete list.
	h.store.apply({type: 'list-page', kind: 'jobs', objects: [job('a')], first: true});
	h.store.apply({type: 'relist', kind: 'jobs', objects: [job('a'), job('c')]});
	h.store.flush();
	assert.deepEqual(h.jobs(), ['a', 'c']);
});

test('while a watch is listing, notifications come at the slower listing pace', () => {
	let now = 0;
	const waits: number[] = [];
	let pending: (() => void) | undefined;
	const store = createResourceStore({notifyIntervalMs: 100, listingNotifyIntervalMs: 500, clock: {now: () => now, subscribe: () => () => {}, setTimer(callback, ms) {
		waits.push(ms);
		pending = () => {
			now += ms;
			callback();
		};

		return () => {};
	}}});
	const step = (event: Parameters<typeof store.apply>[0]) => {
		store.apply(event);
		pending?.();
		pending = undefined;
	};

	step({type: 'status', kind: 'jobs', state: {phase: 'listing', listed: 500}});
	step({type: 'list-page', kind: 'jobs', objects: [job('a')], first: false});
	step({type: 'status', kind: 'jobs', state: {phase: 'live', since: now}});
	step({type: 'upsert', kind: 'jobs', object: job('a', '2')});
	// The first change after a quiet start goes out at once; then 500 ms while listing, 100 ms once live.
	assert.deepEqual(waits, [0, 500, 100, 100]);
});
