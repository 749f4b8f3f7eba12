import assert from 'node:assert/strict';
import {test} from 'node:test';
import {screenData} from '../../source/state/screen-model.js';
import type {Screen, UiState} from '../../source/state/types.js';
import {initialUiState} from '../../source/state/ui-state.js';
import {createTableEngine} from '../../source/view-model/table/engine.js';
import {condition, makeCronJob, makeJob, makePod, now} from '../helpers/builders.js';
import {makeSnapshot} from '../helpers/snapshots.js';

// A cron job with one live run and one deleted run; the live run has a live pod and a deleted one (its first attempt).
const cronJob = makeCronJob('stream', '*/5 * * * *');
const owner = {apiVersion: 'batch/v1', kind: 'CronJob', name: 'stream', uid: cronJob.metadata.uid!, controller: true};
const withOwner = (job: ReturnType<typeof makeJob>) => ({...job, metadata: {...job.metadata, ownerReferences: [owner]}});
const oldRun = withOwner(makeJob('stream-100', {created: -600, started: -600, succeeded: 1, completed: -590, conditions: [condition('Complete', -590)]}));
const run = withOwner(makeJob('stream-200', {created: -120, started: -120, active: 1}));
const firstAttempt = makePod(run, 'aaaaa', {created: -119, phase: 'Failed', finished: -100});
const secondAttempt = makePod(run, 'bbbbb', {created: -90, phase: 'Running'});
const snapshot = makeSnapshot({
	cronJobs: [cronJob],
	jobs: [run, oldRun],
	pods: [secondAttempt, firstAttempt],
	deleted: [{object: oldRun, deletedAt: now - 5000}, {object: firstAttempt, deletedAt: now - 4000}],
});

function at(screen: Screen): UiState {
	const start = initialUiState({namespace: 'default', handlesRequests: true});
	return {...start, stack: [...start.stack, {screen, index: 0, scroll: 0}]};
}

test('the cursor\'s rows are the live ones: a deleted job or pod is drawn (dim, below) but never selectable', () => {
	const engine = createTableEngine();
	const jobs = screenData(engine, at({id: 'jobs'}), snapshot, now, 120);
	assert.equal(jobs.model.kind, 'table');
	assert.deepEqual(jobs.rowIds, [run.metadata.uid]);
	assert.deepEqual(jobs.model.kind === 'table' ? jobs.model.table.ids : [], [run.metadata.uid, oldRun.metadata.uid]);

	const cron = screenData(engine, at({id: 'cronjob-detail', uid: cronJob.metadata.uid!}), snapshot, now, 120);
	assert.deepEqual(cron.rowIds, [run.metadata.uid]);
	// Drawn live first, the deleted run after it, although it is older.
	assert.deepEqual(cron.model.kind === 'cronjob-detail' ? cron.model.model?.jobs.rows.map((row) => [row.id, row.deleted === true]) : [], [[run.metadata.uid, false], [oldRun.metadata.uid, true]]);

	const detail = screenData(engine, at({id: 'job-detail', uid: run.metadata.uid!}), snapshot, now, 120);
	assert.deepEqual(detail.rowIds, [secondAttempt.metadata.uid]);
	assert.deepEqual(detail.model.kind === 'job-detail' ? detail.model.model?.pods.rows.map((row) => row.id) : [], [secondAttempt.metadata.uid, firstAttempt.metadata.uid]);
});
