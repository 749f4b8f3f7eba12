import assert from 'node:assert/strict';
import {readdirSync, statSync} from 'node:fs';
import path from 'node:path';
import {test} from 'node:test';
import {setFlagsFromString} from 'node:v8';
import {runInNewContext} from 'node:vm';
import {startArchiveCapture} from '../../source/archive/capture.js';
import {openArchiveDisk} from '../../source/archive/disk.js';
import {loadConnection} from '../../source/cluster/connection/kubeconfig.js';
import {startSession} from '../../source/session/session.js';
import {createResourceStore} from '../../source/store/resource-store.js';
import {headlessWorld} from '../helpers/headless.js';
import {waitFor} from '../helpers/wait-for.js';

// A job deleted the moment it ends (TTL 0), and one that fails twice before giving up.
const scenario = `
apiVersion: batch/v1
kind: Job
metadata:
  name: fleeting
  namespace: batch
spec:
  ttlSecondsAfterFinished: 0
  template:
    metadata:
      annotations:
        sim.kjobs.io/run-seconds: "3"
        sim.kjobs.io/log: "fleeting starting on {pod}\\nsecret=hunter2 printed by the pod\\nfleeting done"
    spec:
      containers:
        - name: main
          image: registry.example.test/fleeting:1.0
      restartPolicy: Never
---
apiVersion: batch/v1
kind: Job
metadata:
  name: doomed
  namespace: batch
spec:
  backoffLimit: 1
  template:
    metadata:
      annotations:
        sim.kjobs.io/run-seconds: "2"
        sim.kjobs.io/exit-code: "3"
        sim.kjobs.io/log: "doomed attempt {attempt} on {pod}\\nERROR: connection refused"
    spec:
      containers:
        - name: main
          image: registry.example.test/doomed:1.0
      restartPolicy: Never
`;

const mutating = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

// A full garbage collection from inside the test (node runs the tests without --expose-gc).
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

test('read-only: a TTL-0 job and a failing job are archived (logs of every attempt, pod statuses, events), private, and nothing mutating is sent', async () => {
	const world = await headlessWorld(scenario);
	const root = path.join(world.dir, 'state', 'kjobs', 'archive');
	const reports: string[] = [];
	const session = startSession({
		connection: loadConnection({kubeconfig: world.kubeconfig, namespace: 'batch', env: {}, homeDir: world.dir}),
		demo: false, readOnly: '--readonly', clock: world.clock, archive: {root, report: message => reports.push(message.text)},
	});
	try {
		await waitFor('the first list', () => {
			session.store.flush();
			return session.store.getSnapshot().jobs.size === 2;
		});
		for (let step = 0; step < 60 && session.archive!.written() < 2; step++) {
			await world.advance(1000);
			session.store.flush();
		}

		await session.archive!.idle();
		assert.ok(![...session.store.getSnapshot().jobs.values()].some(job => job.metadata.name === 'fleeting'), 'the TTL-0 job is gone from the cluster');

		const {runs, problems} = await openArchiveDisk({root}).readAll();
		assert.deepEqual(problems, []);
		const byName = new Map(runs.map(run => [run.job.metadata.name, run]));
		const fleeting = byName.get('fleeting');
		assert.ok(fleeting, `fleeting archived (reports: ${reports.join('; ')})`);
		const fleetingLines = fleeting.logs.flatMap(entry => (entry.kind === 'line' ? [entry.text] : []));
		assert.deepEqual(fleetingLines.map(text => text.replace(/fleeting-\w+/, 'POD')), ['fleeting starting on POD', 'secret=hunter2 printed by the pod', 'fleeting done']);
		assert.ok(fleeting.job.status?.conditions?.some(condition => condition.type === 'Complete' && condition.status === 'True'), 'the job as last sent, complete');
		assert.equal(fleeting.pods.length, 1);
		assert.equal(fleeting.pods[0]!.status?.containerStatuses?.[0]?.state?.terminated?.exitCode, 0);

		const doomed = byName.get('doomed');
		assert.ok(doomed, 'doomed archived');
		const attempts = doomed.logs.filter(entry => entry.kind === 'separator').map(entry => entry.kind === 'separator' ? entry.label : '');
		assert.deepEqual(attempts, ['attempt 1', 'attempt 2']);
		assert.equal(doomed.logs.filter(entry => entry.kind === 'line' && entry.text === 'ERROR: connection refused').length, 2);
		assert.deepEqual(doomed.pods.map(pod => pod.status?.containerStatuses?.[0]?.state?.terminated?.exitCode), [3, 3]);
		assert.ok(doomed.events.length > 0, 'the job\'s events are kept');
		assert.ok(doomed.job.status?.conditions?.some(condition => condition.type === 'Failed'), 'the failed job as last sent');

		// Private: every directory from kjobs/ down 0700, every run file 0600, no temp file left.
		const walk = (directory: string): void => {
			assert.equal(statSync(directory).mode & 0o777, 0o700, directory);
			for (const entry of readdirSync(directory, {withFileTypes: true})) {
				const full = path.join(directory, entry.name);
				if (entry.isDirectory()) {
					walk(full);
				} else {
					assert.doesNotMatch(entry.name, /\.tmp$/);
					assert.equal(statSync(full).mode & 0o777, 0o600, full);
				}
			}
		};

		walk(path.join(world.dir, 'state', 'kjobs'));
		assert.deepEqual(world.sim.requests.filter(request => mutating.has(request.method)).map(request => `${request.method} ${request.path}`), []);
		assert.ok(world.sim.requests.some(request => request.path.endsWith('/log')), 'logs were read');
	} finally {
		await session.stop();
		await world.stop();
	}
});

