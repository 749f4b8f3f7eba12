import assert from 'node:assert/strict';
import {test} from 'node:test';
import type {CronJob, Job} from '../../../../source/kube/types.js';
import {harness, template} from '../../../helpers/controllers-harness.js';

const start = Date.parse('2026-01-01T10:00:30Z');

function cron(name: string, spec: Partial<CronJob['spec']>, run = '5'): CronJob {
	return {metadata: {name}, spec: {schedule: '*/1 * * * *', jobTemplate: {metadata: {labels: {team: 'x'}}, spec: {template: template({'sim.kjobs.io/run-seconds': run})}}, ...spec}};
}

const jobNames = (h: ReturnType<typeof harness>, cronJob: string) => h.store.list<Job>('Job').filter(job => job.metadata.ownerReferences?.[0]?.name === cronJob).map(job => job.metadata.name);

test('*/1 creates one job per minute named <cronjob>-<minutes>, and keeps 3 successful jobs', () => {
	const h = harness(start);
	const cronJob = h.cronJob(cron('tick', {}));
	h.step(29);
	assert.deepEqual(jobNames(h, 'tick'), []);
	h.step(1);
	const first = h.store.get<Job>('Job', 'default', 'tick-29454361')!;
	assert.equal(h.at(first.metadata.creationTimestamp), 30);
	assert.deepEqual(first.metadata.labels, {team: 'x'});
	assert.deepEqual(first.metadata.annotations, {'batch.kubernetes.io/cronjob-scheduled-timestamp': '2026-01-01T10:01:00Z'});
	assert.deepEqual(first.metadata.ownerReferences, [{apiVersion: 'batch/v1', kind: 'CronJob', name: 'tick', uid: cronJob.metadata.uid, controller: true, blockOwnerDeletion: true}]);
	assert.deepEqual(first.spec.selector, {matchLabels: {'batch.kubernetes.io/controller-uid': first.metadata.uid}});
	let status = h.store.get<CronJob>('CronJob', 'default', 'tick')!.status!;
	assert.equal(status.lastScheduleTime, '2026-01-01T10:01:00Z');
	assert.deepEqual(status.active?.map(reference => reference.name), ['tick-29454361']);
	h.step(300);
	// Three finished jobs kept by the history limit, plus the one just started at 10:06.
	assert.deepEqual(jobNames(h, 'tick'), ['tick-29454363', 'tick-29454364', 'tick-29454365', 'tick-29454366']);
	status = h.store.get<CronJob>('CronJob', 'default', 'tick')!.status!;
	assert.equal(status.lastScheduleTime, '2026-01-01T10:06:00Z');
	assert.equal(status.lastSuccessfulTime, '2026-01-01T10:05:07Z');
	assert.deepEqual(status.active?.map(reference => reference.name), ['tick-29454366']);
	const reasons = h.events('tick').map(event => `${event.reason}: ${event.message}`);
	assert.deepEqual(reasons.slice(0, 4), ['SuccessfulCreate: Created job tick-29454361', 'SawCompletedJob: Saw completed job: tick-29454361, status: Complete', 'SuccessfulCreate: Created job tick-29454362', 'SawCompletedJob: Saw completed job: tick-29454362, status: Complete']);
	assert.ok(reasons.includes('SuccessfulDelete: Deleted job tick-29454361'));
	// The deleted jobs' pods went with them (GC).
	assert.equal(h.pods().filter(pod => pod.metadata.labels?.['job-name'] === 'tick-29454361').length, 0);
});

test('Forbid skips a schedule while a job runs; Replace deletes the running job and starts a new one', () => {
	const h = harness(start);
	h.cronJob(cron('forbid', {concurrencyPolicy: 'Forbid'}, '90'));
	h.cronJob(cron('replace', {concurrencyPolicy: 'Replace'}, '90'));
	h.step(90);
	// 10:01 started both; at 10:02 forbid skips, replace replaces.
	assert.deepEqual(jobNames(h, 'forbid'), ['forbid-29454361']);
	assert.deepEqual(jobNames(h, 'replace'), ['replace-29454362']);
	assert.deepEqual(h.events('forbid').map(event => event.reason), ['SuccessfulCreate', 'JobAlreadyActive']);
	assert.equal(h.events('forbid')[1]?.message, 'Not starting job because prior execution is running and concurrency policy is Forbid');
	assert.deepEqual(h.events('replace').map(event => `${event.reason}: ${event.message}`), ['SuccessfulCreate: Created job replace-29454361', 'SuccessfulDelete: Deleted job replace-29454361', 'SuccessfulCreate: Created job replace-29454362']);
	assert.deepEqual(h.store.get<CronJob>('CronJob', 'default', 'replace')!.status?.active?.map(reference => reference.name), ['replace-29454362']);
});

test('resuming a suspended CronJob with a missed schedule starts one job at once', () => {
	const h = harness(start);
	h.cronJob(cron('paused', {suspend: true}));
	h.step(200);
	assert.deepEqual(jobNames(h, 'paused'), []);
	const cronJob = structuredClone(h.store.get<CronJob>('CronJob', 'default', 'paused')!);
	cronJob.spec.suspend = false;
	h.store.update('CronJob', cronJob);
	h.step(1);
	// 10:03:51: 10:01, 10:02 and 10:03 were missed; only the most recent one runs, at once.
	assert.deepEqual(jobNames(h, 'paused'), ['paused-29454363']);
	assert.equal(h.at(h.store.get<Job>('Job', 'default', 'paused-29454363')!.metadata.creationTimestamp), 201);
	assert.equal(h.store.get<CronJob>('CronJob', 'default', 'paused')!.status?.lastScheduleTime, '2026-01-01T10:03:00Z');
});

test('startingDeadlineSeconds excludes a missed schedule on resume; timeZone sets the scheduled-timestamp offset', () => {
	const h = harness(start);
	h.cronJob(cron('strict', {suspend: true, startingDeadlineSeconds: 20}));
	h.cronJob(cron('zoned', {schedule: '2 10 * * *', timeZone: 'Asia/Kolkata'}));
	h.step(200);
	const cronJob = structuredClone(h.store.get<CronJob>('CronJob', 'default', 'strict')!);
	cronJob.spec.suspend = false;
	h.store.update('CronJob', cronJob);
	h.step(1);
	assert.deepEqual(jobNames(h, 'strict'), []);
	h.step(9);
	assert.deepEqual(jobNames(h, 'strict'), ['strict-29454364']);
	// 10:02 in Kolkata is 04:32 UTC, so it has not run; its next run is tomorrow.
	assert.deepEqual(jobNames(h, 'zoned'), []);
	const h2 = harness(Date.parse('2026-01-01T04:31:50Z'));
	h2.cronJob(cron('zoned', {schedule: '2 10 * * *', timeZone: 'Asia/Kolkata'}));
	h2.step(15);
	const job = h2.store.get<Job>('Job', 'default', `zoned-${Date.parse('2026-01-01T04:32:00Z') / 60_000}`)!;
	assert.equal(job.metadata.annotations?.['batch.kubernetes.io/cronjob-scheduled-timestamp'], '2026-01-01T10:02:00+05:30');
});
