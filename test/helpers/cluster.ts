import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {after} from 'node:test';
import {loadConnection, type Connection} from '../../source/cluster/connection/kubeconfig.js';
import {startWatchers, type WatcherOptions} from '../../source/cluster/watch/watcher.js';
import type {Job, KubeObject} from '../../source/kube/types.js';
import {ManualClock} from '../../source/simulator/clock.js';
import {startSimulator, type Simulator, type SimulatorOptions} from '../../source/simulator/index.js';
import {createManualClock, type ManualClock as AppManualClock} from '../../source/store/clock.js';
import {createResourceStore} from '../../source/store/resource-store.js';
import type {LiveResourceStore, StoreView} from '../../source/store/types.js';
import {waitFor} from './wait-for.js';

export const start = Date.parse('2026-11-23T10:00:00Z');

/** A connection to `sim` from its kubeconfig text, loaded the way the app loads one. */
export function connectionTo(sim: Simulator, scope: {namespace?: string; allNamespaces?: boolean} = {}): Connection {
	return loadConnection({env: {}, homeDir: '/nonexistent', ...scope, ...withText(sim.kubeconfig)});
}

// The simulator hands out YAML text; loadConnection reads files, as the app does, so write it to a temp file.

const dir = mkdtempSync(path.join(tmpdir(), 'kjobs-sim-'));
after(() => {
	rmSync(dir, {recursive: true, force: true});
});
let counter = 0;
function withText(text: string): {kubeconfig: string} {
	const file = path.join(dir, `config-${counter++}.yaml`);
	writeFileSync(file, text);
	return {kubeconfig: file};
}

/** Everything one integration test needs. */
export type Rig = {
	sim: Simulator;
	store: LiveResourceStore;
	/** The app clock of the store and the watchers: retries, deadlines and notifications wait for its advance. */
	clock: AppManualClock;
	notifications: () => number;
	/**
	The store's snapshot with whatever the watchers applied since the last notification: that notification waits on the
	manual clock, and flushing delivers it without moving time.
	*/
	snapshot(): StoreView;
	stop(): Promise<void>;
};

/** Starts a simulator on a manual clock, and a store and the watchers on a manual app clock (retries wait for advance). */
export async function rig(options: {sim?: SimulatorOptions; watch?: WatcherOptions; scope?: {namespace?: string; allNamespaces?: boolean}; setup?: (sim: Simulator) => void} = {}): Promise<Rig> {
	const sim = await startSimulator({clock: new ManualClock(start), ...options.sim});
	options.setup?.(sim);
	const clock = createManualClock(start);
	const store = createResourceStore({clock});
	let notifications = 0;
	store.subscribe(() => notifications++);
	const watchers = startWatchers(connectionTo(sim, options.scope), store, clock, {backoff: {random: () => 1}, ...options.watch});
	return {
		sim,
		store,
		clock,
		notifications: () => notifications,
		snapshot() {
			store.flush();
			return store.getSnapshot();
		},
		async stop() {
			await watchers.stop();
			store.dispose();
			await sim.stop();
		},
	};
}

export {waitFor};

/**
Waits until every watch is live. Watch states reach the snapshot with the store's next notification, which waits on
the manual clock; flushing delivers it without moving time.
*/
export async function allLive(store: LiveResourceStore): Promise<void> {
	await waitFor('all watches live', () => Object.values(store.getSnapshot().watch).every(state => state.phase === 'live'), {step: () => store.flush()});
}

/** A minimal valid Job for the simulator store. */
export function jobInput(name: string, namespace = 'default', labels: Record<string, string> = {}): Job {
	return {
		apiVersion: 'batch/v1',
		kind: 'Job',
		metadata: {name, namespace, labels},
		spec: {template: {spec: {containers: [{name: 'main', image: 'busybox'}], restartPolicy: 'Never'}}},
	};
}

/** A pod of job `jobUid` (with the controller-uid label, as the job controller sets it). */
export function podInput(name: string, jobUid: string, namespace = 'default'): KubeObject {
	return {
		apiVersion: 'v1',
		kind: 'Pod',
		metadata: {name, namespace, labels: {'batch.kubernetes.io/controller-uid': jobUid, 'batch.kubernetes.io/job-name': 'x'}},
		spec: {containers: [{name: 'main', image: 'busybox'}], restartPolicy: 'Never'},
	} as KubeObject;
}

/** uid → resourceVersion of a list of objects, sorted, for comparing the store with the server. */
export function versions(objects: Iterable<KubeObject>): Array<[string, string]> {
	return [...objects].map(object => [object.metadata.uid ?? '', object.metadata.resourceVersion ?? ''] as [string, string]).sort();
}
