import {test} from 'node:test';
import type {Job, KubeObject} from '../../../source/kube/types.js';
import {createResourceStore} from '../../../source/store/resource-store.js';
import {flushOnlyClock} from '../../helpers/store-harness.js';
import type {StoreView} from '../../../source/store/types.js';
import {seededRandom} from '../../../source/simulator/random.js';
import {createTableEngine, type TableEngine} from '../../../source/view-model/table/engine.js';
import type {TableQuery, ViewId} from '../../../source/view-model/table/types.js';
import {condition, type JobOptions, makeJob, makePod, now as start} from '../../helpers/builders.js';
import {assertOrderAsFromScratch} from '../../helpers/order-check.js';

// Mostly what job rows hold, plus what turns a filter into a regex, a selector or a negation, and case and spaces.
const keys = [...'jobwe-12-3runigfa', 'J', 'B', ' ', '!', '/', 'l', '=', '^', '.', '*', 'İ'];
// Filters typed elsewhere now and then: the order handed out last is then not the one the typing left off at.
const others = ['', 'job-1', '!job', '-l app=web', '/^web/', 'zzz', 'web job'];
const variants: JobOptions[] = [
	{started: -100, active: 1},
	{started: -300, succeeded: 1, completed: -20, conditions: [condition('Complete', -20)]},
	{started: -300, failed: 4, conditions: [condition('Failed', -10, 'BackoffLimitExceeded')]},
	{suspend: true},
	{started: -50, active: 1, activeDeadlineSeconds: 600},
];

function assertSame(view: ViewId, query: TableQuery, step: string): void {
	assertOrderAsFromScratch(engine, view, snapshotOf(), now, query, `${step}: ${view} ${JSON.stringify(query)}`);
}

let now = start;
let snapshotOf = (): StoreView => {
	throw new Error('no store yet');
};

let engine: TableEngine = createTableEngine();

function typeAndChurn(seed: number, steps: number): void {
	const pick = seededRandom(seed);
	const choose = <T>(items: readonly T[]): T => items[Math.floor(pick() * items.length)]!;
	let version = 0;
	const store = createResourceStore({clock: flushOnlyClock(() => now)});
	snapshotOf = () => store.getSnapshot();
	engine = createTableEngine();
	const stamp = <T extends KubeObject>(object: T): T => ({...object, metadata: {...object.metadata, resourceVersion: String(++version)}});
	const newJob = (): Job => {
		const index = Math.floor(pick() * 40);
		return stamp(makeJob(`${choose(['job', 'web', 'run'])}-${index}${choose(['', '-abc', '-x1'])}`, {
			namespace: choose(['web', 'batch', 'jobs-1']),
			created: -1000 + Math.floor(pick() * 900),
			labels: {app: index % 2 === 0 ? 'web' : 'etl'},
			...choose(variants),
		}));
	};

	store.apply({type: 'relist', kind: 'jobs', objects: Array.from({length: 30}, newJob)});
	for (const kind of ['jobs', 'cronjobs', 'pods', 'events'] as const) {
		store.apply({type: 'status', kind, state: {phase: 'live', since: now}});
	}

	store.flush();
	let query: TableQuery = {filter: '', sort: 'name', hideCompleted: false, allNamespaces: true};
	const edits: Array<[number, () => void]> = [
		[40, () => {
			query = {...query, filter: query.filter + choose(keys)};
		}],
		[15, () => {
			query = {...query, filter: query.filter.slice(0, -1)};
		}],
		[3, () => {
			query = {...query, filter: ''};
		}],
		[3, () => {
			query = {...query, hideCompleted: !query.hideCompleted};
		}],
		[2, () => {
			query = {...query, sort: choose(['name', 'age', 'status'] as const)};
		}],
		[4, () => {
			assertSame('jobs', {...query, filter: choose(others)}, 'elsewhere');
		}],
		[12, () => store.apply({type: 'upsert', kind: 'jobs', object: newJob()})],
		[5, () => {
			const jobs = [...store.getSnapshot().jobs.values()];
			if (jobs.length > 0) {
				store.apply({type: 'delete', kind: 'jobs', object: choose(jobs)});
			}
		}],
		[8, () => {
			const jobs = [...store.getSnapshot().jobs.values()];
			if (jobs.length > 0) {
				store.apply({type: 'upsert', kind: 'pods', object: stamp(makePod(choose(jobs), choose(['a', 'b']), {phase: choose(['Running', 'Failed', 'Succeeded'] as const)}))});
			}
		}],
		[4, () => {
			now += Math.floor(pick() * 30_000);
		}],
		[12, () => {
			store.flush();
		}],
	];
	const total = edits.reduce((sum, [weight]) => sum + weight, 0);
	for (let step = 0; step < steps; step++) {
		let roll = pick() * total;
		const edit = edits.find(([weight]) => (roll -= weight) < 0) ?? edits.at(-1)!;
		edit[1]();
		// Mostly the view being typed into; the pods view now and then, so the jobs orders also miss some changes.
		assertSame(pick() < 0.85 ? 'jobs' : 'pods', query, `seed ${seed} step ${step}`);
	}
}

for (const seed of [11, 12, 13, 14, 15, 16]) {
	test(`typing and backspacing a filter under store events keeps the order equal to a rebuild (seed ${seed})`, () => {
		typeAndChurn(seed, 500);
	});
}