test('a full disk while archiving is a message and the header word, never a crash; the session goes on', async () => {
	const world = await headlessWorld(scenario);
	const root = path.join(world.dir, 'state', 'kjobs', 'archive');
	const reports: Array<{ok: boolean; text: string}> = [];
	const session = startSession({
		connection: loadConnection({kubeconfig: world.kubeconfig, namespace: 'batch', env: {}, homeDir: world.dir}),
		demo: false, clock: world.clock,
		archive: {
			root, report: message => reports.push(message),
			async writeData() {
				throw Object.assign(new Error('ENOSPC: no space left on device, write'), {code: 'ENOSPC'});
			},
		},
	});
	try {
		assert.equal(session.info().archive, 'ARCHIVE');
		await waitFor('the first list', () => {
			session.store.flush();
			return session.store.getSnapshot().jobs.size === 2;
		});
		for (let step = 0; step < 60 && reports.length < 2; step++) {
			await world.advance(1000);
			session.store.flush();
		}

		await session.archive!.idle();
		assert.deepEqual(reports.map(report => report.text).sort(), [
			'archive: could not save job batch/doomed: the disk is full',
			'archive: could not save job batch/fleeting: the disk is full',
		]);
		assert.equal(session.info().archive, 'ARCHIVE: DISK FULL');
		assert.deepEqual(await openArchiveDisk({root}).list(), []);
		await world.advance(1000);
		session.store.flush();
		assert.ok(session.store.getSnapshot().watch.jobs.phase === 'live', 'the session still watches');
	} finally {
		await session.stop();
		await world.stop();
	}
});

test('a job already finished when kjobs starts is archived with its pods and logs even when the jobs list arrives before the pods list', async () => {
	const world = await headlessWorld(`
apiVersion: batch/v1
kind: Job
metadata:
  name: early
  namespace: batch
spec:
  template:
    metadata:
      annotations:
        sim.kjobs.io/run-seconds: "1"
        sim.kjobs.io/log: "early bird"
    spec:
      containers:
        - name: main
          image: registry.example.test/early:1.0
      restartPolicy: Never
`);
	const root = path.join(world.dir, 'state', 'kjobs', 'archive');
	// A store the test feeds itself, in the order a slow pods list gives: the finished job first, its pods later.
	const store = createResourceStore({clock: world.clock});
	const disk = openArchiveDisk({root});
	const {kubeConfig} = loadConnection({kubeconfig: world.kubeconfig, namespace: 'batch', env: {}, homeDir: world.dir});
	try {
		await world.advance(10_000);
		const capture = startArchiveCapture({store, clock: world.clock, disk, kubeConfig: () => kubeConfig, context: () => 'ctx'});
		store.apply({type: 'relist', kind: 'jobs', objects: world.sim.store.list('Job', 'batch')});
		store.apply({type: 'status', kind: 'jobs', state: {phase: 'live', since: world.clock.now()}});
		store.flush();
		for (let turn = 0; turn < 20; turn++) {
			await new Promise(resolve => setImmediate(resolve));
		}

		await capture.idle();
		assert.equal(capture.written(), 0, 'nothing is written before the pods are listed');
		store.apply({type: 'relist', kind: 'pods', objects: world.sim.store.list('Pod', 'batch')});
		store.apply({type: 'relist', kind: 'events', objects: world.sim.store.list('Event', 'batch')});
		store.apply({type: 'status', kind: 'pods', state: {phase: 'live', since: world.clock.now()}});
		store.apply({type: 'status', kind: 'events', state: {phase: 'live', since: world.clock.now()}});
		store.flush();
		await waitFor('the run written', async () => {
			await capture.idle();
			return capture.written() === 1;
		});
		const [run] = (await disk.readAll()).runs;
		assert.equal(run?.pods.length, 1);
		assert.deepEqual(run?.logs.flatMap(entry => (entry.kind === 'line' ? [entry.text] : [])), ['early bird']);
		capture.stop();
	} finally {
		store.dispose();
		await world.stop();
	}
});

