import assert from 'node:assert/strict';
import {test} from 'node:test';
import type {Job, Pod} from '../../../source/kube/types.js';
import {jobRow} from '../../../source/view-model/rows/job-rows.js';
import {at, condition, makeCronJob, makeJob, makePod, now} from '../../helpers/builders.js';
import {makeSnapshot} from '../../helpers/snapshots.js';

function row(job: Job, pods: Pod[] = [], when = now) {
	return jobRow(job, makeSnapshot({jobs: [job], pods}), when);
}

// A Never job that failed three times: the third failure finished 3 s ago, so the controller waits 40 s (10·2²).
function backingOff(): {job: Job; pods: Pod[]} {
	const job = makeJob('report', {created: -120, started: -120, backoffLimit: 4, failed: 3});
	const pods = [
		makePod(job, 'aaaaa', {created: -120, phase: 'Failed', finished: -110}),
		makePod(job, 'bbbbb', {created: -100, phase: 'Failed', finished: -63}),
		makePod(job, 'ccccc', {created: -43, phase: 'Failed', exitCode: 137, reason: 'OOMKilled', finished: -3}),
	];
	return {job, pods};
}

test('BackingOff: RETRY counts down to the controller re-creating the pod, then reads due', () => {
	const {job, pods} = backingOff();
	const first = row(job, pods);
	assert.equal(first.tone, 'warning');
	assert.deepEqual(first.cells, {
		namespace: 'default', name: 'report', status: 'BackingOff', completions: '0/1', active: '0', failed: '3/4 retries',
		retry: 'in 37s', deadline: '', ttl: '', duration: '2m', age: '2m', cronjob: '',
	});
	assert.equal(row(job, pods, now + 36_500).cells.retry, 'in 1s');
	assert.equal(row(job, pods, now + 37_000).cells.retry, 'due');
	assert.equal(row(job, pods, now + 60_000).cells.retry, 'due');
});

test('Running with a DEADLINE counting down from startTime; RETRY blank', () => {
	const job = makeJob('etl', {created: -100, started: -100, active: 1, activeDeadlineSeconds: 200});
	const pods = [makePod(job, 'x1y2z', {created: -99, phase: 'Running'})];
	const result = row(job, pods);
	assert.equal(result.tone, 'running');
	assert.deepEqual([result.cells.status, result.cells.active, result.cells.retry, result.cells.deadline, result.cells.duration], ['Running', '1', '', 'in 1m40s', '100s']);
	assert.equal(row(job, pods, now + 100_000).cells.deadline, 'due');
});

test('Pending while its only pod is still being created', () => {
	const job = makeJob('fresh', {created: -5, started: -5, active: 1});
	const result = row(job, [makePod(job, 'p0d00', {created: -4, phase: 'Pending'})]);
	assert.deepEqual([result.cells.status, result.tone], ['Pending', 'pending']);
});

test('Suspended, Terminating: kubectl\'s words, muted, no countdowns', () => {
	const suspended = row(makeJob('paused', {suspend: true, activeDeadlineSeconds: 60, conditions: [condition('Suspended', -30, 'JobSuspended', 'Job suspended')]}));
	assert.deepEqual([suspended.cells.status, suspended.tone, suspended.cells.deadline, suspended.cells.retry], ['Suspended', 'muted', '', '']);
	const terminating = row(makeJob('going', {started: -50, deleting: -2}));
	assert.deepEqual([terminating.cells.status, terminating.tone], ['Terminating', 'muted']);
});

test('Complete with a TTL counting down to its deletion', () => {
	const job = makeJob('backup', {created: -260, started: -250, completed: -217, succeeded: 1, ttlSecondsAfterFinished: 300, conditions: [condition('SuccessCriteriaMet', -217, 'CompletionsReached'), condition('Complete', -217, 'CompletionsReached')]});
	const result = row(job);
	assert.equal(result.tone, 'success');
	assert.deepEqual([result.cells.status, result.cells.completions, result.cells.ttl, result.cells.duration, result.cells.deadline], ['Complete', '1/1', 'in 1m23s', '33s', '']);
	assert.equal(row(job, [], now + 83_000).cells.ttl, 'due');
});

test('Failed shows its reason, FAILED as the plain count, a TTL from the Failed condition, DURATION up to the failure', () => {
	const job = makeJob('flaky', {started: -300, failed: 5, backoffLimit: 4, ttlSecondsAfterFinished: 600, conditions: [
		condition('FailureTarget', -100, 'BackoffLimitExceeded', 'Job has reached the specified backoff limit'),
		condition('Failed', -100, 'BackoffLimitExceeded', 'Job has reached the specified backoff limit'),
	]});
	const result = row(job);
	assert.equal(result.tone, 'error');
	assert.deepEqual([result.cells.status, result.cells.failed, result.cells.ttl, result.cells.retry, result.cells.duration], ['Failed: BackoffLimitExceeded', '5', 'in 8m20s', '', '3m20s']);
	// kubectl keeps counting a failed job's DURATION (no completionTime); its end is the Failed condition's time.
	assert.equal(row(job, [], now + 3_600_000).cells.duration, '3m20s');
});

