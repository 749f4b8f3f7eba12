import assert from 'node:assert/strict';
import {test} from 'node:test';
import {createManualClock} from '../../../source/store/clock.js';
import {createResourceStore} from '../../../source/store/resource-store.js';
import {fitColumns} from '../../../source/view-model/fit-columns.js';
import {createTableEngine} from '../../../source/view-model/table/engine.js';
import {allRows, type TableModel} from '../../../source/view-model/table/tables.js';
import type {TableQuery} from '../../../source/view-model/table/types.js';
import {condition, makeJob, makePod, now} from '../../helpers/builders.js';
import {makeSnapshot} from '../../helpers/snapshots.js';

const query: TableQuery = {filter: '', sort: 'name', hideCompleted: false, allNamespaces: false};

const alpha = makeJob('alpha', {namespace: 'web', created: -300, started: -300, active: 1, labels: {app: 'web'}});
const bravo = makeJob('bravo', {namespace: 'batch', created: -100, started: -100, succeeded: 1, completed: -50, conditions: [condition('Complete', -50, 'CompletionsReached')], labels: {app: 'etl'}});
const charlie = makeJob('charlie', {namespace: 'batch', created: -200, started: -200, failed: 7, conditions: [condition('Failed', -20, 'BackoffLimitExceeded')], labels: {app: 'etl'}});
const delta = makeJob('delta-backoff-with-a-rather-long-name', {namespace: 'web', created: -50, started: -50, failed: 1, backoffLimit: 3});
const alphaPod = makePod(alpha, 'a1b2c', {created: -290, phase: 'Running'});
const bravoPod = makePod(bravo, 'b1b2c', {created: -99, phase: 'Succeeded', finished: -51});
const deltaPod = makePod(delta, 'd1d2d', {created: -49, phase: 'Failed', finished: -5, exitCode: 2});
const gone = makeJob('echo', {namespace: 'web', created: -500, started: -500, succeeded: 1, completed: -400, conditions: [condition('Complete', -400)]});
const snapshot = makeSnapshot({
	jobs: [charlie, alpha, delta, bravo],
	pods: [alphaPod, bravoPod, deltaPod],
	deleted: [{object: gone, deletedAt: now - 10_000}],
});

// One engine per store: this one follows `snapshot`'s store; tests on other views make their own.
const engine = createTableEngine();
const names = (model: TableModel) => allRows(model.rows).map((row) => row.cells.name);

test('jobs sorted by name; tombstones included and marked', () => {
	const model = engine.table('jobs', snapshot, now, query);
	assert.deepEqual(names(model), ['alpha', 'bravo', 'charlie', 'delta-backoff-with-a-rather-long-name', 'echo']);
	assert.deepEqual(allRows(model.rows).map((row) => row.cells.status), ['Running', 'Complete', 'Failed: BackoffLimitExceeded', 'BackingOff', 'deleted (Complete)']);
	assert.deepEqual(allRows(model.rows).map((row) => row.tone), ['running', 'success', 'error', 'warning', 'muted']);
	assert.equal(model.rows.at(4)?.deleted, true);
	assert.equal(model.rows.at(3)?.cells.retry, 'in 5s');
	assert.deepEqual(model.columns.map((column) => column.id), ['name', 'status', 'completions', 'active', 'failed', 'retry', 'deadline', 'ttl', 'duration', 'age', 'cronjob']);
	assert.deepEqual(allRows(model.rows).map((row) => row.id), ['uid-alpha', 'uid-bravo', 'uid-charlie', 'uid-delta-backoff-with-a-rather-long-name', 'uid-echo']);
});

test('columns are sized to their content', () => {
	const model = engine.table('jobs', snapshot, now, query);
	const byId = Object.fromEntries(model.columns.map((column) => [column.id, column]));
	assert.equal(byId.name?.maxWidth, 'delta-backoff-with-a-rather-long-name'.length);
	assert.equal(byId.status?.maxWidth, 'Failed: BackoffLimitExceeded'.length);
	assert.equal(byId.name?.priority, 0);
	assert.equal(byId.status?.priority, 0);
});

