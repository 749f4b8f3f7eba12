/**
Test-only builders for realistic Job, Pod, CronJob and Event objects (JSON wire shape, as the job controller makes them).
*/
import type {ContainerState, CronJob, Job, JobCondition, KubeEvent, Pod} from '../../source/kube/types.js';
import {iso} from './snapshots.js';

/** The fixed `now` of the constructed tests: 2026-11-23T12:00:00Z. */
export const now = Date.parse('2026-11-23T12:00:00Z');

/** `now` plus that many seconds, as RFC 3339. */
export function at(seconds: number): string {
	return iso(now + (seconds * 1000));
}

/** Options for a job. Times are seconds relative to `now`. */
export type JobOptions = {
	readonly namespace?: string;
	readonly created?: number;
	readonly started?: number;
	readonly completed?: number;
	readonly completions?: number | null;
	readonly parallelism?: number;
	readonly completionMode?: 'Indexed' | 'NonIndexed';
	readonly backoffLimit?: number;
	readonly activeDeadlineSeconds?: number;
	readonly ttlSecondsAfterFinished?: number;
	readonly suspend?: boolean;
	readonly restartPolicy?: 'Never' | 'OnFailure';
	readonly active?: number;
	readonly succeeded?: number;
	readonly failed?: number;
	readonly conditions?: readonly JobCondition[];
	readonly completedIndexes?: string;
	readonly failedIndexes?: string;
	readonly cronJob?: CronJob;
	readonly labels?: Record<string, string>;
	readonly deleting?: number;
	readonly annotations?: Record<string, string>;
};

/** A job as the API returns it. */
export function makeJob(name: string, options: JobOptions = {}): Job {
	const uid = `uid-${name}`;
	const labels = {'batch.kubernetes.io/controller-uid': uid, 'batch.kubernetes.io/job-name': name, 'controller-uid': uid, 'job-name': name};
	const job: Job = {
		apiVersion: 'batch/v1',
		kind: 'Job',
		metadata: {
			name,
			namespace: options.namespace ?? 'default',
			uid,
			creationTimestamp: at(options.created ?? -60),
			labels: {...labels, ...options.labels},
			...(options.annotations ? {annotations: options.annotations} : {}),
			...(options.deleting === undefined ? {} : {deletionTimestamp: at(options.deleting)}),
			...(options.cronJob ? {ownerReferences: [{apiVersion: 'batch/v1', kind: 'CronJob', name: options.cronJob.metadata.name ?? '', uid: options.cronJob.metadata.uid ?? '', controller: true, blockOwnerDeletion: true}]} : {}),
		},
		spec: {
			parallelism: options.parallelism ?? 1,
			...(options.completions === null ? {} : {completions: options.completions ?? 1}),
			completionMode: options.completionMode ?? 'NonIndexed',
			backoffLimit: options.backoffLimit ?? 6,
			...(options.activeDeadlineSeconds === undefined ? {} : {activeDeadlineSeconds: options.activeDeadlineSeconds}),
			...(options.ttlSecondsAfterFinished === undefined ? {} : {ttlSecondsAfterFinished: options.ttlSecondsAfterFinished}),
			suspend: options.suspend ?? false,
			selector: {matchLabels: {'batch.kubernetes.io/controller-uid': uid}},
			template: {metadata: {labels}, spec: {restartPolicy: options.restartPolicy ?? 'Never', containers: [{name: 'main', image: 'busybox:1.36'}]}},
		},
		status: {
			...(options.started === undefined ? {} : {startTime: at(options.started)}),
			...(options.completed === undefined ? {} : {completionTime: at(options.completed)}),
			...(options.active ? {active: options.active} : {}),
			...(options.succeeded ? {succeeded: options.succeeded} : {}),
			...(options.failed ? {failed: options.failed} : {}),
			...(options.conditions ? {conditions: [...options.conditions]} : {}),
			...(options.completedIndexes === undefined ? {} : {completedIndexes: options.completedIndexes}),
			...(options.failedIndexes === undefined ? {} : {failedIndexes: options.failedIndexes}),
			ready: 0,
			terminating: 0,
			uncountedTerminatedPods: {},
		},
	};
	return job;
}

/** A True job condition that changed `seconds` from now. */
export function condition(type: string, seconds: number, reason?: string, message?: string): JobCondition {
	return {type, status: 'True', lastProbeTime: at(seconds), lastTransitionTime: at(seconds), ...(reason ? {reason} : {}), ...(message ? {message} : {})};
}

/** Options for a job's pod. Times are seconds relative to `now`. */
export type PodOptions = {
	readonly created?: number;
	readonly phase?: 'Pending' | 'Running' | 'Succeeded' | 'Failed';
	readonly exitCode?: number;
	readonly reason?: string;
	readonly finished?: number;
	readonly waiting?: {reason: string; message?: string};
	readonly restartCount?: number;
	readonly lastTerminated?: {exitCode: number; reason: string; finished: number};
	readonly index?: number;
	readonly node?: string;
	readonly deleting?: number;
};

