import assert from 'node:assert/strict';
import {test} from 'node:test';
import {readOnlyGate, ReadOnlyError} from '../../source/cluster/actions/gate.js';
import {ConfigError} from '../../source/cluster/connection/config-error.js';
import {KubeApiError, KubeCluster} from '../../source/cluster/kube-cluster.js';
import {createManualClock} from '../../source/store/clock.js';
import type {Job} from '../../source/kube/types.js';
import {ManualClock} from '../../source/simulator/clock.js';
import {startSimulator} from '../../source/simulator/index.js';
import {createResourceStore} from '../../source/store/resource-store.js';
import {allLive, connectionTo, jobInput, start, waitFor} from '../helpers/cluster.js';

async function setup(readOnly: boolean) {
	const sim = await startSimulator({clock: new ManualClock(start)});
	sim.store.create('Job', jobInput('in-default'));
	sim.store.create('Job', jobInput('in-system', 'kube-system'));
	const clock = createManualClock(start);
	const store = createResourceStore({clock});
	const cluster = new KubeCluster({connection: connectionTo(sim), store, clock, readOnly});
	return {sim, store, cluster};
}

const jobPath = '/apis/batch/v1/namespaces/default/jobs/in-default';

test('read-only: every mutating request is refused before it is sent; reads go through', {timeout: 10_000}, async () => {
	const {sim, cluster} = await setup(true);
	try {
		assert.equal(cluster.readOnly, true);
		for (const method of ['POST', 'PUT', 'PATCH', 'DELETE', 'delete']) {
			await assert.rejects(cluster.request({method, path: jobPath, body: {}}), (error: unknown) => error instanceof ReadOnlyError && error.message === 'read-only: kjobs was started with --readonly');
		}

		assert.equal(sim.requests.filter(request => request.method !== 'GET').length, 0);
		const job = await cluster.request<Job>({method: 'GET', path: jobPath});
		assert.equal(job.metadata.name, 'in-default');
	} finally {
		await cluster.stop();
		await sim.stop();
	}
});

test('without --readonly a DELETE reaches the server, and API errors carry status and message', {timeout: 10_000}, async () => {
	const {sim, cluster} = await setup(false);
	try {
		await cluster.request({method: 'DELETE', path: jobPath, query: {propagationPolicy: 'Background'}});
		assert.deepEqual(
			sim.requests.filter(request => request.method === 'DELETE').map(request => [request.path, request.query]),
			[[jobPath, 'propagationPolicy=Background']],
		);
		await assert.rejects(cluster.request({method: 'GET', path: '/apis/batch/v1/namespaces/default/jobs/nope'}), (error: unknown) => {
			assert.ok(error instanceof KubeApiError);
			assert.deepEqual([error.status, error.message, error.reason], [404, 'jobs.batch "nope" not found', 'NotFound']);
			return true;
		});
	} finally {
		await cluster.stop();
		await sim.stop();
	}
});

test('switching namespace starts the store over in the new scope; an unknown context is a ConfigError', {timeout: 10_000}, async () => {
	const {sim, store, cluster} = await setup(false);
	try {
		cluster.start();
		await allLive(store);
		assert.deepEqual([...store.getSnapshot().jobs.values()].map(job => job.metadata.name), ['in-default']);
		await cluster.switchNamespace('kube-system');
		assert.equal(cluster.connection.namespace, 'kube-system');
		await waitFor('kube-system jobs', () => store.getSnapshot().jobs.size === 1 && [...store.getSnapshot().jobs.values()][0]!.metadata.name === 'in-system');
		store.flush();
		assert.equal(store.getSnapshot().deleted.size, 0, 'the old namespace leaves no tombstones');
		await cluster.switchNamespace(undefined);
		await waitFor('all namespaces', () => store.getSnapshot().jobs.size === 2);
		const expected = `context "nope" is not in the kubeconfig (${cluster.connection.source})\ncontexts: kjobs-sim`;
		await assert.rejects(cluster.switchContext('nope'), (error: unknown) => error instanceof ConfigError && error.message === expected);
		assert.equal(cluster.running, true);
		await cluster.switchContext('kjobs-sim');
		assert.equal(cluster.connection.namespace, 'default');
		await waitFor('default again', () => store.getSnapshot().jobs.size === 1);
	} finally {
		await cluster.stop();
		await sim.stop();
	}
	assert.equal(sim.openWatches(), 0);
});

test('setAllPods widens the pods watch from pods of jobs to every pod', {timeout: 10_000}, async () => {
	const {sim, store, cluster} = await setup(false);
	try {
		sim.store.create('Pod', {metadata: {name: 'standalone', namespace: 'default'}, spec: {containers: [{name: 'c', image: 'x'}]}});
		cluster.start();
		await allLive(store);
		assert.equal(store.getSnapshot().pods.size, 0);
		await cluster.setAllPods(true);
		await waitFor('the standalone pod', () => [...store.getSnapshot().pods.values()].some(pod => pod.metadata.name === 'standalone'));
		const selectors = sim.requests.filter(request => request.path === '/api/v1/namespaces/default/pods').map(request => new URLSearchParams(request.query).get('labelSelector'));
		assert.deepEqual([...new Set(selectors)], ['batch.kubernetes.io/controller-uid', null]);
	} finally {
		await cluster.stop();
		await sim.stop();
	}
});

test('the demo gate names --demo', {timeout: 10_000}, async () => {
	const sim = await startSimulator({clock: new ManualClock(start)});
	const clock = createManualClock(start);
	const store = createResourceStore({clock});
	const cluster = new KubeCluster({connection: connectionTo(sim), store, clock, gate: readOnlyGate('--demo')});
	try {
		await assert.rejects(cluster.request({method: 'POST', path: '/apis/batch/v1/namespaces/default/jobs', body: {}}), {message: 'read-only: kjobs was started with --demo'});
		assert.equal(sim.requests.length, 0);
	} finally {
		store.dispose();
		await sim.stop();
	}
});

test('a namespace that does not exist is reported to the store, asked again every 30 s, and cleared once created', {timeout: 10_000}, async () => {
	const sim = await startSimulator({clock: new ManualClock(start)});
	const clock = createManualClock(start);
	const store = createResourceStore({clock});
	const cluster = new KubeCluster({connection: connectionTo(sim, {namespace: 'later'}), store, clock, checkPermissions: false});
	try {
		cluster.start();
		await waitFor('the missing namespace', () => {
			store.flush();
			return store.getSnapshot().missingNamespace === 'later';
		});
		await allLive(store);
		const asked = () => sim.requests.filter(request => request.path === '/api/v1/namespaces/later').length;
		assert.equal(asked(), 1);
		sim.store.create('Namespace', {metadata: {name: 'later'}});
		clock.advance(29_999);
		assert.equal(asked(), 1);
		clock.advance(1);
		await waitFor('the notice cleared', () => {
			store.flush();
			return store.getSnapshot().missingNamespace === undefined;
		});
		// Once it exists nobody asks again; switching to all namespaces asks nothing.
		clock.advance(60_000);
		await cluster.switchNamespace(undefined);
		clock.advance(60_000);
		assert.equal(asked(), 2);
	} finally {
		await cluster.stop();
		store.dispose();
		await sim.stop();
	}
});
