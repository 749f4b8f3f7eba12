import assert from 'node:assert/strict';
import {test} from 'node:test';
import {createInterner, storedObject} from '../../../source/cluster/watch/stored-object.js';
import type {KubeObject} from '../../../source/kube/types.js';
import {createManualClock} from '../../../source/store/clock.js';

const jobs = 20;

// A pod of job `job` as the API server sends it (fresh from JSON, as the watch parses each line), at time `now`.
const pod = (serial: number, job: number, resourceVersion: number, now: number): KubeObject => {
	const second = new Date(Math.floor(now / 1000) * 1000).toISOString().replace('.000Z', 'Z');
	return JSON.parse(JSON.stringify({
		apiVersion: 'v1',
		kind: 'Pod',
		metadata: {
			name: `job-${job}-${serial.toString(36)}`,
			namespace: 'default',
			uid: `pod-uid-${serial}`,
			resourceVersion: String(resourceVersion),
			creationTimestamp: second,
			labels: {'batch.kubernetes.io/controller-uid': `job-uid-${job}`, 'batch.kubernetes.io/job-name': `job-${job}`},
			ownerReferences: [{apiVersion: 'batch/v1', kind: 'Job', name: `job-${job}`, uid: `job-uid-${job}`, controller: true}],
		},
		spec: {containers: [{name: 'main', image: 'registry.example.test/worker:1.0', command: ['sh', '-c', 'work']}], restartPolicy: 'Never'},
		status: {phase: 'Running', startTime: second, containerStatuses: [{name: 'main', ready: true, restartCount: 0, state: {running: {startedAt: second}}}]},
	})) as KubeObject;
};

test('churn does not grow the string table: an object\'s own name, uid and resourceVersion are not kept', () => {
	const clock = createManualClock(Date.parse('2026-11-23T09:00:00Z'));
	const interner = createInterner();
	let resourceVersion = 1000;
	let serial = 0;
	const live: Array<{serial: number; job: number}> = [];
	for (; serial < 200; serial++) {
		storedObject(pod(serial, serial % jobs, resourceVersion++, clock.now()), interner);
		live.push({serial, job: serial % jobs});
	}

	const afterList = interner.size;
	// Churn as a busy cluster makes it, ten events a second on the clock: status updates (each a new resourceVersion),
	// new pods (new names and uids) and deletions, the number of pods staying the same.
	for (let event = 0; event < 10_000; event++) {
		clock.advance(100);
		const step = event % 3;
		if (step === 0) {
			const {serial: updated, job} = live[event % live.length]!;
			storedObject(pod(updated, job, resourceVersion++, clock.now()), interner);
		} else if (step === 1) {
			const job = event % jobs;
			storedObject(pod(serial, job, resourceVersion++, clock.now()), interner);
			live.push({serial: serial++, job});
		} else {
			live.shift();
		}
	}

	assert.equal(live.length, 200);
	// What may grow: one timestamp per second of the clock (1,000 seconds passed). Before, each event added its
	// resourceVersion and each new pod its name and uid: about 13,000 more strings.
	assert.ok(interner.size - afterList <= 1000 + 10, `the table grew by ${interner.size - afterList} strings over 10,000 events`);
});

test('a stored object keeps every field as sent, its own name, uid and resourceVersion included', () => {
	const interner = createInterner();
	const sent = pod(7, 3, 4242, Date.parse('2026-11-23T09:00:00Z'));
	const expected = structuredClone(sent);
	const stored = storedObject(sent, interner);
	assert.equal(stored?.metadata.name, 'job-3-7');
	assert.equal(stored?.metadata.uid, 'pod-uid-7');
	assert.equal(stored?.metadata.resourceVersion, '4242');
	assert.deepEqual(stored?.metadata.labels, expected.metadata.labels);
	assert.deepEqual(stored?.metadata.ownerReferences, expected.metadata.ownerReferences);
	assert.deepEqual((stored as {spec?: unknown} | undefined)?.spec, (expected as {spec?: unknown}).spec);
});