/** A pod of `job` as the job controller and kubelet leave it. */
export function makePod(job: Job, suffix: string, options: PodOptions = {}): Pod {
	const jobName = job.metadata.name ?? '';
	const name = options.index === undefined ? `${jobName}-${suffix}` : `${jobName}-${options.index}-${suffix}`;
	const phase = options.phase ?? 'Running';
	const created = options.created ?? -30;
	let state: ContainerState;
	if (options.waiting) {
		state = {waiting: options.waiting};
	} else if (phase === 'Succeeded' || phase === 'Failed') {
		state = {terminated: {exitCode: options.exitCode ?? (phase === 'Succeeded' ? 0 : 1), reason: options.reason ?? (phase === 'Succeeded' ? 'Completed' : 'Error'), startedAt: at(created + 1), finishedAt: at(options.finished ?? created + 5)}};
	} else if (phase === 'Running') {
		state = {running: {startedAt: at(created + 1)}};
	} else {
		state = {waiting: {reason: 'ContainerCreating'}};
	}

	const index: Record<string, string> = options.index === undefined ? {} : {'batch.kubernetes.io/job-completion-index': String(options.index)};
	return {
		apiVersion: 'v1',
		kind: 'Pod',
		metadata: {
			name,
			namespace: job.metadata.namespace ?? 'default',
			uid: `uid-${name}`,
			creationTimestamp: at(created),
			labels: {...job.spec.template.metadata?.labels, ...index},
			annotations: index,
			ownerReferences: [{apiVersion: 'batch/v1', kind: 'Job', name: jobName, uid: job.metadata.uid ?? '', controller: true, blockOwnerDeletion: true}],
			...(options.deleting === undefined ? {} : {deletionTimestamp: at(options.deleting), deletionGracePeriodSeconds: 30}),
		},
		spec: {restartPolicy: job.spec.template.spec.restartPolicy ?? 'Never', containers: [{name: 'main', image: 'busybox:1.36'}], nodeName: options.node ?? 'sim-node-1'},
		status: {
			phase,
			startTime: at(created),
			containerStatuses: [{
				name: 'main',
				ready: phase === 'Running' && !options.waiting,
				restartCount: options.restartCount ?? 0,
				state,
				...(options.lastTerminated ? {lastState: {terminated: {exitCode: options.lastTerminated.exitCode, reason: options.lastTerminated.reason, finishedAt: at(options.lastTerminated.finished)}}} : {}),
			}],
		},
	};
}

/** Options for a cron job. */
export type CronJobOptions = {
	readonly namespace?: string;
	readonly created?: number;
	readonly timeZone?: string;
	readonly suspend?: boolean;
	readonly lastSchedule?: number;
	readonly lastSuccess?: number;
	readonly startingDeadlineSeconds?: number;
	readonly active?: readonly Job[];
	readonly concurrencyPolicy?: 'Allow' | 'Forbid' | 'Replace';
};

/** A cron job as the API returns it. */
export function makeCronJob(name: string, schedule: string, options: CronJobOptions = {}): CronJob {
	return {
		apiVersion: 'batch/v1',
		kind: 'CronJob',
		metadata: {name, namespace: options.namespace ?? 'default', uid: `uid-${name}`, creationTimestamp: at(options.created ?? -86_400)},
		spec: {
			schedule,
			...(options.timeZone ? {timeZone: options.timeZone} : {}),
			...(options.startingDeadlineSeconds === undefined ? {} : {startingDeadlineSeconds: options.startingDeadlineSeconds}),
			concurrencyPolicy: options.concurrencyPolicy ?? 'Allow',
			suspend: options.suspend ?? false,
			successfulJobsHistoryLimit: 3,
			failedJobsHistoryLimit: 1,
			jobTemplate: {spec: {template: {spec: {restartPolicy: 'Never', containers: [{name: 'main', image: 'busybox:1.36'}]}}}},
		},
		status: {
			...(options.active ? {active: options.active.map((job) => ({kind: 'Job', namespace: job.metadata.namespace, name: job.metadata.name, uid: job.metadata.uid, apiVersion: 'batch/v1'}))} : {}),
			...(options.lastSchedule === undefined ? {} : {lastScheduleTime: at(options.lastSchedule)}),
			...(options.lastSuccess === undefined ? {} : {lastSuccessfulTime: at(options.lastSuccess)}),
		},
	};
}

/** A job the cron job created for the run scheduled at `scheduled` seconds from now. */
export function cronChild(cronJob: CronJob, scheduled: number, options: JobOptions = {}): Job {
	const minutes = Math.floor((now + (scheduled * 1000)) / 60_000);
	return makeJob(`${cronJob.metadata.name ?? ''}-${minutes}`, {
		created: scheduled,
		...options,
		cronJob,
		annotations: {'batch.kubernetes.io/cronjob-scheduled-timestamp': at(scheduled)},
	});
}

/** An event about an object. */
export function makeEvent(object: Job | Pod, reason: string, message: string, seconds: number, type = 'Normal', count = 1): KubeEvent {
	const kind = 'containers' in object.spec && Array.isArray(object.spec.containers) ? 'Pod' : 'Job';
	return {
		apiVersion: 'v1',
		kind: 'Event',
		metadata: {name: `${object.metadata.name ?? ''}.${reason}.${seconds}`, namespace: object.metadata.namespace ?? 'default', uid: `ev-${object.metadata.name ?? ''}-${reason}-${seconds}`},
		involvedObject: {kind, name: object.metadata.name ?? '', namespace: object.metadata.namespace ?? 'default', uid: object.metadata.uid ?? ''},
		reason,
		message,
		type,
		count,
		firstTimestamp: at(seconds),
		lastTimestamp: at(seconds),
		source: {component: 'job-controller'},
	};
}
