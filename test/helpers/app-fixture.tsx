/**
Test-only: the cluster the frame tests draw, and a helper that renders the App at a fixed size with a manual clock.
*/
import {render} from 'ink-testing-library';
import type {AccessSource, RequestHandler} from '../../source/state/types.js';
import {App} from '../../source/app.js';
import {condition, cronChild, makeCronJob, makeJob, makePod, now} from './builders.js';
import type {SnapshotParts} from './snapshots.js';
import {fixedAccess, manualClock, settle, testStore} from './app.js';

const nightly = makeCronJob('nightly', '*/5 * * * *', {namespace: 'batch', lastSchedule: -60, lastSuccess: -50});
const nightlyRun = cronChild(nightly, -60, {namespace: 'batch', started: -60, completed: -50, succeeded: 1, conditions: [condition('Complete', -50)]});
const pi = makeJob('pi', {namespace: 'batch', created: -50, started: -50, active: 1});
const boom = makeJob('boom', {namespace: 'batch', created: -300, started: -300, failed: 2, backoffLimit: 1,
	conditions: [condition('Failed', -10, 'BackoffLimitExceeded', 'Job has reached the specified backoff limit')]});
const indexed = makeJob('shards', {namespace: 'default', created: -120, started: -120, completions: 4, parallelism: 2, completionMode: 'Indexed', active: 1, succeeded: 2, completedIndexes: '0-1'});

/** The objects of the frame tests. */
export const cluster: SnapshotParts = {
	cronJobs: [nightly],
	jobs: [pi, boom, nightlyRun, indexed],
	pods: [
		makePod(pi, 'x7k2q', {created: -50}),
		makePod(boom, 'aaaaa', {phase: 'Failed', created: -300, finished: -280}),
		makePod(boom, 'bbbbb', {phase: 'Failed', created: -270, finished: -20}),
		makePod(nightlyRun, 'c4f5g', {phase: 'Succeeded', created: -60, finished: -50}),
		makePod(indexed, 'r2d2a', {index: 2, created: -30}),
	],
};

/** Options of a frame test. */
export type FrameOptions = {
	readonly columns?: number;
	readonly rows?: number;
	readonly parts?: SnapshotParts;
	readonly onRequest?: RequestHandler;
	/** What the app may do (default: writable, everything allowed). */
	readonly access?: AccessSource;
};

const writable = fixedAccess();

/** Renders the App on the test cluster (namespace scope: all) and waits for the first frame. */
export async function renderApp(options: FrameOptions = {}) {
	const store = testStore(options.parts ?? cluster);
	const clock = manualClock(now);
	let quits = 0;
	const size = {columns: options.columns ?? 100, rows: options.rows ?? 30};
	const instance = render(
		<App
			store={store} clock={clock} size={size} onQuit={() => quits++} noColor
			info={{context: 'kind-kjobs', server: 'https://127.0.0.1:6443', namespace: undefined, readOnly: true, demo: true}}
			{...(options.onRequest ? {onRequest: options.onRequest} : {})}
			access={options.access ?? writable}
		/>,
	);
	await settle();
	const frame = () => instance.lastFrame() ?? '';
	const lines = () => frame().split('\n');
	const press = async (...keys: string[]) => {
		for (const key of keys) {
			instance.stdin.write(key);
			await settle();
		}
	};

	return {instance, store, clock, size, frame, lines, press, quits: () => quits};
}
