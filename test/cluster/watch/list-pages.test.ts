import assert from 'node:assert/strict';
import {test} from 'node:test';
import {createManualClock} from '../../../source/store/clock.js';
import {createInterner, storedObject} from '../../../source/cluster/watch/stored-object.js';
import {normalizeObject} from '../../../source/cluster/watch/resources.js';
import {runWatchLoop} from '../../../source/cluster/watch/loop.js';
import type {Job, KubeObject} from '../../../source/kube/types.js';
import {ManualClock} from '../../../source/simulator/clock.js';
import {startSimulator} from '../../../source/simulator/index.js';
import type {WatchEvent} from '../../../source/store/types.js';
import {connectionTo, jobInput, start, waitFor} from '../../helpers/cluster.js';

test('a paged list reaches the store page by page, counting as it goes, then as one complete relist', {timeout: 10_000}, async () => {
	const sim = await startSimulator({clock: new ManualClock(start)});
	for (let i = 0; i < 5; i++) {
		sim.store.create('Job', jobInput(`job-${i}`));
	}

	const events: WatchEvent[] = [];
	const controller = new AbortController();
	const connection = connectionTo(sim);
	const loop = runWatchLoop({
		kind: 'jobs', kubeConfig: connection.kubeConfig, server: 'sim', namespace: 'default', emit: event => events.push(event),
		clock: createManualClock(start), timeoutSeconds: 60, stallMarginMs: 15_000,
		listTimeoutMs: 60_000, pageSize: 2, backoff: {initialMs: 1000, maxMs: 30_000, random: () => 1}, interner: createInterner(),
	}, controller.signal);
	try {
		await waitFor('live', () => events.some(event => event.type === 'status' && event.state.phase === 'live'));
		const seen = events.map(event => event.type === 'status'
			? `${event.state.phase}${event.state.phase === 'listing' ? ` ${event.state.listed}` : ''}`
			: (event.type === 'list-page' ? `page ${event.objects.length}${event.first ? ' first' : ''}` : `${event.type} ${event.type === 'relist' ? event.objects.length : ''}`));
		assert.deepEqual(seen, ['connecting', 'page 2 first', 'listing 2', 'page 2', 'listing 4', 'page 1', 'listing 5', 'relist 5', 'live']);
	} finally {
		controller.abort();
		await loop;
		await sim.stop();
	}
});

test('stored objects are the normalized objects, with equal strings shared between objects', () => {
	const interner = createInterner();
	const raw = (): Job => ({
		...jobInput('pi', 'batch', {team: 'data'}),
		metadata: {name: 'pi', namespace: 'batch', uid: `u-${'x'.repeat(30)}`, labels: {team: 'data'}, managedFields: [{manager: 'kubectl'}], annotations: {'kubectl.kubernetes.io/last-applied-configuration': '{}', note: 'keep'}},
	});
	const one = storedObject(JSON.parse(JSON.stringify(raw())) as KubeObject, interner);
	const two = storedObject(JSON.parse(JSON.stringify(raw())) as KubeObject, interner);
	assert.deepEqual(one, normalizeObject(raw()));
	assert.deepEqual(one.metadata.annotations, {note: 'keep'});
	assert.equal(one.metadata.managedFields, undefined);
	// Sharing is invisible to JavaScript (equal strings are equal); it shows in the heap, not here.
	assert.deepEqual(two, one);
});

test('the interner starts over at its limit and keeps working', () => {
	const interner = createInterner(2);
	const a = interner.intern('a');
	interner.intern('b');
	interner.intern('c');
	assert.equal(interner.intern('a'), 'a');
	assert.equal(interner.intern(a), a);
});