test('the 1.31+ interim conditions: FailureTarget with its reason, SuccessCriteriaMet', () => {
	const failing = row(makeJob('late', {started: -60, activeDeadlineSeconds: 30, conditions: [condition('FailureTarget', -30, 'DeadlineExceeded', 'Job was active longer than specified deadline')]}));
	assert.deepEqual([failing.cells.status, failing.tone, failing.cells.deadline, failing.cells.ttl], ['FailureTarget: DeadlineExceeded', 'error', '', '']);
	const succeeding = row(makeJob('done-ish', {started: -60, succeeded: 1, ttlSecondsAfterFinished: 10, conditions: [condition('SuccessCriteriaMet', -1, 'CompletionsReached')]}));
	// The TTL clock starts only at Complete, not at the interim condition.
	assert.deepEqual([succeeding.cells.status, succeeding.tone, succeeding.cells.ttl], ['SuccessCriteriaMet', 'success', '']);
});

test('OnFailure: a pod in CrashLoopBackOff makes the job BackingOff; RETRY is the kubelet\'s restart time', () => {
	const job = makeJob('crashy', {started: -200, active: 1, restartPolicy: 'OnFailure'});
	const pod = makePod(job, 'c4sh1', {
		created: -200,
		phase: 'Running',
		restartCount: 3,
		waiting: {reason: 'CrashLoopBackOff', message: 'back-off 40s restarting failed container=main pod=crashy-c4sh1_default(uid-crashy-c4sh1)'},
		lastTerminated: {exitCode: 1, reason: 'Error', finished: -10},
	});
	const result = row(job, [pod]);
	assert.deepEqual([result.cells.status, result.cells.retry, result.tone], ['BackingOff', 'in 30s', 'warning']);
});

test('COMPLETIONS in kubectl\'s formats and the owning CRONJOB', () => {
	const cronJob = makeCronJob('nightly', '0 2 * * *');
	const workQueue = row(makeJob('queue', {completions: null, parallelism: 3, succeeded: 1, active: 2, started: -10, cronJob}));
	assert.deepEqual([workQueue.cells.completions, workQueue.cells.active, workQueue.cells.cronjob], ['1/1 of 3', '2', 'nightly']);
});

test('a tombstone is a muted row marked deleted, without countdowns', () => {
	const job = makeJob('gone', {started: -400, completed: -360, succeeded: 1, ttlSecondsAfterFinished: 60, conditions: [condition('Complete', -360, 'CompletionsReached')]});
	const snapshot = makeSnapshot({deleted: [{object: job, deletedAt: now - 20_000}]});
	const result = jobRow(job, snapshot, now, {deleted: true});
	assert.deepEqual([result.cells.status, result.tone, result.deleted, result.cells.ttl], ['deleted (Complete)', 'muted', true, '']);
});

test('changed within the last 2 s, stale while the jobs watch is not live', () => {
	const job = makeJob('blinky', {started: -10, active: 1});
	const changed = jobRow(job, makeSnapshot({jobs: [job], changedAt: {'uid-blinky': now - 1500}}), now);
	assert.equal(changed.changed, true);
	assert.equal(changed.stale, undefined);
	const settled = jobRow(job, makeSnapshot({jobs: [job], changedAt: {'uid-blinky': now - 2500}}), now);
	assert.equal(settled.changed, undefined);
	const stale = jobRow(job, makeSnapshot({jobs: [job], watch: {jobs: {phase: 'reconnecting', nextAttemptAt: now + 4000, attempt: 2, error: 'ECONNRESET'}}}), now);
	assert.equal(stale.stale, true);
	assert.equal(at(0), '2026-11-23T12:00:00.000Z');
});

test('a parallel job keeps Running while one slot waits out the backoff: RETRY shows beside it', () => {
	const job = makeJob('fanout', {completions: 4, parallelism: 2, started: -120, active: 1, failed: 1});
	const pods = [
		makePod(job, 'ok001', {created: -120, phase: 'Running'}),
		makePod(job, 'bad01', {created: -100, phase: 'Failed', finished: -5}),
	];
	const result = row(job, pods);
	assert.deepEqual([result.cells.status, result.cells.active, result.cells.failed, result.cells.retry], ['Running', '1', '1/6 retries', 'in 5s']);
});

