import assert from 'node:assert/strict';
import {test} from 'node:test';
import {createManualClock} from '../../../source/store/clock.js';
import {createResourceStore} from '../../../source/store/resource-store.js';
import {jobState} from '../../../source/view-model/rows/job-status.js';
import {createTableEngine} from '../../../source/view-model/table/engine.js';
import {ListEntries} from '../../../source/view-model/table/list-entries.js';
import {jobRow} from '../../../source/view-model/rows/job-rows.js';
import {podRow} from '../../../source/view-model/rows/pod-rows.js';
import {JobStates} from '../../../source/view-model/table/row-cache.js';
import {entryRow} from '../../../source/view-model/table/list-entry.js';
import {podsOfJob} from '../../../source/view-model/lookups.js';
import {makeJob, makePod, now} from '../../helpers/builders.js';
import {makeSnapshot} from '../../helpers/snapshots.js';

const job = makeJob('alpha', {namespace: 'web', created: -300, started: -300, active: 1});
const running = makePod(job, 'a1b2c', {created: -290, phase: 'Running'});

test('an unchanged job and pods give back the very same state, across views', () => {
	const states = new JobStates();
	const snapshot = makeSnapshot({jobs: [job], pods: [running]});
	const first = states.state(job, snapshot);
	assert.deepEqual(first, jobState(job, podsOfJob(snapshot, 'uid-alpha')));
	assert.equal(states.state(job, makeSnapshot({jobs: [job], pods: [running]})), first);
});

test('a replaced pod, a tombstoned pod or a new pod work the state out again', () => {
	const states = new JobStates();
	const snapshot = makeSnapshot({jobs: [job], pods: [running]});
	const first = states.state(job, snapshot);
	const failed = makePod(job, 'a1b2c', {created: -290, phase: 'Failed', finished: -5, exitCode: 1});
	const withFailed = makeSnapshot({jobs: [job], pods: [failed]});
	assert.notEqual(states.state(job, withFailed), first);
	assert.deepEqual(states.state(job, withFailed), jobState(job, podsOfJob(withFailed, 'uid-alpha')));
	const tombstoned = makeSnapshot({jobs: [job], pods: [], deleted: [{object: running, deletedAt: now - 1000}]});
	assert.deepEqual(states.state(job, tombstoned), jobState(job, podsOfJob(tombstoned, 'uid-alpha')));
	const second = makePod(job, 'x9y8z', {created: -10, phase: 'Running'});
	const withTwo = makeSnapshot({jobs: [job], pods: [running, second]});
	assert.deepEqual(states.state(job, withTwo), jobState(job, podsOfJob(withTwo, 'uid-alpha')));
});

test('a pod the store took in since the view was published counts at once: the maps are the store\'s', () => {
	const store = createResourceStore({clock: createManualClock(now)});
	const states = new JobStates();
	store.apply({type: 'relist', kind: 'jobs', objects: [job]});
	store.apply({type: 'relist', kind: 'pods', objects: [running]});
	store.flush();
	const view = store.getSnapshot();
	assert.equal(states.state(job, view).word, 'Running');
	store.apply({type: 'upsert', kind: 'pods', object: makePod(job, 'a1b2c', {created: -290, phase: 'Pending'})});
	assert.deepEqual(states.state(job, view), jobState(job, podsOfJob(view, 'uid-alpha')));
	assert.equal(states.state(job, view).word, 'Pending');
});

test('entries are kept per object; their rows equal the full rows', () => {
	const entries = new ListEntries(new JobStates());
	const snapshot = makeSnapshot({jobs: [job], pods: [running]});
	const entry = entries.job(job, snapshot);
	assert.equal(entries.job(job, makeSnapshot({jobs: [job], pods: [running]})), entry);
	assert.notEqual(entries.job(job, snapshot, now), entry);
	const row = entryRow(entry, snapshot, now);
	assert.deepEqual(row, jobRow(job, snapshot, now));
	const later = entryRow(entry, snapshot, now + 1000);
	assert.equal(later.cells.age, '5m1s');
	assert.deepEqual(later, jobRow(job, snapshot, now + 1000));
	assert.deepEqual(entryRow(entries.job(job, snapshot, now), snapshot, now), jobRow(job, snapshot, now, {deleted: true}));
	assert.equal(entries.pod(running), entries.pod(running));
	assert.deepEqual(entryRow(entries.pod(running, now), snapshot, now), podRow(running, snapshot, now, true));
	// A deleted row's clocks stop when it was seen deleted: its AGE no longer counts.
	assert.equal(entryRow(entries.job(job, snapshot, now), snapshot, now + 60_000).cells.age, row.cells.age);
	assert.equal(entryRow(entries.pod(running, now), snapshot, now + 60_000).cells.age, entryRow(entries.pod(running), snapshot, now).cells.age);
});

test('an engine gives back the very same row for the same entry, view and time, and a new one for a later time', () => {
	const engine = createTableEngine();
	const snapshot = makeSnapshot({jobs: [job], pods: [running]});
	const query = {filter: '', sort: 'name', hideCompleted: false, allNamespaces: false} as const;
	const row = engine.table('jobs', snapshot, now, query).rows.at(0);
	assert.equal(engine.table('jobs', snapshot, now, {...query}).rows.at(0), row);
	assert.deepEqual(row, jobRow(job, snapshot, now));
	assert.notEqual(engine.table('jobs', snapshot, now + 1000, query).rows.at(0), row);
});

test('two engines share nothing: each works its entries out for itself', () => {
	const snapshot = makeSnapshot({jobs: [job], pods: [running]});
	const query = {filter: '', sort: 'name', hideCompleted: false, allNamespaces: false} as const;
	const one = createTableEngine();
	const other = createTableEngine();
	assert.notEqual(one.order('jobs', snapshot, now, query).entries[0], other.order('jobs', snapshot, now, query).entries[0]);
	assert.deepEqual(one.table('jobs', snapshot, now, query).ids, other.table('jobs', snapshot, now, query).ids);
});
