import assert from 'node:assert/strict';
import {test} from 'node:test';
import type {Job} from '../../../../source/kube/types.js';
import {harness, template} from '../../../helpers/controllers-harness.js';

test('job pods carry the labels, annotations, finalizer and controller ownerReference of §3.3 and are scheduled round-robin', () => {
	const h = harness();
	const job = h.job({metadata: {name: 'shape'}, spec: {parallelism: 2, completions: 2, template: template({'sim.kjobs.io/run-seconds': '5'})}});
	const uid = job.metadata.uid!;
	const pods = h.pods('shape');
	assert.equal(pods.length, 2);
	const pod = pods[0]!;
	assert.match(pod.metadata.name!, /^shape-[b-z2-9]{5}$/);
	assert.equal(pod.metadata.generateName, 'shape-');
	assert.deepEqual(pod.metadata.labels, {'batch.kubernetes.io/controller-uid': uid, 'batch.kubernetes.io/job-name': 'shape', 'controller-uid': uid, 'job-name': 'shape'});
	assert.deepEqual(pod.metadata.finalizers, ['batch.kubernetes.io/job-tracking']);
	assert.deepEqual(pod.metadata.ownerReferences, [{apiVersion: 'batch/v1', kind: 'Job', name: 'shape', uid, controller: true, blockOwnerDeletion: true}]);
	assert.deepEqual(pods.map(p => p.spec.nodeName).sort(), ['sim-node-1', 'sim-node-2']);
	assert.deepEqual(pod.status?.containerStatuses?.[0]?.state, {waiting: {reason: 'ContainerCreating'}});
	assert.deepEqual(pod.status?.conditions?.map(condition => [condition.type, condition.status]), [['PodReadyToStartContainers', 'True'], ['Initialized', 'True'], ['Ready', 'False'], ['ContainersReady', 'False'], ['PodScheduled', 'True']]);
	assert.equal(h.getJob('shape')?.status?.active, 2);
	assert.equal(h.getJob('shape')?.status?.ready, 0);
	h.step(2);
	const running = h.pods('shape')[0]!;
	assert.equal(running.status?.phase, 'Running');
	assert.equal(running.status?.containerStatuses?.[0]?.ready, true);
	assert.match(running.status?.podIP ?? '', /^10\.244\.\d+\.\d+$/);
	assert.equal(h.getJob('shape')?.status?.ready, 2);
	assert.deepEqual(h.events(running.metadata.name).map(event => event.reason), ['Scheduled', 'Pulling', 'Pulled', 'Created', 'Started']);
	h.step(5);
	const done = h.pods('shape')[0]!;
	assert.equal(done.status?.phase, 'Succeeded');
	assert.deepEqual(done.status?.containerStatuses?.[0]?.state?.terminated && {...done.status.containerStatuses[0].state.terminated, containerID: undefined}, {exitCode: 0, reason: 'Completed', startedAt: '2026-01-01T10:00:02Z', finishedAt: '2026-01-01T10:00:07Z', containerID: undefined});
	assert.equal(done.metadata.finalizers, undefined);
	assert.deepEqual(done.status?.conditions?.find(condition => condition.type === 'Ready'), {type: 'Ready', status: 'False', lastProbeTime: null, lastTransitionTime: '2026-01-01T10:00:07Z', reason: 'PodCompleted'});
	const status = h.getJob('shape')!.status!;
	assert.equal(status.succeeded, 2);
	assert.equal(status.completionTime, '2026-01-01T10:00:07Z');
});

test('an Indexed job completes index by index with per-index pod names, hostname and JOB_COMPLETION_INDEX', () => {
	const h = harness();
	h.job({metadata: {name: 'idx'}, spec: {completionMode: 'Indexed', completions: 3, parallelism: 2, template: template({'sim.kjobs.io/run-seconds': '3'})}});
	const first = h.pods('idx');
	assert.deepEqual(first.map(pod => pod.metadata.name!.replace(/[b-z2-9]{5}$/, '')).sort(), ['idx-0-', 'idx-1-']);
	const pod0 = first.find(pod => pod.metadata.name!.startsWith('idx-0-'))!;
	assert.equal(pod0.metadata.labels?.['batch.kubernetes.io/job-completion-index'], '0');
	assert.equal(pod0.metadata.annotations?.['batch.kubernetes.io/job-completion-index'], '0');
	assert.equal(pod0.spec['hostname'], 'idx-0');
	assert.deepEqual(pod0.spec.containers[0]?.env, [{name: 'JOB_COMPLETION_INDEX', valueFrom: {fieldRef: {apiVersion: 'v1', fieldPath: "metadata.annotations['batch.kubernetes.io/job-completion-index']"}}}]);
	h.step(5);
	let job = h.getJob('idx')!;
	assert.equal(job.status?.completedIndexes, '0-1');
	assert.equal(job.status?.succeeded, 2);
	assert.equal(h.pods('idx').filter(pod => pod.status?.phase === 'Pending' || pod.status?.phase === 'Running').map(pod => pod.metadata.labels?.['batch.kubernetes.io/job-completion-index']).join(), '2');
	h.step(5);
	job = h.getJob('idx')!;
	assert.equal(job.status?.completedIndexes, '0-2');
	assert.equal(job.status?.succeeded, 3);
	assert.deepEqual(job.status?.conditions?.map(condition => condition.type), ['SuccessCriteriaMet', 'Complete']);
});

