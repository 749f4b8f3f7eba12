import assert from 'node:assert/strict';
import {test} from 'node:test';
import {maxRecordedChanges} from '../../source/store/change-record.js';
import {harness, job, pod} from '../helpers/store-harness.js';

const sorted = (set: ReadonlySet<string>) => [...set].sort();

test('a snapshot lists the uids that changed since the previous one, and which jobs saw their pods change', () => {
	const h = harness();
	h.store.apply({type: 'relist', kind: 'jobs', objects: [job('a'), job('b')]});
	h.store.apply({type: 'relist', kind: 'pods', objects: [pod('p1', 'a')]});
	const first = h.published();
	assert.equal(first.full, false);
	assert.equal(first.since, 0);
	assert.deepEqual(sorted(first.jobs), ['a', 'b']);
	assert.deepEqual(sorted(first.podParents), ['a']);

	h.store.apply({type: 'upsert', kind: 'pods', object: pod('p1', 'b', '2')});
	h.store.apply({type: 'upsert', kind: 'jobs', object: job('a', '1')});
	const second = h.published();
	assert.equal(second.since, 1);
	assert.deepEqual(sorted(second.pods), ['p1']);
	// The pod moved from a to b: both jobs' statuses may differ. Job a's same resourceVersion is no change.
	assert.deepEqual(sorted(second.podParents), ['a', 'b']);
	assert.deepEqual(sorted(second.jobs), []);
	assert.deepEqual(sorted(second.changedAt), ['p1']);

	h.store.apply({type: 'delete', kind: 'pods', object: pod('p1', 'b', '2')});
	const third = h.published();
	assert.deepEqual(sorted(third.pods), ['p1']);
	assert.deepEqual(sorted(third.podParents), ['b']);
	assert.deepEqual(sorted(third.tombstones), ['p1']);
	assert.equal(third.watch, false);
});

test('an expired tombstone, a watch state and the missing namespace are changes too', () => {
	const h = harness();
	h.store.apply({type: 'relist', kind: 'jobs', objects: [job('a')]});
	h.published();
	h.store.apply({type: 'delete', kind: 'jobs', object: job('a')});
	h.published();
	h.later(61_000);
	h.store.apply({type: 'status', kind: 'pods', state: {phase: 'live', since: 0}});
	const changes = h.published();
	assert.equal(h.store.getSnapshot().deleted.size, 0);
	assert.deepEqual(sorted(changes.tombstones), ['a']);
	assert.deepEqual(sorted(changes.changedAt), ['a']);
	assert.equal(changes.watch, true);
	h.store.setMissingNamespace('gone');
	assert.equal(h.published().watch, true);
});

test('the pending record grows between publications and becomes the next snapshot\'s changes', () => {
	const h = harness();
	h.published();
	const snapshot = h.store.getSnapshot();
	const pending = snapshot.pending!;
	assert.equal(pending.count, 0);
	h.store.apply({type: 'upsert', kind: 'jobs', object: job('a')});
	h.store.apply({type: 'upsert', kind: 'jobs', object: job('b')});
	assert.equal(pending.count, 2);
	assert.equal(h.store.getSnapshot(), snapshot);
	assert.equal(h.published(), pending);
	assert.equal(pending.since, snapshot.version);
	assert.notEqual(h.store.getSnapshot().pending, pending);
});

test('a reset, or more changes than are worth listing, say `full`', () => {
	const h = harness();
	h.store.apply({type: 'relist', kind: 'jobs', objects: [job('a')]});
	h.published();
	h.store.reset();
	const reset = h.published();
	assert.equal(reset.full, true);
	assert.equal(reset.jobs.size, 0);
	h.store.apply({type: 'relist', kind: 'jobs', objects: Array.from({length: maxRecordedChanges + 1}, (_unused, index) => job(`j${index}`))});
	const big = h.published();
	assert.equal(big.full, true);
	assert.equal(big.jobs.size, 0);
	h.store.apply({type: 'upsert', kind: 'jobs', object: job('a', '2')});
	assert.equal(h.published().full, false);
});
