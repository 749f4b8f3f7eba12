import assert from 'node:assert/strict';
import {test} from 'node:test';
import type {Job} from '../../../../source/kube/types.js';
import {harness, template} from '../../../helpers/controllers-harness.js';

test('a Never job that always fails gets its pods at the §3.7 delays and ends FailureTarget → Failed', () => {
	const h = harness();
	const statuses: string[] = [];
	h.store.subscribe(event => {
		if (event.kind === 'Job' && event.object.metadata.name === 'fail') {
			const types = ((event.object as Job).status?.conditions ?? []).map(condition => condition.type).join('+');
			if (statuses.at(-1) !== types) {
				statuses.push(types);
			}
		}
	});
	h.job({metadata: {name: 'fail'}, spec: {backoffLimit: 3, template: template({'sim.kjobs.io/run-seconds': '1', 'sim.kjobs.io/exit-code': '1'})}});
	h.step(120);
	const pods = h.pods('fail');
	// Created at 0; ContainerCreating 2 s, runs 1 s → fails at 3; then 10 s, 20 s, 40 s after each failure.
	assert.deepEqual(pods.map(pod => h.at(pod.metadata.creationTimestamp)), [0, 13, 36, 79]);
	assert.deepEqual(pods.map(pod => h.at(pod.status?.containerStatuses?.[0]?.state?.terminated?.finishedAt)), [3, 16, 39, 82]);
	assert.deepEqual(pods.map(pod => pod.status?.phase), ['Failed', 'Failed', 'Failed', 'Failed']);
	assert.deepEqual(pods.map(pod => pod.metadata.finalizers), [undefined, undefined, undefined, undefined]);
	const job = h.getJob('fail')!;
	assert.deepEqual(job.status?.conditions?.map(condition => [condition.type, condition.status, condition.reason, condition.message, h.at(condition.lastTransitionTime)]), [
		['FailureTarget', 'True', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit', 82],
		['Failed', 'True', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit', 82],
	]);
	// FailureTarget is written (and watched) on its own before Failed.
	assert.deepEqual(statuses, ['', 'FailureTarget', 'FailureTarget+Failed']);
	assert.equal(job.status?.failed, 4);
	assert.equal(job.status?.active, undefined);
	assert.equal(job.status?.completionTime, undefined);
	assert.equal(job.status?.startTime, '2026-01-01T10:00:00Z');
	assert.deepEqual(job.status?.uncountedTerminatedPods, {});
	assert.deepEqual(h.events('fail').map(event => [event.type, event.reason, event.message, event.source?.component]), [
		...pods.map(pod => ['Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`, 'job-controller']),
		['Warning', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit', 'job-controller'],
	]);
});

test('the back-off is 10 s doubling per consecutive failure and caps at 10 minutes', () => {
	const h = harness();
	h.job({metadata: {name: 'long'}, spec: {backoffLimit: 9, template: template({'sim.kjobs.io/run-seconds': '1', 'sim.kjobs.io/exit-code': '3'})}});
	h.step(2600);
	const created = h.pods('long').map(pod => h.at(pod.metadata.creationTimestamp));
	const gaps = created.slice(1).map((at, i) => at - created[i]!);
	// Each gap = 3 s (start + run) + the delay: 10, 20, 40, 80, 160, 320, 600, 600, 600.
	assert.deepEqual(gaps, [13, 23, 43, 83, 163, 323, 603, 603, 603]);
	assert.equal(h.getJob('long')?.status?.conditions?.[1]?.type, 'Failed');
});

test('a success resets the back-off: only failures after the last success count', () => {
	const h = harness();
	h.job({metadata: {name: 'mixed'}, spec: {completions: 3, parallelism: 1, backoffLimit: 10, template: template({'sim.kjobs.io/run-seconds': '1', 'sim.kjobs.io/exit-code': '0'})}});
	h.step(20);
	const created = h.pods('mixed').map(pod => h.at(pod.metadata.creationTimestamp));
	// Successes never delay the next pod: it starts as soon as the previous one is counted.
	assert.deepEqual(created, [0, 3, 6]);
	assert.equal(h.getJob('mixed')?.status?.succeeded, 3);
	assert.equal(h.at(h.getJob('mixed')?.status?.completionTime), 9);
	assert.deepEqual(h.getJob('mixed')?.status?.conditions?.map(condition => [condition.type, condition.reason]), [['SuccessCriteriaMet', 'CompletionsReached'], ['Complete', 'CompletionsReached']]);
	assert.deepEqual(h.events('mixed').at(-1)?.reason, 'Completed');
});

test('OnFailure restarts the container in place with the kubelet back-off until restarts reach backoffLimit', () => {
	const h = harness();
	h.job({metadata: {name: 'crash'}, spec: {backoffLimit: 3, template: template({'sim.kjobs.io/run-seconds': '2', 'sim.kjobs.io/exit-code': '2'}, 'OnFailure')}});
	h.step(10);
	let pod = h.pods('crash')[0]!;
	const uid = pod.metadata.uid;
	let status = pod.status!.containerStatuses![0]!;
	assert.equal(pod.status?.phase, 'Running');
	assert.equal(status.restartCount, 1);
	assert.deepEqual(status.state, {waiting: {reason: 'CrashLoopBackOff', message: `back-off 10s restarting failed container=main pod=${pod.metadata.name}_default(${uid})`}});
	assert.equal(status.lastState?.terminated?.exitCode, 2);
	assert.equal(status.lastState?.terminated?.reason, 'Error');
	assert.equal(h.at(status.lastState?.terminated?.startedAt), 2);
	assert.equal(h.at(status.lastState?.terminated?.finishedAt), 4);
	assert.equal(status.ready, false);
	h.step(5);
	// Restarted at 4 + 10 = 14.
	status = h.pods('crash')[0]!.status!.containerStatuses![0]!;
	assert.equal(h.at(status.state?.running?.startedAt), 14);
	h.step(5);
	status = h.pods('crash')[0]!.status!.containerStatuses![0]!;
	assert.equal(status.restartCount, 2);
	assert.match(status.state?.waiting?.message ?? '', /^back-off 20s /);
	h.step(30);
	// Third crash at 36 + 2 = 38: restarts (3) reach backoffLimit (3) → the pod is deleted and the job fails.
	assert.equal(h.pods('crash').length, 0);
	const job = h.getJob('crash')!;
	assert.deepEqual(job.status?.conditions?.map(condition => [condition.type, condition.reason, h.at(condition.lastTransitionTime)]), [
		['FailureTarget', 'BackoffLimitExceeded', 38],
		['Failed', 'BackoffLimitExceeded', 39],
	]);
	assert.equal(job.status?.failed, 1);
	assert.deepEqual(h.events().filter(event => event.involvedObject.uid === uid && event.reason === 'BackOff').map(event => [event.type, event.count, event.message]), [
		['Warning', 3, `Back-off restarting failed container main in pod ${pod.metadata.name}_default(${uid})`],
	]);
});
