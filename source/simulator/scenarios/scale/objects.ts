/**
Object builders for the scale scenario: jobs, cron jobs and pods shaped like a real cluster's (labels, owner
references, container specs and statuses), so list sizes and client memory are realistic.
*/
import type {CronJob, Job, Pod} from '../../../kube/types.js';
import {jobLabels} from '../../../kube/types.js';
import {controllerRef, rfc3339} from '../../controllers/objects.js';
import {prepareCronJobForCreate, prepareJobForCreate} from '../../controllers/job/job-defaults.js';

/** What a generated job is doing. */
export type ScaleJobState = 'complete' | 'running' | 'failed' | 'backoff' | 'suspended';

/** A pod's phase in the generator. */
export type ScalePodPhase = 'Running' | 'Succeeded' | 'Failed' | 'Pending';

const images = ['busybox:1.36', 'python:3.12-slim', 'perl:5.34.0', 'postgres:16', 'ghcr.io/example/etl:2.4.1'];

/** Picks a job's state for index `i` in realistic proportions: mostly finished, some running, a few failing. */
export function scaleJobState(i: number): ScaleJobState {
	const bucket = i % 100;
	if (bucket < 72) {
		return 'complete';
	}

	if (bucket < 86) {
		return 'running';
	}

	if (bucket < 93) {
		return 'failed';
	}

	return bucket < 98 ? 'backoff' : 'suspended';
}

/** A Job as the API server stores it (defaults applied), with a status matching `state`. */
export function scaleJob(namespace: string, name: string, uid: string, state: ScaleJobState, createdMs: number, pods: number, cronJob?: CronJob): Job {
	const labels = {app: name.replace(/-\d+$/, ''), team: `team-${name.length % 7}`};
	const job = prepareJobForCreate({
		apiVersion: 'batch/v1',
		kind: 'Job',
		metadata: {
			name,
			namespace,
			labels,
			...(cronJob ? {ownerReferences: [controllerRef(cronJob, 'CronJob')]} : {}),
		},
		spec: {
			backoffLimit: 6,
			completions: Math.max(1, pods),
			parallelism: 2,
			...(state === 'suspended' ? {suspend: true} : {}),
			template: {
				metadata: {labels},
				spec: {containers: [container(name, createdMs)], restartPolicy: 'Never'},
			},
		},
	} as Job, uid);
	job.metadata.creationTimestamp = rfc3339(createdMs);
	job.status = jobStatus(state, createdMs, pods);
	return job;
}

