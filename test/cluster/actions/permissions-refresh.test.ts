import assert from 'node:assert/strict';
import {test} from 'node:test';
import {readOnlyGate} from '../../../source/cluster/actions/gate.js';
import {KubeCluster} from '../../../source/cluster/kube-cluster.js';
import {allAllowed, type Permissions} from '../../../source/cluster/actions/permissions.js';
import {createManualClock} from '../../../source/store/clock.js';
import {createResourceStore} from '../../../source/store/resource-store.js';
import {connectionTo, jobInput} from '../../helpers/cluster.js';
import type {Job} from '../../../source/kube/types.js';
import {startSession} from '../../../source/session/session.js';
import {startTestSimulator} from '../../helpers/simulator.js';
import {waitFor} from '../../helpers/wait-for.js';

const reviews = (requests: ReadonlyArray<{method: string; path: string}>) => requests.filter((request) => request.method === 'POST' && request.path.endsWith('/selfsubjectaccessreviews')).length;

test('KubeCluster asks on start and on every switch; an answer for a scope left meanwhile is dropped', async () => {
	// Jobs may be deleted in batch only.
	const sim = await startTestSimulator({rbac: [{apiGroups: ['batch'], resources: ['jobs'], verbs: ['delete'], namespaces: ['batch']}]});
	const clock = createManualClock(sim.clock.now());
	const store = createResourceStore({clock});
	const cluster = new KubeCluster({connection: connectionTo(sim, {namespace: 'default'}), store, clock});
	const seen: Permissions[] = [];
	cluster.onPermissions(() => seen.push(cluster.permissions));
	try {
		assert.equal(cluster.permissions, allAllowed);
		// The check for default is under way when the scope moves to batch: its answer must never be applied.
		const stale = cluster.refreshPermissions();
		await cluster.switchNamespace('batch');
		await stale;
		await waitFor('the answer for batch', () => seen.length >= 2);

		assert.equal(seen.length, 2);
		assert.equal(seen[0], allAllowed);
		assert.deepEqual(seen[1]?.['delete-jobs'], {allowed: true});
		assert.deepEqual(seen[1]?.['create-jobs'], {allowed: false, reason: 'forbidden: cannot create jobs in namespace batch'});
		// The stale check was aborted by the switch before it was sent: only the new scope's seven reached the server.
		assert.equal(reviews(sim.requests), 7);
		// The action context follows the connection.
		assert.equal(cluster.actions.gate, cluster.gate);
	} finally {
		await cluster.stop();
		store.dispose();
		await sim.stop();
	}
});

test('read-only: permissions are denied with the gate\'s reason and no review is sent', async () => {
	const sim = await startTestSimulator({});
	const clock = createManualClock(sim.clock.now());
	const store = createResourceStore({clock});
	const cluster = new KubeCluster({connection: connectionTo(sim, {namespace: 'default'}), store, clock, gate: readOnlyGate('--readonly')});
	try {
		await cluster.refreshPermissions();
		assert.deepEqual(cluster.permissions['delete-jobs'], {allowed: false, reason: 'read-only: kjobs was started with --readonly'});
		assert.deepEqual(cluster.permissions['get-pods-log'], {allowed: true});
		assert.equal(reviews(sim.requests), 0);
	} finally {
		await cluster.stop();
		store.dispose();
		await sim.stop();
	}
});

test('while the watchers run the answers are asked again every 5 minutes: a Role taken away shows without :ns or :ctx', async () => {
	const sim = await startTestSimulator({});
	const clock = createManualClock(sim.clock.now());
	const store = createResourceStore({clock});
	const cluster = new KubeCluster({connection: connectionTo(sim, {namespace: 'default'}), store, clock});
	try {
		cluster.start();
		await waitFor('the first answers', () => reviews(sim.requests) === 7 && cluster.permissions !== allAllowed);
		assert.deepEqual(cluster.permissions['delete-jobs'], {allowed: true});
		sim.setRbac([{verbs: ['get', 'list', 'watch'], resources: ['jobs', 'cronjobs', 'pods', 'events']}]);
		clock.advance(299_000);
		assert.equal(reviews(sim.requests), 7);
		clock.advance(1000);
		await waitFor('the answers asked again', () => cluster.permissions['delete-jobs'].allowed === false);
		assert.equal(reviews(sim.requests), 14);
		clock.advance(300_000);
		await waitFor('and again', () => reviews(sim.requests) === 21);
	} finally {
		await cluster.stop();
		store.dispose();
		await sim.stop();
	}
});

test('an action answered 403 makes the session ask the RBAC answers again at once', async () => {
	const sim = await startTestSimulator({});
	const clock = createManualClock(sim.clock.now());
	const session = startSession({connection: connectionTo(sim, {namespace: 'default'}), demo: false, clock});
	try {
		await waitFor('the first answers', () => reviews(sim.requests) === 7 && session.access.current().permissions['delete-jobs'].allowed);
		const job = sim.store.create<Job>('Job', jobInput('kept'));
		// Taken away after the screen was told deleting is allowed.
		sim.setRbac([{verbs: ['get', 'list', 'watch'], resources: ['jobs', 'cronjobs', 'pods', 'events']}]);
		const result = await session.handle({kind: 'action', action: {kind: 'delete', resource: 'jobs', target: {namespace: 'default', name: 'kept', uid: job.metadata.uid!}, propagation: 'Background'}, target: {kind: 'job', uid: job.metadata.uid!}});
		assert.deepEqual(result, {ok: false, message: 'forbidden: cannot delete jobs in namespace default', forbidden: true});
		await waitFor('the answers asked again', () => session.access.current().permissions['delete-jobs'].allowed === false);
		assert.equal(reviews(sim.requests), 14);
	} finally {
		await session.stop();
		await sim.stop();
	}
});