test('activeDeadlineSeconds: FailureTarget/DeadlineExceeded, running pods killed (exit 143), then Failed without completionTime', () => {
	const h = harness();
	h.job({metadata: {name: 'slow'}, spec: {activeDeadlineSeconds: 10, backoffLimit: 5, template: template({'sim.kjobs.io/run-seconds': '100'})}});
	h.step(10);
	let job = h.getJob('slow')!;
	assert.deepEqual(job.status?.conditions?.map(condition => [condition.type, condition.reason, condition.message]), [['FailureTarget', 'DeadlineExceeded', 'Job was active longer than specified deadline']]);
	const pod = h.pods('slow')[0]!;
	assert.ok(pod.metadata.deletionTimestamp);
	assert.equal(job.status?.terminating, 1);
	h.step(1);
	job = h.getJob('slow')!;
	assert.deepEqual(job.status?.conditions?.map(condition => [condition.type, condition.reason, h.at(condition.lastTransitionTime)]), [['FailureTarget', 'DeadlineExceeded', 10], ['Failed', 'DeadlineExceeded', 11]]);
	assert.equal(job.status?.failed, 1);
	assert.equal(job.status?.terminating, 0);
	assert.equal(job.status?.completionTime, undefined);
	assert.equal(h.pods('slow').length, 0);
	assert.deepEqual(h.events('slow').map(event => event.reason), ['SuccessfulCreate', 'SuccessfulDelete', 'DeadlineExceeded']);
	assert.deepEqual(h.events(pod.metadata.name).map(event => [event.reason, event.message]).at(-1), ['Killing', 'Stopping container main']);
});

test('suspend deletes active pods without counting them; resume resets startTime and starts pods again', () => {
	const h = harness();
	h.job({metadata: {name: 'sus'}, spec: {template: template({'sim.kjobs.io/run-seconds': '30'})}});
	h.step(5);
	const suspend = (value: boolean) => {
		const job = structuredClone(h.getJob('sus')!);
		job.spec.suspend = value;
		h.store.update<Job>('Job', job);
	};

	suspend(true);
	h.step(2);
	let job = h.getJob('sus')!;
	assert.deepEqual(job.status?.conditions?.map(condition => [condition.type, condition.status, condition.reason, condition.message]), [['Suspended', 'True', 'JobSuspended', 'Job suspended']]);
	assert.equal(h.pods('sus').length, 0);
	assert.equal(job.status?.failed, undefined);
	assert.equal(job.status?.active, undefined);
	suspend(false);
	h.step(1);
	job = h.getJob('sus')!;
	assert.deepEqual(job.status?.conditions?.map(condition => [condition.type, condition.status, condition.reason, condition.message]), [['Suspended', 'False', 'JobResumed', 'Job resumed']]);
	assert.equal(h.at(job.status?.startTime), 8);
	assert.equal(job.status?.active, 1);
	assert.deepEqual(h.events('sus').map(event => event.reason), ['SuccessfulCreate', 'Suspended', 'SuccessfulDelete', 'Resumed', 'SuccessfulCreate']);
});

test('completions unset: the first success completes the job once the other pods finish', () => {
	const h = harness();
	h.job({metadata: {name: 'any'}, spec: {parallelism: 2, completions: null, template: template({'sim.kjobs.io/run-seconds': '3'})}});
	h.step(6);
	const job = h.getJob('any')!;
	assert.equal(job.status?.succeeded, 2);
	assert.equal(h.pods('any').length, 2);
	assert.deepEqual(job.status?.conditions?.map(condition => condition.type), ['SuccessCriteriaMet', 'Complete']);
});