test('a tombstoned pod never counts as active', () => {
	const job = makeJob('ghost', {started: -60, failed: 1});
	const failed = makePod(job, 'f0000', {created: -60, phase: 'Failed', finished: -4});
	const vanished = makePod(job, 'v0000', {created: -3, phase: 'Running'});
	const snapshot = makeSnapshot({jobs: [job], pods: [failed], deleted: [{object: vanished, deletedAt: now - 1000}]});
	assert.deepEqual([jobRow(job, snapshot, now).cells.status, jobRow(job, snapshot, now).cells.retry], ['BackingOff', 'in 6s']);
});

test('FAILED counts what the controller counts: 0 on a healthy job, the retries used while it runs, a plain count once done', () => {
	assert.equal(row(makeJob('healthy', {started: -30, active: 1}), []).cells.failed, '0');
	const succeeded = makeJob('flaky-but-done', {started: -300, completed: -10, succeeded: 1, failed: 3, backoffLimit: 3, conditions: [condition('Complete', -10, 'CompletionsReached')]});
	assert.equal(row(succeeded).cells.failed, '3');
	const retrying = makeJob('retrying', {started: -60, active: 1, failed: 2});
	assert.equal(row(retrying, [makePod(retrying, 'r0001', {created: -5})]).cells.failed, '2/6 retries');
	const perIndex = makeJob('per-index', {started: -60, active: 1, failed: 2, completionMode: 'Indexed', completions: 3});
	perIndex.spec.backoffLimitPerIndex = 1;
	assert.equal(row(perIndex).cells.failed, '2');
});

test('FAILED under restartPolicy OnFailure counts the container restarts toward backoffLimit', () => {
	const job = makeJob('crashy', {started: -200, active: 1, restartPolicy: 'OnFailure'});
	const crashing = makePod(job, 'c4sh1', {created: -200, phase: 'Running', restartCount: 3, waiting: {reason: 'CrashLoopBackOff', message: 'back-off 40s restarting failed container=main pod=crashy-c4sh1_default(uid-crashy-c4sh1)'}, lastTerminated: {exitCode: 1, reason: 'Error', finished: -10}});
	assert.equal(row(job, [crashing]).cells.failed, '3/6 restarts');
	// The controller failed it at 6 restarts and deleted the pod (counted as 1 failed), taking its restart count along:
	// BackoffLimitExceeded with fewer failed pods than the limit says the restarts reached it.
	const failed = makeJob('crashed', {started: -600, failed: 1, restartPolicy: 'OnFailure', conditions: [condition('Failed', -5, 'BackoffLimitExceeded', 'Job has reached the specified backoff limit')]});
	assert.equal(row(failed).cells.failed, '1 + 6 restarts');
	// A pod still there after success tells its own restarts.
	const done = makeJob('recovered', {started: -600, completed: -5, succeeded: 1, restartPolicy: 'OnFailure', conditions: [condition('Complete', -5, 'CompletionsReached')]});
	assert.equal(row(done, [makePod(done, 'ok000', {created: -600, phase: 'Succeeded', restartCount: 2, finished: -5})]).cells.failed, '2 restarts');
});

test('a job whose pod cannot pull its image says so, as a warning; one pod running beside it keeps the job Running', () => {
	const job = makeJob('broken-image', {started: -300, active: 1});
	const stuck = makePod(job, 'b4d1m', {created: -300, phase: 'Pending', waiting: {reason: 'ImagePullBackOff', message: 'Back-off pulling image "registry.example.test/missing:1.0"'}});
	const result = row(job, [stuck]);
	assert.deepEqual([result.cells.status, result.tone], ['Pending: ImagePullBackOff', 'warning']);
	const pair = makeJob('pair', {started: -60, active: 2, parallelism: 2, completions: 2});
	const both = row(pair, [makePod(pair, 'run01', {created: -60, phase: 'Running'}), makePod(pair, 'img02', {created: -60, phase: 'Pending', waiting: {reason: 'ErrImagePull'}})]);
	assert.deepEqual([both.cells.status, both.tone], ['Running, 1 ErrImagePull', 'running']);
	// A pod just being created is no reason to alarm anyone.
	assert.equal(row(pair, [makePod(pair, 'new01', {created: -1, phase: 'Pending'})]).cells.status, 'Pending');
});

test('a pod no node can take makes the job Pending: Unschedulable', () => {
	const job = makeJob('huge', {started: -30, active: 1});
	const pod = makePod(job, 'h0g00', {created: -30, phase: 'Pending'});
	pod.status = {phase: 'Pending', conditions: [{type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: '0/1 nodes are available: 1 Insufficient memory.'}]};
	assert.equal(row(job, [pod]).cells.status, 'Pending: Unschedulable');
});
