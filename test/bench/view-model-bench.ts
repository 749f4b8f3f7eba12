/**
`node --import tsx test/bench/view-model-bench.ts [--jobs N --pods N --cronjobs N]`: the list table's cost in process,
at scale under simulated churn: per snapshot (with the store's events, then the frame alone), per key press between two
snapshots (events applied, not yet published), per clock tick, per j/k (same snapshot and time), per filter keystroke,
and per snapshot of the pods view (50,000 pods).
*/
import type {CronJob, Job, KubeObject, Pod} from '../../source/kube/types.js';
import {ManualClock} from '../../source/simulator/clock.js';
import {startScaleSimulator} from '../../source/simulator/scenarios/scale/scale.js';
import {createResourceStore} from '../../source/store/resource-store.js';
import {flushOnlyClock} from '../helpers/store-harness.js';
import {createTableEngine} from '../../source/view-model/table/engine.js';
import type {TableQuery, ViewId} from '../../source/view-model/table/types.js';

const flag = (name: string, fallback: number) => {
	const at = process.argv.indexOf(`--${name}`);
	return at === -1 ? fallback : Number(process.argv[at + 1]);
};

const start = Date.parse('2026-11-23T12:00:00Z');
const scale = await startScaleSimulator({jobs: flag('jobs', 10_000), cronJobs: flag('cronjobs', 1000), pods: flag('pods', 50_000), churn: 0, clock: new ManualClock(start)});
const {store: sim} = scale.simulator;
const jobs = sim.list<Job>('Job');
const pods = sim.list<Pod>('Pod');
const cronJobs = sim.list<CronJob>('CronJob');
await scale.stop();

let now = start;
const store = createResourceStore({clock: flushOnlyClock(() => now)});
const engine = createTableEngine();
store.apply({type: 'relist', kind: 'jobs', objects: jobs});
store.apply({type: 'relist', kind: 'pods', objects: pods});
store.apply({type: 'relist', kind: 'cronjobs', objects: cronJobs});
for (const kind of ['jobs', 'pods', 'cronjobs', 'events'] as const) {
	store.apply({type: 'status', kind, state: {phase: 'live', since: now}});
}

store.flush();
let version = 1;
// Fifty events per snapshot (500/s at ten snapshots a second): mostly pod updates, some pod deletions and job updates.
// Without `publish` the events stay pending in the maps, as they are when a key press lands between two snapshots.
const churn = (events = 50, publish = true) => {
	for (let i = 0; i < events; i++) {
		const pick = Math.floor(Math.random() * pods.length);
		const pod = pods[pick]!;
		if (i % 10 === 0) {
			store.apply({type: 'delete', kind: 'pods', object: pod});
			pods.splice(pick, 1);
		} else if (i % 10 === 1) {
			const job = jobs[Math.floor(Math.random() * jobs.length)]!;
			store.apply({type: 'upsert', kind: 'jobs', object: {...job, metadata: {...job.metadata, resourceVersion: `x${version++}`}} as KubeObject});
		} else {
			const copy = {...pod, metadata: {...pod.metadata, resourceVersion: `x${version++}`}};
			pods[pick] = copy;
			store.apply({type: 'upsert', kind: 'pods', object: copy});
		}
	}

	if (publish) {
		store.flush();
	}
};

const query: TableQuery = {filter: '', sort: 'name', hideCompleted: false, allNamespaces: true};
const frame = (q: TableQuery, view: ViewId = 'jobs') => {
	const snapshot = store.getSnapshot();
	const model = engine.table(view, snapshot, now, q);
	engine.headerCounts(snapshot);
	for (let i = 0; i < 38; i++) {
		model.rows.at(i);
	}

	return model;
};

// Times `step` (or only what follows the `prepare` it is given, when it takes one) over `runs` runs.
const time = (label: string, runs: number, step: () => void, prepare?: () => void) => {
	const ms: number[] = [];
	for (let i = 0; i < runs; i++) {
		prepare?.();
		const from = performance.now();
		step();
		ms.push(performance.now() - from);
	}

	ms.sort((a, b) => a - b);
	process.stdout.write(`${label.padEnd(28)} median ${ms[Math.floor(runs / 2)]!.toFixed(2)} ms, p95 ${ms[Math.floor(runs * 0.95)]!.toFixed(2)} ms\n`);
};

frame(query);
time('snapshot (50 events)', 60, () => {
	churn();
	now += 100;
	frame(query);
});
time('  of which the frame', 60, () => frame(query), () => {
	churn();
	now += 100;
});
time('key between snapshots', 60, () => frame(query), () => {
	// A snapshot drawn, then half a snapshot's events the store has applied but not yet published: the table follows
	// the maps (types.ts `pending`), as when a key press lands between two notifications.
	churn();
	frame(query);
	churn(25, false);
	now += 10;
});
time('clock tick', 30, () => {
	now += 1000;
	frame(query);
});
time('j/k (same snapshot, time)', 100, () => frame(query));
let typed = '';
time('filter keystroke', 6, () => {
	typed += 'batch-'[typed.length] ?? '';
	frame({...query, filter: typed});
});
time('snapshot with a filter', 30, () => {
	churn();
	now += 100;
	frame({...query, filter: 'batch-'});
});
frame(query, 'pods');
time('pods view snapshot', 30, () => frame(query, 'pods'), () => {
	churn();
	now += 100;
});