test('fitColumns at 80 and 120 columns keeps NAME and STATUS, and cuts the name before AGE, FAILED, TTL or DEADLINE go', () => {
	const model = engine.table('jobs', snapshot, now, {...query, allNamespaces: true});
	const at80 = fitColumns(model.columns, 80);
	assert.deepEqual(at80.map((column) => `${column.id}:${column.width}`), ['namespace:9', 'name:12', 'status:13', 'completions:11', 'failed:6', 'retry:5', 'deadline:8', 'ttl:3', 'age:5']);
	const at120 = fitColumns(model.columns, 120);
	assert.deepEqual(at120.map((column) => `${column.id}:${column.width}`), ['namespace:9', 'name:23', 'status:28', 'completions:11', 'failed:11', 'retry:5', 'deadline:8', 'ttl:3', 'duration:8', 'age:5']);
	for (const fitted of [at80, at120]) {
		assert.ok(fitted.reduce((sum, column) => sum + column.width, 0) + fitted.length - 1 <= (fitted === at80 ? 80 : 120));
	}
});

test('allNamespaces adds NAMESPACE and sorts by namespace, then name', () => {
	const model = engine.table('jobs', snapshot, now, {...query, allNamespaces: true});
	assert.equal(model.columns[0]?.id, 'namespace');
	assert.deepEqual(names(model), ['bravo', 'charlie', 'alpha', 'delta-backoff-with-a-rather-long-name', 'echo']);
});

test('sort by age puts the newest first; by status the most urgent first', () => {
	assert.deepEqual(names(engine.table('jobs', snapshot, now, {...query, sort: 'age'})), ['delta-backoff-with-a-rather-long-name', 'bravo', 'charlie', 'alpha', 'echo']);
	assert.deepEqual(names(engine.table('jobs', snapshot, now, {...query, sort: 'status'})), ['charlie', 'delta-backoff-with-a-rather-long-name', 'alpha', 'bravo', 'echo']);
});

test('filter: substring over the row text, regex, negation, labels; a bad regex shows an error and no rows', () => {
	assert.deepEqual(names(engine.table('jobs', snapshot, now, {...query, filter: 'backoff'})), ['charlie', 'delta-backoff-with-a-rather-long-name']);
	assert.deepEqual(names(engine.table('jobs', snapshot, now, {...query, filter: '/^(alpha|echo) /'})), ['alpha', 'echo']);
	assert.deepEqual(names(engine.table('jobs', snapshot, now, {...query, filter: '!complete'})), ['alpha', 'charlie', 'delta-backoff-with-a-rather-long-name']);
	assert.deepEqual(names(engine.table('jobs', snapshot, now, {...query, filter: '-l app=etl'})), ['bravo', 'charlie']);
	const bad = engine.table('jobs', snapshot, now, {...query, filter: '/[/'});
	assert.deepEqual(allRows(bad.rows), []);
	assert.match(bad.filterError ?? '', /^invalid regex/);
	assert.equal(engine.table('jobs', snapshot, now, query).filterError, undefined);
});

test('hideCompleted hides Succeeded pods (and Complete jobs)', () => {
	const pods = engine.table('pods', snapshot, now, query);
	assert.deepEqual(names(pods), ['alpha-a1b2c', 'bravo-b1b2c', 'delta-backoff-with-a-rather-long-name-d1d2d']);
	assert.deepEqual(allRows(pods.rows).map((row) => [row.cells.status, row.cells.exit, row.cells.job, row.tone]), [
		['Running', '', 'alpha', 'running'],
		['Completed', '0 Completed', 'bravo', 'success'],
		['Error', '2 Error', 'delta-backoff-with-a-rather-long-name', 'error'],
	]);
	assert.deepEqual(names(engine.table('pods', snapshot, now, {...query, hideCompleted: true})), ['alpha-a1b2c', 'delta-backoff-with-a-rather-long-name-d1d2d']);
	assert.deepEqual(names(engine.table('jobs', snapshot, now, {...query, hideCompleted: true})), ['alpha', 'charlie', 'delta-backoff-with-a-rather-long-name']);
});

test('stale rows while the kind\'s watch is down', () => {
	const engine = createTableEngine();
	const down = makeSnapshot({jobs: [alpha], pods: [alphaPod], watch: {pods: {phase: 'forbidden', message: 'pods is forbidden'}}});
	assert.equal(engine.table('jobs', down, now, query).rows.at(0)?.stale, undefined);
	assert.equal(engine.table('pods', down, now, query).rows.at(0)?.stale, true);
});

