import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {jobCompletions, jobDuration, jobStatus, printJob} from '../../../source/kube/printers/job.js';
import {podReady, podRestarts, podStatusReason, printPod} from '../../../source/kube/printers/pod.js';
import type {Job, Pod} from '../../../source/kube/types.js';
import {loadFixture} from '../../helpers/upstream.js';

const now = Date.parse('2026-01-01T00:00:00Z');

describe('real API objects (k9s fixtures)', () => {
	test('k9s/job.json: a completed CronJob child', () => {
		const job = loadFixture<Job>('k9s/job.json');
		assert.deepEqual(printJob(job, now, {wide: true}).cells, [
			'hello-1567179180', 'Complete', '1/1', '8s', '6y125d', 'c1', 'blang/busybox-bash',
			'controller-uid=7473e6d0-cb3b-11e9-990f-42010a800218',
		]);
		assert.equal(printJob(job, now).cells.length, 5);
	});

	test('k9s/po.json: a running single-container pod (podIP only, no podIPs)', () => {
		const pod = loadFixture<Pod>('k9s/po.json');
		const row = printPod(pod, now, {wide: true});
		assert.deepEqual(row.cells, ['nginx', '1/1', 'Running', '0', '6y146d', '172.17.0.6', 'minikube', '<none>', '<none>']);
		assert.equal(row.conditions, undefined);
	});

	test('k9s/po_init.json: a running non-restartable init container keeps Init:0/1 even once Initialized', () => {
		// Upstream only overrides the reason for waiting/terminated main containers, so the Init reason survives.
		const pod = loadFixture<Pod>('k9s/po_init.json');
		assert.deepEqual(printPod(pod, now).cells, ['nginx', '1/1', 'Init:0/1', '0', '6y146d']);
	});

	test('k9s/po_sidecar.json: a started sidecar counts in READY', () => {
		const pod = loadFixture<Pod>('k9s/po_sidecar.json');
		assert.deepEqual(printPod(pod, now, {wide: true}).cells, ['sleep', '2/2', 'Running', '0', '494d', '10.244.0.8', 'kind-control-plane', '<none>', '<none>']);
		assert.equal(podReady(pod), '2/2');
	});
});

describe('spec examples', () => {
	test('§6.5 CrashLoopBackOff pod: 0/1 CrashLoopBackOff 3 (25s ago) 3m10s', () => {
		const pod: Pod = {
			metadata: {name: 'etl-9kq4z', creationTimestamp: '2026-01-01T10:00:00Z'},
			spec: {restartPolicy: 'OnFailure', containers: [{name: 'main'}]},
			status: {
				phase: 'Running',
				conditions: [{type: 'Initialized', status: 'True'}, {type: 'Ready', status: 'False'}],
				containerStatuses: [{
					name: 'main', ready: false, started: false, restartCount: 3,
					state: {waiting: {reason: 'CrashLoopBackOff'}},
					lastState: {terminated: {exitCode: 1, reason: 'Error', finishedAt: '2026-01-01T10:02:45Z'}},
				}],
			},
		};
		const at = Date.parse('2026-01-01T10:03:10Z');
		assert.deepEqual(printPod(pod, at).cells, ['etl-9kq4z', '0/1', 'CrashLoopBackOff', '3 (25s ago)', '3m10s']);
		assert.equal(podStatusReason(pod), 'CrashLoopBackOff');
		assert.equal(podRestarts(pod, at), '3 (25s ago)');
	});

	test('§3.8 job in back-off: report Running 0/1 40s 40s', () => {
		const job: Job = {
			metadata: {name: 'report', creationTimestamp: '2026-01-01T10:00:00Z'},
			spec: {parallelism: 1, completions: 1, backoffLimit: 4, template: {spec: {containers: [{name: 'main', image: 'busybox:1.36'}]}}},
			status: {startTime: '2026-01-01T10:00:00Z', failed: 2, ready: 0, terminating: 0},
		};
		assert.deepEqual(printJob(job, Date.parse('2026-01-01T10:00:40Z')).cells, ['report', 'Running', '0/1', '40s', '40s']);
	});

	test('job helpers: work-queue completions, failed job duration keeps growing, terminating', () => {
		const job: Job = {
			metadata: {name: 'q', deletionTimestamp: '2026-01-01T10:10:00Z'},
			spec: {parallelism: 4, template: {spec: {containers: []}}},
			status: {startTime: '2026-01-01T10:00:00Z', succeeded: 2, conditions: [{type: 'FailureTarget', status: 'True'}, {type: 'Failed', status: 'True'}]},
		};
		assert.equal(jobCompletions(job), '2/1 of 4');
		assert.equal(jobStatus(job), 'Failed');
		assert.equal(jobDuration(job, Date.parse('2026-01-01T10:20:00Z')), '20m');
		job.status!.conditions = [{type: 'SuccessCriteriaMet', status: 'True'}];
		assert.equal(jobStatus(job), 'Terminating');
		delete job.metadata.deletionTimestamp;
		assert.equal(jobStatus(job), 'SuccessCriteriaMet');
	});
});
