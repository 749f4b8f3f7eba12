import assert from 'node:assert/strict';
import {test} from 'node:test';
import {createManualClock} from '../../source/store/clock.js';
import {startWatchers} from '../../source/cluster/watch/watcher.js';
import {ManualClock} from '../../source/simulator/clock.js';
import {startSimulator} from '../../source/simulator/index.js';
import {seededRandom} from '../../source/simulator/random.js';
import {createResourceStore} from '../../source/store/resource-store.js';
import {churner, connectionFrom, serverTruth, start, storePicture, tempDir, waitFor} from '../helpers/reliability.js';

const dir = tempDir('kjobs-converge-');

async function rig(seed: number) {
	const sim = await startSimulator({scenario: 'demo', seed, clock: new ManualClock(start), slowFaultMs: 40, historySize: 200, bookmarkIntervalMs: 100});
	const clock = createManualClock(start);
	const store = createResourceStore({clock});
	const watchers = startWatchers(connectionFrom(dir, sim.kubeconfig, {allNamespaces: true}), store, clock, {
		kinds: ['jobs', 'cronjobs', 'pods'],
		// The app's clock is stepped 1.5 s per round and 1 s per look while converging, the server's bookmarks come every
		// 100 ms of simulated time: a stall counts only after 35 s of app time without one.
		timeoutSeconds: 30,
		stallMarginMs: 5000,
		backoff: {initialMs: 200, maxMs: 2000, random: seededRandom(seed + 7)},
	});
	const equal = () => JSON.stringify(storePicture(store.getSnapshot())) === JSON.stringify(serverTruth(sim));
	// What differs, kind by kind: objects missing from the store, ghosts the server no longer has, stale versions.
	const difference = () => {
		const truth = serverTruth(sim);
		const picture = storePicture(store.getSnapshot());
		return (['jobs', 'cronJobs', 'pods'] as const).map(kind => {
			const want = new Map(truth[kind]);
			const have = new Map(picture[kind]);
			const missing = [...want.keys()].filter(uid => !have.has(uid)).length;
			const ghosts = [...have.keys()].filter(uid => !want.has(uid)).length;
			const stale = [...want].filter(([uid, rv]) => have.has(uid) && have.get(uid) !== rv).length;
			return `${kind}: ${missing} missing, ${ghosts} ghosts, ${stale} stale`;
		}).join('; ') + ` — ${JSON.stringify(store.getSnapshot().watch)}`;
	};

	const converge = async (what: string) => {
		// Five seconds of real time from the moment the faults stop; the app's clock moves 1 s per poll.
		const began = Date.now();
		try {
			await waitFor(what, () => equal() && (['jobs', 'cronjobs', 'pods'] as const).every(kind => store.getSnapshot().watch[kind].phase === 'live'), {ms: 5000, step: () => clock.advance(1000)});
		} catch (error) {
			throw new Error(`${(error as Error).message}: ${difference()}`);
		}

		return Date.now() - began;
	};

	return {
		sim,
		store,
		clock,
		converge,
		async stop() {
			await watchers.stop();
			store.dispose();
			await sim.stop();
		},
	};
}

test('200 random faults during churn: once they stop, the store equals the server object for object', {timeout: 90_000}, async () => {
	const r = await rig(11);
	const churn = churner(3);
	try {
		await r.converge('the first sync');
		r.sim.setFaults({drop: 0.08, expire: 0.06, error: 0.2, throttle: 0.1, stall: 0.03, slow: 0.1, truncate: 0.04, restart: 0.01});
		let changes = 0;
		for (let round = 0; round < 600 && Object.values(r.sim.faultCounts).reduce((a, b) => a + b, 0) < 200; round++) {
			await r.sim.advance(3000);
			changes += churn(r.sim);
			r.clock.advance(1500);
			await new Promise(resolve => setTimeout(resolve, 8));
		}

		r.sim.setFaults({});
		const counts = {...r.sim.faultCounts};
		const total = Object.values(counts).reduce((a, b) => a + b, 0);
		assert.ok(total >= 200, `only ${total} faults: ${JSON.stringify(counts)}`);
		for (const name of ['drop', 'expire', 'error', 'throttle', 'slow'] as const) {
			assert.ok(counts[name] > 0, `no ${name} fault in ${JSON.stringify(counts)}`);
		}

		const took = await r.converge('convergence after the faults');
		const truth = serverTruth(r.sim);
		assert.deepEqual(storePicture(r.store.getSnapshot()), truth);
		assert.ok(truth.jobs.length > 5 && truth.pods.length > 5 && truth.cronJobs.length > 0, JSON.stringify({jobs: truth.jobs.length, pods: truth.pods.length}));
		console.log(`# convergence: ${total} faults ${JSON.stringify(counts)}, ${changes} direct changes; converged in ${took} ms; compared ${truth.jobs.length} jobs, ${truth.cronJobs.length} cron jobs, ${truth.pods.length} pods`);
	} finally {
		await r.stop();
	}
});

test('across a restart that loses every object: no ghost of the old world, every new object present', {timeout: 20_000}, async () => {
	const r = await rig(5);
	const churn = churner(9);
	try {
		await r.sim.advance(60_000);
		churn(r.sim);
		await r.converge('the first sync');
		const oldUids = new Set(serverTruth(r.sim).jobs.map(([uid]) => uid));
		await r.sim.restart({keepState: false});
		churn(r.sim);
		await r.sim.advance(30_000);
		const took = await r.converge('convergence to the new world');
		const snapshot = r.store.getSnapshot();
		assert.deepEqual(storePicture(snapshot), serverTruth(r.sim));
		assert.deepEqual([...snapshot.jobs.keys()].filter(uid => oldUids.has(uid)), []);
		console.log(`# restart without state: converged in ${took} ms to ${snapshot.jobs.size} jobs, ${snapshot.pods.size} pods (${oldUids.size} old jobs gone)`);
	} finally {
		await r.stop();
	}
});