test('rows stop being stale as soon as the watch is live again, within the same second and with no object changed', () => {
	const engine = createTableEngine();
	const listing = makeSnapshot({jobs: [alpha], watch: {jobs: {phase: 'listing', listed: 0}}});
	assert.equal(engine.table('jobs', listing, now, query).rows.at(0)?.stale, true);
	// The store publishes a new snapshot over the same maps when only the watch state changed: the order is the very
	// same object, and the model must still be rebuilt for it.
	const live = {...listing, watch: {...listing.watch, jobs: {phase: 'live' as const, since: now}}};
	assert.equal(engine.table('jobs', live, now, query).rows.at(0)?.stale, undefined);
});

test('the cron jobs view lists cron jobs and their tombstones', () => {
	const engine = createTableEngine();
	const model = engine.table('cronjobs', makeSnapshot({}), now, query);
	assert.deepEqual(allRows(model.rows), []);
	assert.deepEqual(model.columns.map((column) => column.id), ['name', 'schedule', 'timezone', 'suspend', 'active', 'lastSchedule', 'lastSuccess', 'next', 'history', 'age']);
});

test('a frame with the same snapshot, time and query gets back the very same model; a tick keeps the order', () => {
	const model = engine.table('jobs', snapshot, now, query);
	assert.equal(engine.table('jobs', snapshot, now, {...query}), model);
	assert.equal(model.rows.at(0), model.rows.at(0));
	const later = engine.table('jobs', snapshot, now + 1000, query);
	assert.notEqual(later, model);
	// No tombstone fades between the two moments, so the filtered, sorted order is the same list.
	assert.equal(later.ids, model.ids);
	assert.equal(later.rows.at(0)?.cells.age, '5m1s');
	// Once echo's tombstone has faded (deleted 10 s before now, shown for a minute) the order is worked out again.
	assert.deepEqual(engine.table('jobs', snapshot, now + 50_000, query).ids, ['uid-alpha', 'uid-bravo', 'uid-charlie', 'uid-delta-backoff-with-a-rather-long-name']);
});

test('time cells are built only for the rows asked for, never while sorting, filtering or sizing', () => {
	let reads = 0;
	const jobs = Array.from({length: 50}, (_unused, index) => {
		const job = makeJob(`job-${String(index).padStart(2, '0')}`, {namespace: 'web', created: -300 + index, started: -300, active: 1});
		const {creationTimestamp} = job.metadata;
		Object.defineProperty(job.metadata, 'creationTimestamp', {
			get() {
				reads++;
				return creationTimestamp;
			},
		});
		return job;
	});
	const many = makeSnapshot({jobs});
	const engine = createTableEngine();
	engine.table('jobs', many, now, query);
	reads = 0;
	const model = engine.table('jobs', many, now + 1000, {...query, sort: 'age', filter: 'job-'});
	assert.equal(reads, 0);
	assert.equal(model.rows.length, 50);
	assert.equal(model.rows.at(0)?.cells.age, '4m12s');
	assert.equal(reads, 1);
	assert.equal(model.columns.find((column) => column.id === 'age')?.maxWidth, 5);
});

test('the filter matches what does not change with the clock, not ages or countdowns', () => {
	assert.deepEqual(names(engine.table('jobs', snapshot, now, {...query, filter: 'in 5s'})), []);
	assert.deepEqual(names(engine.table('jobs', snapshot, now, {...query, filter: '/^delta\\S* BackingOff 0\\/1 0 1\\/3 retries $/'})), ['delta-backoff-with-a-rather-long-name']);
});

test('an object the store added to its maps before publishing a new view shows at once', () => {
	const store = createResourceStore({clock: createManualClock(now)});
	const engine = createTableEngine();
	store.apply({type: 'relist', kind: 'jobs', objects: [alpha]});
	store.flush();
	const live = store.getSnapshot();
	assert.deepEqual(engine.table('jobs', live, now, query).ids, ['uid-alpha']);
	// The view's maps are the store's: the upsert is in them (and in its pending record) before any notification.
	store.apply({type: 'upsert', kind: 'jobs', object: bravo});
	assert.equal(store.getSnapshot(), live);
	assert.deepEqual(engine.table('jobs', live, now, query).ids, ['uid-alpha', 'uid-bravo']);
});

