/**
The Kubernetes objects kjobs works with, in their JSON wire shape (timestamps are RFC 3339 strings).
Only the fields kjobs or its simulator read are declared; every object may carry more.
These types are shared by the simulated cluster and the app, so they import nothing.
*/

/** A label or annotation map. */
export type StringMap = Record<string, string>;

/** metadata.ownerReferences[] */
export type OwnerReference = {
	apiVersion: string;
	kind: string;
	name: string;
	uid: string;
	controller?: boolean;
	blockOwnerDeletion?: boolean;
};

/** metadata */
export type ObjectMeta = {
	name?: string;
	generateName?: string;
	namespace?: string;
	uid?: string;
	resourceVersion?: string;
	generation?: number;
	creationTimestamp?: string | null;
	deletionTimestamp?: string | null;
	deletionGracePeriodSeconds?: number;
	labels?: StringMap;
	annotations?: StringMap;
	ownerReferences?: OwnerReference[];
	finalizers?: string[];
	managedFields?: unknown[];
};

/** Fields every object has. */
export type KubeObject = {
	apiVersion?: string;
	kind?: string;
	metadata: ObjectMeta;
};

/** env[].valueFrom */
export type EnvVarSource = {
	secretKeyRef?: {name: string; key: string; optional?: boolean};
	configMapKeyRef?: {name: string; key: string; optional?: boolean};
	fieldRef?: {fieldPath: string; apiVersion?: string};
	resourceFieldRef?: {resource: string; containerName?: string};
};

/** A container in a pod spec. */
export type Container = {
	name: string;
	image?: string;
	command?: string[];
	args?: string[];
	env?: Array<{name: string; value?: string; valueFrom?: EnvVarSource}>;
	envFrom?: Array<{secretRef?: {name: string}; configMapRef?: {name: string}; prefix?: string}>;
	restartPolicy?: string;
	resources?: Record<string, unknown>;
	[key: string]: unknown;
};

/** A pod spec (also a job's template spec). */
export type PodSpec = {
	containers: Container[];
	initContainers?: Container[];
	restartPolicy?: 'Always' | 'OnFailure' | 'Never' | string;
	nodeName?: string;
	serviceAccountName?: string;
	activeDeadlineSeconds?: number;
	terminationGracePeriodSeconds?: number;
	[key: string]: unknown;
};

/** A pod template. */
export type PodTemplateSpec = {
	metadata?: ObjectMeta;
	spec: PodSpec;
};

/** A label selector. */
export type LabelSelector = {
	matchLabels?: StringMap;
	matchExpressions?: Array<{key: string; operator: string; values?: string[]}>;
};

/** batch/v1 JobCondition */
export type JobCondition = {
	type: string;
	status: 'True' | 'False' | 'Unknown' | string;
	reason?: string;
	message?: string;
	lastProbeTime?: string | null;
	lastTransitionTime?: string | null;
};

/** batch/v1 JobSpec */
export type JobSpec = {
	parallelism?: number;
	completions?: number | null;
	completionMode?: 'NonIndexed' | 'Indexed' | string;
	backoffLimit?: number;
	backoffLimitPerIndex?: number;
	activeDeadlineSeconds?: number;
	ttlSecondsAfterFinished?: number;
	suspend?: boolean;
	manualSelector?: boolean;
	selector?: LabelSelector;
	podFailurePolicy?: unknown;
	podReplacementPolicy?: string;
	template: PodTemplateSpec;
	[key: string]: unknown;
};

/** batch/v1 JobStatus */
export type JobStatus = {
	conditions?: JobCondition[];
	startTime?: string | null;
	completionTime?: string | null;
	active?: number;
	ready?: number;
	succeeded?: number;
	failed?: number;
	terminating?: number;
	completedIndexes?: string;
	failedIndexes?: string;
	uncountedTerminatedPods?: {succeeded?: string[]; failed?: string[]};
};

/** batch/v1 Job */
export type Job = KubeObject & {
	spec: JobSpec;
	status?: JobStatus;
};

