/**
What the API server fills in on create: defaults for Jobs, CronJobs, Pods and pod templates, and the Job selector
generation (the four controller labels and the controller-uid selector).
*/
import {type Container, type CronJob, type Job, jobLabels, type KubeObject, type Namespace, type Pod, type PodSpec} from '../../kube/types.js';
import type {SimKind} from '../store.js';

function defaultContainer(container: Container): void {
	container.terminationMessagePath ??= '/dev/termination-log';
	container.terminationMessagePolicy ??= 'File';
	container.resources ??= {};
	for (const variable of container.env ?? []) {
		if (variable.valueFrom?.fieldRef) {
			variable.valueFrom.fieldRef.apiVersion ??= 'v1';
		}
	}
	if (container.imagePullPolicy === undefined) {
		const image = container.image ?? '';
		const tag = /:([^/:@]+)$/.exec(image.split('@')[0] ?? '')?.[1];
		container.imagePullPolicy = image.includes('@') || (tag !== undefined && tag !== 'latest') ? 'IfNotPresent' : 'Always';
	}
}

/** Pod spec defaults (SetDefaults_PodSpec and the container defaults). */
export function defaultPodSpec(spec: PodSpec, restartPolicy = 'Always'): void {
	spec.restartPolicy ??= restartPolicy;
	spec.terminationGracePeriodSeconds ??= 30;
	spec['dnsPolicy'] ??= 'ClusterFirst';
	spec['schedulerName'] ??= 'default-scheduler';
	spec['securityContext'] ??= {};
	for (const container of [...(spec.initContainers ?? []), ...(spec.containers ?? [])]) {
		defaultContainer(container);
	}
}

/** Job defaults (SetDefaults_Job), pod template defaults included. */
export function defaultJob(job: Job): void {
	const spec = job.spec;
	if (spec.completions === undefined && spec.parallelism === undefined) {
		spec.completions = 1;
	}

	spec.parallelism ??= 1;
	spec.backoffLimit ??= spec.backoffLimitPerIndex === undefined ? 6 : 2_147_483_647;
	spec.completionMode ??= 'NonIndexed';
	spec.suspend ??= false;
	spec.podReplacementPolicy ??= spec.podFailurePolicy ? 'Failed' : 'TerminatingOrFailed';
	spec.manualSelector ??= undefined;
	if (spec.manualSelector === undefined) {
		delete spec.manualSelector;
	}

	if (spec.template?.spec) {
		defaultPodSpec(spec.template.spec);
	}
}

/** The selector generation of the Job strategy: template labels and spec.selector from the Job's uid. */
export function generateJobSelector(job: Job, uid: string): void {
	if (job.spec.manualSelector === true) {
		return;
	}

	const name = job.metadata.name ?? '';
	const template = job.spec.template;
	template.metadata ??= {};
	const labels = {...template.metadata.labels};
	labels[jobLabels.controllerUid] ??= uid;
	labels[jobLabels.legacyControllerUid] ??= uid;
	labels[jobLabels.jobName] ??= name;
	labels[jobLabels.legacyJobName] ??= name;
	template.metadata.labels = labels;
	job.spec.selector ??= {};
	job.spec.selector.matchLabels = {...job.spec.selector.matchLabels};
	job.spec.selector.matchLabels[jobLabels.controllerUid] ??= uid;
	if (!job.metadata.labels || Object.keys(job.metadata.labels).length === 0) {
		// SetDefaults_Job: a Job without labels takes its template's labels.
		job.metadata.labels = {...labels};
	}
}

/** CronJob defaults (SetDefaults_CronJob). */
export function defaultCronJob(cronJob: CronJob): void {
	const spec = cronJob.spec;
	spec.concurrencyPolicy ??= 'Allow';
	spec.suspend ??= false;
	spec.successfulJobsHistoryLimit ??= 3;
	spec.failedJobsHistoryLimit ??= 1;
	if (spec.jobTemplate?.spec?.template?.spec) {
		defaultPodSpec(spec.jobTemplate.spec.template.spec);
	}
}

/** Pod defaults on create, including a Pending status. */
export function defaultPod(pod: Pod): void {
	if (pod.spec) {
		defaultPodSpec(pod.spec);
		pod.spec.serviceAccountName ??= 'default';
	}

	pod.status = {phase: 'Pending', ...({qosClass: 'BestEffort'} as object)};
}

/** Namespace defaults on create. */
export function defaultNamespace(namespace: Namespace): void {
	namespace.metadata.labels = {...namespace.metadata.labels, 'kubernetes.io/metadata.name': namespace.metadata.name ?? ''};
	namespace.spec = {finalizers: ['kubernetes']};
	namespace.status = {phase: 'Active'};
}

/** Defaults applied to an update body (decoding defaults every object; selector generation is create-only). */
export function applyUpdateDefaults(kind: SimKind, object: KubeObject): void {
	if (kind === 'Job' && (object as Job).spec?.template) {
		defaultJob(object as Job);
	} else if (kind === 'CronJob' && (object as CronJob).spec) {
		defaultCronJob(object as CronJob);
	} else if (kind === 'Pod' && (object as Pod).spec) {
		defaultPodSpec((object as Pod).spec);
	}
}