test('the sorted column says so with ▲, and a reversed sort turns the order around under ▼', () => {
	const titles = (model: TableModel) => model.columns.map((column) => column.title).filter((title) => / [▲▼]$/.test(title));
	const byName = engine.table('jobs', snapshot, now, query);
	assert.deepEqual(titles(byName), ['NAME ▲']);
	const reversed = engine.table('jobs', snapshot, now, {...query, reverse: true});
	assert.deepEqual(titles(reversed), ['NAME ▼']);
	// The live rows turn around; the deleted one (echo) stays below them either way.
	assert.deepEqual(names(reversed), [...names(byName).slice(0, -1)].reverse().concat('echo'));
	assert.deepEqual(names(engine.table('jobs', snapshot, now, {...query, sort: 'age'})), ['delta-backoff-with-a-rather-long-name', 'bravo', 'charlie', 'alpha', 'echo']);
	const oldestFirst = engine.table('jobs', snapshot, now, {...query, sort: 'age', reverse: true});
	assert.deepEqual([titles(oldestFirst), names(oldestFirst)], [['AGE ▼'], ['alpha', 'charlie', 'bravo', 'delta-backoff-with-a-rather-long-name', 'echo']]);
	assert.deepEqual(titles(engine.table('jobs', snapshot, now, {...query, sort: 'status'})), ['STATUS ▲']);
});

test('deleted rows come after the live ones under every sort and direction, and the cursor stops before them', () => {
	for (const sort of ['name', 'age', 'status'] as const) {
		for (const reverse of [false, true]) {
			for (const allNamespaces of [false, true]) {
				const model = engine.table('jobs', snapshot, now, {...query, sort, reverse, allNamespaces});
				assert.equal(names(model).at(-1), 'echo', `${sort} reverse=${reverse}`);
				assert.equal(model.selectable, 4, `${sort} reverse=${reverse}`);
			}
		}
	}

	// Only the deleted row matches: nothing to land on.
	assert.equal(engine.table('jobs', snapshot, now, {...query, filter: 'echo'}).selectable, 0);
	// No deleted rows: every row.
	const live = engine.table('jobs', snapshot, now, {...query, filter: '!echo'});
	assert.equal(live.selectable, live.ids.length);
});

test('a deleted row with a long status and name drops no column, at 80 and 120 cells, and reads whole where there is room', () => {
	const longGone = makeJob('foxtrot-with-an-even-longer-name-than-delta-has', {namespace: 'web', created: -900, started: -900, failed: 7, conditions: [condition('Failed', -800, 'DeadlineExceeded')]});
	const withGhost = makeSnapshot({
		jobs: [charlie, alpha, delta, bravo],
		pods: [alphaPod, bravoPod, deltaPod],
		deleted: [{object: gone, deletedAt: now - 10_000}, {object: longGone, deletedAt: now - 5000}],
	});
	const plain = makeSnapshot({jobs: [charlie, alpha, delta, bravo], pods: [alphaPod, bravoPod, deltaPod]});
	const ghostly = createTableEngine().table('jobs', withGhost, now, query);
	const live = createTableEngine().table('jobs', plain, now, query);
	for (const width of [80, 120]) {
		assert.deepEqual(fitColumns(ghostly.columns, width).map((column) => column.id), fitColumns(live.columns, width).map((column) => column.id), `at ${width}`);
	}

	// Alone, a deleted job's row is not cut to the width of live rows that are gone.
	const alone = createTableEngine().table('jobs', makeSnapshot({deleted: [{object: gone, deletedAt: now - 5000}]}), now, query);
	const status = fitColumns(alone.columns, 120).find((column) => column.id === 'status');
	assert.ok((status?.width ?? 0) >= 'deleted (Complete)'.length, JSON.stringify(status));
});

test('a deleted row\'s AGE and DURATION stop when it was seen deleted', () => {
	const live = createResourceStore({clock: createManualClock(now)});
	live.apply({type: 'relist', kind: 'jobs', objects: [alpha]});
	live.flush();
	live.apply({type: 'delete', kind: 'jobs', object: alpha});
	live.flush();
	const tableEngine = createTableEngine();
	const cells = (at: number) => allRows(tableEngine.table('jobs', live.getSnapshot(), at, query).rows)[0]?.cells;
	const atDelete = cells(now);
	assert.match(atDelete?.status ?? '', /^deleted/);
	assert.deepEqual([cells(now + 30_000)?.age, cells(now + 30_000)?.duration], [atDelete?.age, atDelete?.duration]);
	live.dispose();
});
