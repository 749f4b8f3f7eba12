import assert from 'node:assert/strict';
import {test} from 'node:test';
import {jobRow} from '../../source/view-model/job-rows.js';
import {cachedJobRow} from '../../source/view-model/row-cache.js';
import {makeJob, makePod, now} from './builders.js';
import {makeSnapshot} from './helpers.js';

const job = makeJob('alpha', {namespace: 'web', created: -300, started: -300, active: 1});
const running = makePod(job, 'a1b2c', {created: -290, phase: 'Running'});

test('an unchanged job, pods and clock give back the very same row', () => {
	const snapshot = makeSnapshot({jobs: [job], pods: [running]});
	const first = cachedJobRow(job, snapshot, now, false);
	assert.deepEqual(first, jobRow(job, snapshot, now));
	assert.equal(cachedJobRow(job, makeSnapshot({jobs: [job], pods: [running]}), now, false), first);
});

test('a clock tick, a replaced pod or a tombstoned pod recompute the row', () => {
	const snapshot = makeSnapshot({jobs: [job], pods: [running]});
	const first = cachedJobRow(job, snapshot, now, false);
	const later = cachedJobRow(job, snapshot, now + 1000, false);
	assert.notEqual(later, first);
	assert.equal(later.cells.age, '5m1s');
	const failed = makePod(job, 'a1b2c', {created: -290, phase: 'Failed', finished: -5, exitCode: 1});
	const withFailed = makeSnapshot({jobs: [job], pods: [failed]});
	assert.deepEqual(cachedJobRow(job, withFailed, now, false), jobRow(job, withFailed, now));
	const tombstoned = makeSnapshot({jobs: [job], pods: [], deleted: [{object: running, deletedAt: now - 1000}]});
	assert.deepEqual(cachedJobRow(job, tombstoned, now, false), jobRow(job, tombstoned, now));
	assert.deepEqual(cachedJobRow(job, tombstoned, now, true), jobRow(job, tombstoned, now, {deleted: true}));
});