function jobStatus(state: ScaleJobState, createdMs: number, pods: number): Job['status'] {
	const start = rfc3339(createdMs + 1000);
	const end = rfc3339(createdMs + 60_000);
	switch (state) {
		case 'complete': {
			return {startTime: start, completionTime: end, succeeded: pods, ready: 0, terminating: 0, uncountedTerminatedPods: {}, conditions: [
				{type: 'SuccessCriteriaMet', status: 'True', reason: 'CompletionsReached', message: 'Reached expected number of succeeded pods', lastProbeTime: end, lastTransitionTime: end},
				{type: 'Complete', status: 'True', reason: 'CompletionsReached', message: 'Reached expected number of succeeded pods', lastProbeTime: end, lastTransitionTime: end},
			]};
		}

		case 'failed': {
			return {startTime: start, failed: pods, ready: 0, terminating: 0, uncountedTerminatedPods: {}, conditions: [
				{type: 'FailureTarget', status: 'True', reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit', lastProbeTime: end, lastTransitionTime: end},
				{type: 'Failed', status: 'True', reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit', lastProbeTime: end, lastTransitionTime: end},
			]};
		}

		case 'suspended': {
			return {startTime: start, active: 0, ready: 0, terminating: 0, uncountedTerminatedPods: {}, conditions: [
				{type: 'Suspended', status: 'True', reason: 'JobSuspended', message: 'Job suspended', lastProbeTime: start, lastTransitionTime: start},
			]};
		}

		case 'backoff': {
			return {startTime: start, failed: pods, active: 0, ready: 0, terminating: 0, uncountedTerminatedPods: {}};
		}

		default: {
			return {startTime: start, active: pods, ready: pods, terminating: 0, uncountedTerminatedPods: {}};
		}
	}
}

function container(name: string, createdMs: number) {
	return {
		name: name.replace(/-\d+$/, '').slice(0, 40),
		image: images[createdMs % images.length]!,
		command: ['sh', '-c', `echo start; run-batch --input s3://bucket/${name} --workers 4`],
		resources: {requests: {cpu: '250m', memory: '256Mi'}, limits: {memory: '512Mi'}},
		terminationMessagePath: '/dev/termination-log',
		terminationMessagePolicy: 'File',
		imagePullPolicy: 'IfNotPresent',
	};
}

/** A CronJob every `minute` past the hour (spread so they do not all fire at once; the scale scenario runs no controllers). */
export function scaleCronJob(namespace: string, name: string, minute: number, createdMs: number, suspended: boolean): CronJob {
	const cronJob = prepareCronJobForCreate({
		apiVersion: 'batch/v1',
		kind: 'CronJob',
		metadata: {name, namespace, labels: {app: name}},
		spec: {
			schedule: `${minute % 60} * * * *`,
			suspend: suspended,
			jobTemplate: {spec: {backoffLimit: 2, template: {spec: {containers: [container(name, createdMs)], restartPolicy: 'OnFailure'}}}},
		},
	} as CronJob);
	cronJob.metadata.creationTimestamp = rfc3339(createdMs);
	return cronJob;
}

/** A pod of `job` in `phase`, scheduled on `node`. */
export function scalePod(job: Job, name: string, uid: string, phase: ScalePodPhase, createdMs: number, node: string): Pod {
	const jobName = job.metadata.name ?? '';
	const jobUid = job.metadata.uid ?? '';
	const labels = {...job.spec.template.metadata?.labels, [jobLabels.controllerUid]: jobUid, [jobLabels.jobName]: jobName, [jobLabels.legacyControllerUid]: jobUid, [jobLabels.legacyJobName]: jobName};
	const spec = structuredClone(job.spec.template.spec);
	return {
		apiVersion: 'v1',
		kind: 'Pod',
		metadata: {
			name,
			namespace: job.metadata.namespace,
			uid,
			labels,
			ownerReferences: [controllerRef(job, 'Job')],
			finalizers: phase === 'Running' || phase === 'Pending' ? ['batch.kubernetes.io/job-tracking'] : undefined,
			creationTimestamp: rfc3339(createdMs),
		},
		spec: {...spec, nodeName: phase === 'Pending' ? undefined : node, schedulerName: 'default-scheduler', serviceAccountName: 'default', dnsPolicy: 'ClusterFirst'},
		status: podStatus(spec.containers[0]?.name ?? 'main', phase, createdMs, 0),
	} as Pod;
}

/** A pod status for `phase` (restart count `restarts`), as the kubelet reports it. */
export function podStatus(containerName: string, phase: ScalePodPhase, createdMs: number, restarts: number): Pod['status'] {
	const started = rfc3339(createdMs + 2000);
	const finished = rfc3339(createdMs + 45_000);
	const ready = phase === 'Running' ? 'True' : 'False';
	const state = phase === 'Running'
		? {running: {startedAt: started}}
		: phase === 'Pending'
			? {waiting: {reason: 'ContainerCreating'}}
			: {terminated: {exitCode: phase === 'Succeeded' ? 0 : 1, reason: phase === 'Succeeded' ? 'Completed' : 'Error', startedAt: started, finishedAt: finished}};
	return {
		phase,
		hostIP: '10.0.0.11',
		podIP: `10.244.${createdMs % 250}.${restarts % 250}`,
		startTime: started,
		qosClass: 'Burstable',
		conditions: [
			{type: 'PodScheduled', status: phase === 'Pending' ? 'False' : 'True', lastTransitionTime: rfc3339(createdMs)},
			{type: 'Initialized', status: 'True', lastTransitionTime: started},
			{type: 'Ready', status: ready, lastTransitionTime: started},
			{type: 'ContainersReady', status: ready, lastTransitionTime: started},
		],
		containerStatuses: [{name: containerName, ready: phase === 'Running', restartCount: restarts, image: 'docker.io/library/busybox:1.36', imageID: '', started: phase === 'Running', state}],
	} as Pod['status'];
}
