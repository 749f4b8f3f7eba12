import assert from 'node:assert/strict';
import {test} from 'node:test';
import {readOnlyGate} from '../../../source/cluster/actions/gate.js';
import {KubeCluster} from '../../../source/cluster/kube-cluster.js';
import {allAllowed, type Permissions} from '../../../source/cluster/actions/permissions.js';
import {createManualClock} from '../../../source/store/clock.js';
import {createResourceStore} from '../../../source/store/resource-store.js';
import {connectionTo} from '../../helpers/cluster.js';
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
