import assert from 'node:assert/strict';
import {test} from 'node:test';
import {jobState} from '../../../source/view-model/rows/job-status.js';
import {entryRow} from '../../../source/view-model/table/list-entry.js';
import {jobEntry, podEntry} from '../../../source/view-model/table/list-entries.js';
import {jobRow} from '../../../source/view-model/rows/job-rows.js';
import {podRow} from '../../../source/view-model/rows/pod-rows.js';
import {cachedJobState} from '../../../source/view-model/table/row-cache.js';
import {podsOfJob} from '../../../source/view-model/lookups.js';
import {makeJob, makePod, now} from '../../helpers/builders.js';
import {makeSnapshot} from '../../helpers/snapshots.js';

const job = makeJob('alpha', {namespace: 'web', created: -300, started: -300, active: 1});
const running = makePod(job, 'a1b2c', {created: -290, phase: 'Running'});

test('an unchanged job and pods give back the very same state, across snapshots', () => {
	const snapshot = makeSnapshot({jobs: [job], pods: [running]});
	const first = cachedJobState(job, snapshot);
	assert.deepEqual(first, jobState(job, podsOfJob(snapshot, 'uid-alpha')));
	assert.equal(cachedJobState(job, makeSnapshot({jobs: [job], pods: [running]})), first);
});

test('a replaced pod, a tombstoned pod or a new pod work the state out again', () => {
	const snapshot = makeSnapshot({jobs: [job], pods: [running]});
	const first = cachedJobState(job, snapshot);
	const failed = makePod(job, 'a1b2c', {created: -290, phase: 'Failed', finished: -5, exitCode: 1});
	const withFailed = makeSnapshot({jobs: [job], pods: [failed]});
	assert.notEqual(cachedJobState(job, withFailed), first);
	assert.deepEqual(cachedJobState(job, withFailed), jobState(job, podsOfJob(withFailed, 'uid-alpha')));
	const tombstoned = makeSnapshot({jobs: [job], pods: [], deleted: [{object: running, deletedAt: now - 1000}]});
	assert.deepEqual(cachedJobState(job, tombstoned), jobState(job, podsOfJob(tombstoned, 'uid-alpha')));
	const second = makePod(job, 'x9y8z', {created: -10, phase: 'Running'});
	const withTwo = makeSnapshot({jobs: [job], pods: [running, second]});
	assert.deepEqual(cachedJobState(job, withTwo), jobState(job, podsOfJob(withTwo, 'uid-alpha')));
});

test('entries are kept per object; their rows equal the full rows and are reused for the same snapshot and time', () => {
	const snapshot = makeSnapshot({jobs: [job], pods: [running]});
	const entry = jobEntry(job, snapshot, false);
	assert.equal(jobEntry(job, makeSnapshot({jobs: [job], pods: [running]}), false), entry);
	assert.notEqual(jobEntry(job, snapshot, true), entry);
	const row = entryRow(entry, snapshot, now);
	assert.deepEqual(row, jobRow(job, snapshot, now));
	assert.equal(entryRow(entry, snapshot, now), row);
	const later = entryRow(entry, snapshot, now + 1000);
	assert.equal(later.cells.age, '5m1s');
	assert.deepEqual(later, jobRow(job, snapshot, now + 1000));
	assert.deepEqual(entryRow(jobEntry(job, snapshot, true), snapshot, now), jobRow(job, snapshot, now, {deleted: true}));
	assert.equal(podEntry(running, false), podEntry(running, false));
	assert.deepEqual(entryRow(podEntry(running, true), snapshot, now), podRow(running, snapshot, now, true));
});
