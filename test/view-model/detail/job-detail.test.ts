import assert from 'node:assert/strict';
import {test} from 'node:test';
import {completionGrid, parseIndexes} from '../../../source/view-model/detail/completion-grid.js';
import {jobDetail} from '../../../source/view-model/detail/job-detail.js';
import {timelineBars} from '../../../source/view-model/detail/job-timeline.js';
import {timelineLines} from '../../../source/view-model/detail/detail-lines.js';
import {condition, makeEvent, makeJob, makePod, now} from '../../helpers/builders.js';
import {makeSnapshot} from '../../helpers/snapshots.js';

// A Never job, backoffLimit 4: failures at -140, -120 (+10 s backoff), -90 (+20 s), then +40 s → the 4th pod at -50.
const job = makeJob('report', {created: -150, started: -150, backoffLimit: 4, failed: 3, active: 1, activeDeadlineSeconds: 600});
const pods = [
	makePod(job, 'aaaaa', {created: -150, phase: 'Failed', finished: -140}),
	makePod(job, 'bbbbb', {created: -130, phase: 'Failed', finished: -120}),
	makePod(job, 'ccccc', {created: -100, phase: 'Failed', exitCode: 137, reason: 'OOMKilled', finished: -90}),
	makePod(job, 'ddddd', {created: -50, phase: 'Running'}),
];
const events = [
	makeEvent(job, 'SuccessfulCreate', 'Created pod: report-aaaaa', -150),
	makeEvent(pods[2]!, 'OOMKilling', 'Memory cgroup out of memory', -90, 'Warning'),
	makeEvent(job, 'SuccessfulCreate', 'Created pod: report-ddddd', -50),
];
const snapshot = makeSnapshot({jobs: [job], pods, events});

test('spec fields with the deadline countdown', () => {
	const detail = jobDetail(snapshot, 'uid-report', now);
	assert.ok(detail);
	assert.deepEqual([detail.name, detail.namespace, detail.status, detail.tone, detail.deleted], ['report', 'default', 'Running', 'running', false]);
	assert.deepEqual(detail.spec.map((field) => `${field.label}: ${field.value}`), [
		'Completions: 1',
		'Parallelism: 1',
		'Completion mode: NonIndexed',
		'Backoff limit: 4',
		'Restart policy: Never',
		'Active deadline: 600s (in 7m30s)',
		'TTL after finished: <unset>',
		'Suspend: False',
		'Started: 2m30s ago',
	]);
	assert.equal(detail.cells.failed, '3/4 retries');
});

test('the attempt timeline: one entry per pod with exit, duration and the doubling backoff gaps', () => {
	const detail = jobDetail(snapshot, 'uid-report', now);
	assert.ok(detail);
	assert.deepEqual(detail.attempts.map((entry) => [entry.name, entry.state, entry.duration, entry.exit, entry.gapAfter ?? '-', entry.end === undefined]), [
		['report-aaaaa', 'failed', '10s', '1 Error', '10s', false],
		['report-bbbbb', 'failed', '10s', '1 Error', '20s', false],
		['report-ccccc', 'failed', '10s', '137 OOMKilled', '40s', false],
		['report-ddddd', 'running', '50s', 'Running', '-', true],
	]);
	assert.deepEqual(timelineBars(detail.attempts, 30, now), [
		'█✗                            ',
		'    █✗                        ',
		'          █✗                  ',
		'                    ▒▒▒▒▒▒▒▒▒▒',
	]);
});

test('timelineBars: empty, tiny width, pending attempts stay visible', () => {
	assert.deepEqual(timelineBars([], 20, now), []);
	const detail = jobDetail(snapshot, 'uid-report', now);
	assert.deepEqual(timelineBars(detail!.attempts, 0, now), ['', '', '', '']);
	const single = timelineBars([{podUid: 'p', name: 'p', state: 'pending', start: now, duration: '0s', exit: 'Pending', deleted: false}], 5, now);
	assert.deepEqual(single, ['░    ']);
});

test('recent events of the job and its pods, newest last, with ages; pods as rows', () => {
	const detail = jobDetail(snapshot, 'uid-report', now);
	assert.ok(detail);
	assert.deepEqual(detail.events.map((event) => [event.age, event.type, event.reason, event.object, event.message, event.count]), [
		['2m30s', 'Normal', 'SuccessfulCreate', 'job/report', 'Created pod: report-aaaaa', 1],
		['90s', 'Warning', 'OOMKilling', 'pod/report-ccccc', 'Memory cgroup out of memory', 1],
		['50s', 'Normal', 'SuccessfulCreate', 'job/report', 'Created pod: report-ddddd', 1],
	]);
	assert.deepEqual(detail.pods.rows.map((row) => [row.cells.name, row.cells.status, row.cells.exit]), [
		['report-aaaaa', 'Error', '1 Error'],
		['report-bbbbb', 'Error', '1 Error'],
		['report-ccccc', 'OOMKilled', '137 OOMKilled'],
		['report-ddddd', 'Running', ''],
	]);
	assert.ok(!detail.pods.columns.some((column) => column.id === 'job'));
});

