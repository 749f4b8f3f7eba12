/**
`node --import tsx test/bench/view-model-bench.ts [--jobs N --pods N --cronjobs N]`: the list table's cost in process,
at scale under simulated churn: per snapshot, per clock tick, per j/k (same snapshot and time) and per filter keystroke.
*/
import type {CronJob, Job, KubeObject, Pod} from '../../source/kube/types.js';
import {ManualClock} from '../../source/simulator/clock.js';
import {startScaleSimulator} from '../../source/simulator/scale.js';
import {createResourceStore} from '../../source/store/resource-store.js';
import {headerCounts} from '../../source/view-model/header.js';
import {type TableQuery, tableModel} from '../../source/view-model/tables.js';

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
const store = createResourceStore({now: () => now, schedule: () => () => {}});
store.apply({type: 'relist', kind: 'jobs', objects: jobs});
store.apply({type: 'relist', kind: 'pods', objects: pods});
store.apply({type: 'relist', kind: 'cronjobs', objects: cronJobs});
for (const kind of ['jobs', 'pods', 'cronjobs', 'events'] as const) {
	store.apply({type: 'status', kind, state: {phase: 'live', since: now}});
}

store.flush();
let version = 1;
// Fifty events per snapshot (500/s at ten snapshots a second): mostly pod updates, some pod deletions and job updates.
const churn = () => {
	for (let i = 0; i < 50; i++) {
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

	store.flush();
};

const query: TableQuery = {filter: '', sort: 'name', hideCompleted: false, allNamespaces: true};
const frame = (q: TableQuery) => {
	const snapshot = store.getSnapshot();
	const model = tableModel('jobs', snapshot, now, q);
	headerCounts(snapshot, now);
	for (let i = 0; i < 38; i++) {
		model.rows.at(i);
	}

	return model;
};

const time = (label: string, runs: number, step: () => void) => {
	const ms: number[] = [];
	for (let i = 0; i < runs; i++) {
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