test('a job waiting for a capture slot is held by its uid alone: the job as first seen can be collected, and its run is written as last seen', async () => {
	const world = await headlessWorld('');
	const root = path.join(world.dir, 'state', 'kjobs', 'archive');
	const store = createResourceStore({clock: world.clock});
	const disk = openArchiveDisk({root});
	const {kubeConfig} = loadConnection({kubeconfig: world.kubeconfig, namespace: 'batch', env: {}, homeDir: world.dir});
	const job = (name: string, resourceVersion: string, done = false) => ({
		apiVersion: 'batch/v1', kind: 'Job',
		metadata: {name, namespace: 'batch', uid: `uid-${name}`, resourceVersion},
		spec: {template: {spec: {containers: [{name: 'main', image: 'registry.example.test/x:1'}]}}},
		status: done ? {succeeded: 1, conditions: [{type: 'Complete', status: 'True'}]} : {active: 1},
	});
	const live = (kind: 'pods' | 'events' | 'jobs') => store.apply({type: 'status', kind, state: {phase: 'live', since: world.clock.now()}});
	const flushed = async () => {
		store.flush();
		for (let turn = 0; turn < 5; turn++) {
			await new Promise(resolve => setImmediate(resolve));
		}
	};

	try {
		const capture = startArchiveCapture({store, clock: world.clock, disk, kubeConfig: () => kubeConfig, context: () => 'ctx', maxJobs: 1, finishWaitMs: 0});
		const first = new WeakRef(job('waiting', '1'));
		store.apply({type: 'relist', kind: 'jobs', objects: [job('running', '1'), first.deref()!]});
		store.apply({type: 'relist', kind: 'pods', objects: []});
		store.apply({type: 'relist', kind: 'events', objects: []});
		live('jobs');
		live('pods');
		live('events');
		await flushed();
		await capture.idle();
		// The waiting job changes while it waits: the store lets go of the version first seen.
		store.apply({type: 'upsert', kind: 'jobs', object: job('waiting', '2')});
		await flushed();
		await new Promise(resolve => setImmediate(resolve));
		gc();
		assert.equal(first.deref(), undefined, 'the job as first seen is still held');
		// The running job ends; the waiting one gets the slot, ends too, and its run holds the job as last seen.
		store.apply({type: 'upsert', kind: 'jobs', object: job('running', '2', true)});
		await flushed();
		await waitFor('the first run written', async () => {
			await capture.idle();
			return capture.written() === 1;
		}, {step: () => world.clock.advance(10)});
		store.apply({type: 'upsert', kind: 'jobs', object: job('waiting', '3', true)});
		await flushed();
		await waitFor('both runs written', async () => {
			await capture.idle();
			return capture.written() === 2;
		}, {step: () => world.clock.advance(10)});
		const runs = (await disk.readAll()).runs.map(run => `${run.job.metadata.name} ${run.job.metadata.resourceVersion}`).sort();
		assert.deepEqual(runs, ['running 2', 'waiting 3']);
		capture.stop();
	} finally {
		store.dispose();
		await world.stop();
	}
});