test('conditions with reason, message and age; a tombstoned job still has a detail', () => {
	const failed = makeJob('doomed', {started: -300, failed: 5, backoffLimit: 4, ttlSecondsAfterFinished: 100, conditions: [
		condition('FailureTarget', -62, 'BackoffLimitExceeded', 'Job has reached the specified backoff limit'),
		condition('Failed', -60, 'BackoffLimitExceeded', 'Job has reached the specified backoff limit'),
	]});
	const live = jobDetail(makeSnapshot({jobs: [failed]}), 'uid-doomed', now);
	assert.deepEqual(live?.conditions, [
		{type: 'FailureTarget', status: 'True', reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit', age: '62s'},
		{type: 'Failed', status: 'True', reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit', age: '60s'},
	]);
	assert.equal(live?.spec.find((field) => field.label === 'TTL after finished')?.value, '100s (in 40s)');
	const tombstone = jobDetail(makeSnapshot({deleted: [{object: failed, deletedAt: now}]}), 'uid-doomed', now + 41_000);
	assert.deepEqual([tombstone?.deleted, tombstone?.status, tombstone?.tone], [true, 'deleted (Failed: BackoffLimitExceeded)', 'muted']);
	assert.equal(tombstone?.spec.find((field) => field.label === 'TTL after finished')?.value, '100s');
	assert.equal(jobDetail(makeSnapshot({}), 'uid-doomed', now), undefined);
});

test('an Indexed job has a completion grid: done, running, failed, pending', () => {
	const indexed = makeJob('shards', {completions: 6, parallelism: 2, completionMode: 'Indexed', succeeded: 3, active: 1, completedIndexes: '0-1,3', failedIndexes: '4', started: -60});
	const indexedPods = [makePod(indexed, 'q1', {index: 2, phase: 'Running'}), makePod(indexed, 'q2', {index: 0, phase: 'Succeeded'})];
	const grid = completionGrid(indexed, indexedPods);
	assert.deepEqual(grid?.cells.map((cell) => `${cell.index}${cell.symbol}`), ['0✓', '1✓', '2●', '3✓', '4✗', '5·']);
	assert.equal(grid?.summary, '3 done · 1 running · 1 failed · 1 pending');
	const detail = jobDetail(makeSnapshot({jobs: [indexed], pods: indexedPods}), 'uid-shards', now);
	assert.deepEqual(detail?.grid, grid);
	assert.deepEqual(detail?.attempts.map((entry) => [entry.name, entry.index]), [['shards-0-q2', 0], ['shards-2-q1', 2]]);
	assert.equal(completionGrid(job, pods), undefined);
});

test('parseIndexes reads interval lists', () => {
	assert.deepEqual([...parseIndexes('0-3,5,7-8', 100)], [0, 1, 2, 3, 5, 7, 8]);
	assert.deepEqual([...parseIndexes('', 10)], []);
	assert.deepEqual([...parseIndexes('8-12', 10)], [8, 9]);
});

test('backoff gaps of an Indexed job run to the same index\'s replacement, not to another index\'s pod', () => {
	const shards = makeJob('shards', {completions: 2, parallelism: 2, completionMode: 'Indexed', started: -120, active: 2, failed: 1});
	const shardPods = [
		makePod(shards, 'zero1', {index: 0, created: -120, phase: 'Failed', finished: -100}),
		makePod(shards, 'one01', {index: 1, created: -119, phase: 'Running'}),
		// The controller waited its 10 s for index 0 only.
		makePod(shards, 'zero2', {index: 0, created: -90, phase: 'Running'}),
	];
	const detail = jobDetail(makeSnapshot({jobs: [shards], pods: shardPods}), 'uid-shards', now);
	assert.deepEqual(detail?.attempts.map((entry) => [entry.name, entry.gapAfter ?? '-']), [['shards-0-zero1', '10s'], ['shards-1-one01', '-'], ['shards-0-zero2', '-']]);
});

test('backoff gaps of a parallel job run to each failure\'s own replacement, not to a sibling started before it ended', () => {
	const fanout = makeJob('fanout', {completions: 4, parallelism: 2, started: -120, active: 2, failed: 2});
	const fanoutPods = [
		makePod(fanout, 'aaaaa', {created: -120, phase: 'Failed', finished: -100}),
		makePod(fanout, 'bbbbb', {created: -119, phase: 'Failed', finished: -95}),
		makePod(fanout, 'ccccc', {created: -90, phase: 'Running'}),
		makePod(fanout, 'ddddd', {created: -75, phase: 'Running'}),
	];
	const detail = jobDetail(makeSnapshot({jobs: [fanout], pods: fanoutPods}), 'uid-fanout', now);
	assert.deepEqual(detail?.attempts.map((entry) => entry.gapAfter ?? '-'), ['10s', '20s', '-', '-']);
});

test('a BackingOff job\'s detail says when the next attempt comes and draws the wait up to now', () => {
	const waiting = makeJob('report', {created: -120, started: -120, backoffLimit: 4, failed: 3, activeDeadlineSeconds: 600});
	const failedPods = [
		makePod(waiting, 'aaaaa', {created: -120, phase: 'Failed', finished: -110}),
		makePod(waiting, 'bbbbb', {created: -100, phase: 'Failed', finished: -63}),
		makePod(waiting, 'ccccc', {created: -43, phase: 'Failed', exitCode: 137, reason: 'OOMKilled', finished: -23}),
	];
	const detail = jobDetail(makeSnapshot({jobs: [waiting], pods: failedPods}), 'uid-report', now);
	assert.ok(detail);
	assert.deepEqual(detail.spec.slice(0, 1).concat(detail.spec.filter((field) => field.label === 'Active deadline')).map((field) => `${field.label}: ${field.value}`), [
		'Next attempt: in 17s',
		'Active deadline: 600s (in 8m)',
	]);
	assert.deepEqual(timelineLines(detail, 80, now).map((line) => line.text), [
		'Attempts (3; axis 2m)',
		'  #1 report-aaaaa 10s 1 Error +10s    ███✗                                      ',
		'  #2 report-bbbbb 37s 1 Error +20s           ████████████✗                      ',
		'  #3 report-ccccc 20s 137 OOMKilled                              ██████✗        ',
		'  … next attempt in 17s (waited 23s)                                    ········',
	]);
});
