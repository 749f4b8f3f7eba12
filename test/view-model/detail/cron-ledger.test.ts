import assert from 'node:assert/strict';
import {test} from 'node:test';
import {ledgerFormat, ledgerRun, ledgerVersion, type CronLedger, type LedgerRun} from '../../../source/archive/ledger.js';
import type {CronJob, Job} from '../../../source/kube/types.js';
import {deadMan, ledgerLines, percentile} from '../../../source/view-model/detail/cron-ledger.js';

const t0 = Date.parse('2026-03-02T10:00:00Z');
const minute = 60_000;
const cronJob = {apiVersion: 'batch/v1', kind: 'CronJob', metadata: {name: 'nightly', namespace: 'batch', uid: 'cj'}, spec: {schedule: '*/5 * * * *', jobTemplate: {spec: {template: {spec: {containers: []}}}}}} as unknown as CronJob;

function run(index: number, outcome: LedgerRun['outcome'], seconds = 10, extra: Partial<LedgerRun> = {}): LedgerRun {
	const scheduledAt = t0 + (index * 5 * minute);
	return {uid: `u${index}`, name: `nightly-${index}`, manual: false, scheduledAt, createdAt: scheduledAt, startedAt: scheduledAt + 2000, finishedAt: outcome === 'running' ? undefined : scheduledAt + 2000 + (seconds * 1000), outcome, ...extra};
}

const ledger = (runs: LedgerRun[], watchingSince = t0): CronLedger => ({format: ledgerFormat, version: ledgerVersion, context: 'ctx', namespace: 'batch', cronJob: {uid: 'cj', name: 'nightly'}, watchingSince, runs});
const texts = (lines: ReadonlyArray<{text: string}>) => lines.map(line => line.text);

test('the ledger reads as a strip, a success rate, percentiles, the last failure however old, and a slow-down flag', () => {
	const runs = [run(0, 'succeeded'), run(1, 'failed', 10, {reason: 'BackoffLimitExceeded'}), run(2, 'succeeded'), run(3, 'succeeded', 12), run(4, 'succeeded'), run(5, 'succeeded', 45), run(6, 'running', 0, {manual: true, scheduledAt: undefined})];
	const now = t0 + (31 * minute);
	assert.deepEqual(texts(ledgerLines(ledger(runs), cronJob, now)), [
		'Run ledger since 2026-03-02T10:00:00Z (31m ago): the runs the cluster still had then, and all since',
		'  ✓✗✓✓✓✓●  7 runs seen (1 manual), oldest first',
		'  83% succeeded (5 of 6) · duration p50 10s, p95 45s · start latency p50 2s',
		'  ⚠ slowing down: the last run took 45s, over twice the p50 of 10s',
		'  last failure: nightly-1, 25m ago (BackoffLimitExceeded)',
	]);
	assert.equal(percentile([3, 1, 2], 0.5), 2);
	assert.equal(percentile([], 0.5), undefined);
});

test('the dead-man flag: no success within two periods of watching, quiet while suspended or watched for less', () => {
	const failing = ledger([run(0, 'succeeded'), run(1, 'failed'), run(2, 'failed')]);
	// Last success ended at 10:00:12; two 5-minute periods later it is overdue.
	assert.equal(deadMan(failing, cronJob, t0 + (9 * minute)), undefined);
	assert.match(deadMan(failing, cronJob, t0 + (11 * minute)) ?? '', /^no successful run in two periods: the last one ended 10m ago \(it runs every 5m\)$/);
	assert.match(deadMan(ledger([]), cronJob, t0 + (12 * minute)) ?? '', /^no successful run in 12m of watching/);
	assert.equal(deadMan(ledger([], t0 + (8 * minute)), cronJob, t0 + (12 * minute)), undefined, 'not watched for two periods yet');
	assert.equal(deadMan(failing, {...cronJob, spec: {...cronJob.spec, suspend: true}}, t0 + (60 * minute)), undefined);
	assert.ok(texts(ledgerLines(failing, cronJob, t0 + (11 * minute))).some(text => text.startsWith('  ⚠ no successful run in two periods')));
});

test('a job becomes a ledger run: scheduled time from the controller\'s annotation, manual runs marked, the failure\'s reason kept', () => {
	const job = {
		metadata: {name: 'nightly-1', uid: 'u1', creationTimestamp: '2026-03-02T10:05:01Z', annotations: {'batch.kubernetes.io/cronjob-scheduled-timestamp': '2026-03-02T10:05:00Z'}},
		spec: {template: {spec: {containers: []}}},
		status: {startTime: '2026-03-02T10:05:02Z', conditions: [{type: 'Failed', status: 'True', reason: 'DeadlineExceeded', lastTransitionTime: '2026-03-02T10:06:00Z'}]},
	} as unknown as Job;
	assert.deepEqual(ledgerRun(job), {
		uid: 'u1', name: 'nightly-1', manual: false, outcome: 'failed', scheduledAt: Date.parse('2026-03-02T10:05:00Z'), createdAt: Date.parse('2026-03-02T10:05:01Z'),
		startedAt: Date.parse('2026-03-02T10:05:02Z'), finishedAt: Date.parse('2026-03-02T10:06:00Z'), reason: 'DeadlineExceeded',
	});
	const manual = {...job, metadata: {...job.metadata, annotations: {'cronjob.kubernetes.io/instantiate': 'manual'}}, status: {}} as unknown as Job;
	assert.equal(ledgerRun(manual).manual, true);
	assert.equal(ledgerRun(manual).outcome, 'running');
	assert.equal(ledgerRun(manual).scheduledAt, undefined);
});