/** batch/v1 CronJob */
export type CronJob = KubeObject & {
	spec: {
		schedule: string;
		timeZone?: string | null;
		startingDeadlineSeconds?: number | null;
		concurrencyPolicy?: 'Allow' | 'Forbid' | 'Replace' | string;
		suspend?: boolean;
		successfulJobsHistoryLimit?: number;
		failedJobsHistoryLimit?: number;
		jobTemplate: {metadata?: ObjectMeta; spec: JobSpec};
	};
	status?: {
		active?: Array<{kind?: string; namespace?: string; name?: string; uid?: string; apiVersion?: string; resourceVersion?: string}>;
		lastScheduleTime?: string | null;
		lastSuccessfulTime?: string | null;
	};
};

/** A container's state: exactly one of the three is set. */
export type ContainerState = {
	waiting?: {reason?: string; message?: string};
	running?: {startedAt?: string | null};
	terminated?: {
		exitCode: number;
		signal?: number;
		reason?: string;
		message?: string;
		startedAt?: string | null;
		finishedAt?: string | null;
		containerID?: string;
	};
};

/** core/v1 ContainerStatus */
export type ContainerStatus = {
	name: string;
	ready: boolean;
	started?: boolean;
	restartCount: number;
	image?: string;
	imageID?: string;
	containerID?: string;
	state?: ContainerState;
	lastState?: ContainerState;
};

/** core/v1 PodCondition */
export type PodCondition = {
	type: string;
	status: string;
	reason?: string;
	message?: string;
	lastProbeTime?: string | null;
	lastTransitionTime?: string | null;
};

/** core/v1 Pod */
export type Pod = KubeObject & {
	spec: PodSpec;
	status?: {
		phase?: 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown' | string;
		reason?: string;
		message?: string;
		hostIP?: string;
		podIP?: string;
		podIPs?: Array<{ip: string}>;
		startTime?: string | null;
		conditions?: PodCondition[];
		containerStatuses?: ContainerStatus[];
		initContainerStatuses?: ContainerStatus[];
		nominatedNodeName?: string;
		readinessGates?: unknown[];
	};
};

/** core/v1 Event */
export type KubeEvent = KubeObject & {
	involvedObject: {kind?: string; namespace?: string; name?: string; uid?: string; apiVersion?: string; resourceVersion?: string; fieldPath?: string};
	reason?: string;
	message?: string;
	type?: 'Normal' | 'Warning' | string;
	count?: number;
	firstTimestamp?: string | null;
	lastTimestamp?: string | null;
	eventTime?: string | null;
	source?: {component?: string; host?: string};
	reportingComponent?: string;
	reportingInstance?: string;
	/** Set by events.k8s.io recorders for repeated events; kubectl prefers it over count/lastTimestamp. */
	series?: {count?: number; lastObservedTime?: string | null};
	/** What was done (events.k8s.io recorders, e.g. the scheduler's "Binding"). */
	action?: string;
};

/** core/v1 Namespace */
export type Namespace = KubeObject & {
	spec?: {finalizers?: string[]};
	status?: {phase?: string};
};

/** meta/v1 Status, the shape of every API error. */
export type Status = {
	kind: 'Status';
	apiVersion: 'v1';
	metadata: Record<string, unknown>;
	status: 'Success' | 'Failure';
	message?: string;
	reason?: string;
	details?: {name?: string; group?: string; kind?: string; uid?: string; causes?: Array<{reason?: string; message?: string; field?: string}>; retryAfterSeconds?: number};
	code: number;
};

/** The four labels the job controller puts on a job's pods (pkg/controller/job/job_controller.go). */
export const jobLabels = {
	controllerUid: 'batch.kubernetes.io/controller-uid',
	jobName: 'batch.kubernetes.io/job-name',
	legacyControllerUid: 'controller-uid',
	legacyJobName: 'job-name',
	completionIndex: 'batch.kubernetes.io/job-completion-index',
} as const;

/** The annotation carrying an Indexed job pod's completion index. */
export const completionIndexAnnotation = 'batch.kubernetes.io/job-completion-index';

/** Parses an RFC 3339 timestamp to epoch milliseconds, or undefined when absent or invalid. */
export function timeOf(value: string | null | undefined): number | undefined {
	if (!value) {
		return undefined;
	}

	const ms = Date.parse(value);
	return Number.isNaN(ms) ? undefined : ms;
}
