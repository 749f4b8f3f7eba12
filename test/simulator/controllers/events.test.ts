import assert from 'node:assert/strict';
import {test} from 'node:test';
import {harness, template} from '../../helpers/controllers-harness.js';

test('events carry involvedObject, source, timestamps and count, and expire an hour after they were last seen', () => {
	const h = harness();
	const job = h.job({metadata: {name: 'ev'}, spec: {template: template({'sim.kjobs.io/run-seconds': '3'})}});
	h.step(5);
	const created = h.events('ev')[0]!;
	assert.match(created.metadata.name!, /^ev\.[\da-f]+$/);
	assert.deepEqual({...created, metadata: undefined}, {
		apiVersion: 'v1',
		kind: 'Event',
		metadata: undefined,
		involvedObject: {kind: 'Job', namespace: 'default', name: 'ev', uid: job.metadata.uid, apiVersion: 'batch/v1', resourceVersion: job.metadata.resourceVersion},
		reason: 'SuccessfulCreate',
		message: `Created pod: ${h.pods('ev')[0]!.metadata.name}`,
		source: {component: 'job-controller'},
		firstTimestamp: '2026-01-01T10:00:00Z',
		lastTimestamp: '2026-01-01T10:00:00Z',
		count: 1,
		type: 'Normal',
		eventTime: null,
		reportingComponent: 'job-controller',
		reportingInstance: '',
	});
	const started = h.events(h.pods('ev')[0]!.metadata.name).find(event => event.reason === 'Started')!;
	assert.deepEqual([started.involvedObject.fieldPath, started.source, started.message], ['spec.containers{main}', {component: 'kubelet', host: 'sim-node-1'}, 'Started container main']);
	const total = h.store.count('Event');
	assert.ok(total >= 7);
	h.step(3590);
	assert.equal(h.store.count('Event'), total);
	h.step(20);
	assert.equal(h.store.count('Event'), 0);
});