test('a TTL job and its pods disappear ttl seconds after it finishes', () => {
	const h = harness();
	h.job({metadata: {name: 'ttl'}, spec: {ttlSecondsAfterFinished: 20, template: template({'sim.kjobs.io/run-seconds': '3'})}});
	h.step(5);
	assert.equal(h.at(h.getJob('ttl')?.status?.completionTime), 5);
	h.step(19);
	assert.ok(h.getJob('ttl'));
	assert.equal(h.pods('ttl').length, 1);
	h.step(1);
	assert.equal(h.getJob('ttl'), undefined);
	assert.equal(h.pods('ttl').length, 0);
});

test('a pod-level activeDeadlineSeconds fails the pod with reason DeadlineExceeded; the job retries it', () => {
	const h = harness();
	const spec = template({'sim.kjobs.io/run-seconds': '100'});
	spec.spec.activeDeadlineSeconds = 5;
	h.job({metadata: {name: 'pdl'}, spec: {backoffLimit: 1, template: spec}});
	h.step(6);
	const pod = h.pods('pdl')[0]!;
	assert.equal(pod.status?.phase, 'Failed');
	assert.equal(pod.status?.reason, 'DeadlineExceeded');
	assert.equal(pod.status?.message, 'Pod was active on the node longer than the specified deadline');
	assert.deepEqual([pod.status?.containerStatuses?.[0]?.state?.terminated?.exitCode, h.at(pod.status?.containerStatuses?.[0]?.state?.terminated?.finishedAt)], [143, 5]);
	assert.equal(h.getJob('pdl')?.status?.failed, 1);
	h.step(10);
	assert.equal(h.pods('pdl').length, 2);
	assert.equal(h.at(h.pods('pdl')[1]?.metadata.creationTimestamp), 15);
});

test('backoffLimitPerIndex: each index retries after its own back-off, then lands in failedIndexes and the job fails', () => {
	const h = harness();
	h.job({metadata: {name: 'per'}, spec: {completionMode: 'Indexed', completions: 2, parallelism: 2, backoffLimitPerIndex: 1, template: template({'sim.kjobs.io/run-seconds': '1', 'sim.kjobs.io/exit-code': '1'})}});
	assert.equal(h.getJob('per')?.spec.backoffLimit, 2_147_483_647);
	h.step(30);
	const pods = h.pods('per');
	assert.deepEqual(pods.map(pod => [pod.metadata.labels?.['batch.kubernetes.io/job-completion-index'], pod.metadata.annotations?.['batch.kubernetes.io/job-index-failure-count'], h.at(pod.metadata.creationTimestamp)]), [
		['0', '0', 0], ['1', '0', 0], ['0', '1', 13], ['1', '1', 13],
	]);
	const job = h.getJob('per')!;
	assert.equal(job.status?.failedIndexes, '0-1');
	assert.equal(job.status?.failed, 4);
	assert.deepEqual(job.status?.conditions?.map(condition => [condition.type, condition.reason, condition.message]), [
		['FailureTarget', 'FailedIndexes', 'Job has failed indexes'],
		['Failed', 'FailedIndexes', 'Job has failed indexes'],
	]);
});

test('maxFailedIndexes: exceeding it fails the job at once and stops the running indexes', () => {
	const h = harness();
	const spec = template({'sim.kjobs.io/run-seconds': '1', 'sim.kjobs.io/exit-code': '1'});
	h.job({metadata: {name: 'max'}, spec: {completionMode: 'Indexed', completions: 3, parallelism: 1, backoffLimitPerIndex: 0, maxFailedIndexes: 0, template: spec}});
	h.step(10);
	const job = h.getJob('max')!;
	assert.equal(job.status?.failedIndexes, '0');
	assert.deepEqual(job.status?.conditions?.map(condition => [condition.type, condition.reason]), [['FailureTarget', 'MaxFailedIndexesExceeded'], ['Failed', 'MaxFailedIndexesExceeded']]);
	assert.equal(h.pods('max').length, 1);
});

test('one broken object does not stop the others; with a manual clock the error still surfaces', () => {
	const h = harness();
	h.store.create('Pod', {metadata: {name: 'broken', namespace: 'default'}, spec: {} as never});
	assert.throws(() => h.job({metadata: {name: 'fine'}, spec: {template: template({'sim.kjobs.io/run-seconds': '1'})}}));
	for (let i = 0; i < 5; i++) {
		h.clock.advance(1000);
		assert.throws(() => h.controllers.reconcile(h.clock.now()));
	}

	assert.deepEqual(h.getJob('fine')?.status?.conditions?.map(condition => condition.type), ['SuccessCriteriaMet', 'Complete']);
});
