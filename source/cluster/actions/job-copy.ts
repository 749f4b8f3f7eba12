/**
Pure builders for the Jobs that actions create: a rerun copy of a Job (Kubernetes has no rerun: a new Job from the old
one's spec, minus what the server generated) and the Job `kubectl create job --from=cronjob/NAME` builds
(staging/src/k8s.io/kubectl/pkg/cmd/create/create_job.go). Both return the JSON body to POST.
*/
import {jobLabels, type CronJob, type Job, type ObjectMeta, type StringMap} from '../../kube/types.js';

/** The annotation a rerun carries: the name of the job it copies. */
export const rerunOfAnnotation = 'kjobs.io/rerun-of';

/** kubectl's annotation on a manually triggered job. */
export const instantiateAnnotation = 'cronjob.kubernetes.io/instantiate';

/** The alphabet of the API server's generateName suffixes (no vowels, so no words). */
const suffixAlphabet = 'bcdfghjklmnpqrstvwxz2456789';

/** Five random characters from the API server's generateName alphabet. */
export function randomSuffix(random: () => number): string {
	let out = '';
	for (let i = 0; i < 5; i++) {
		out += suffixAlphabet[Math.floor(random() * suffixAlphabet.length)] ?? 'x';
	}

	return out;
}

/** `<base>-<infix>-<suffix>`, with base cut so the name stays a 63-character DNS label (it becomes a label value). */
export function derivedName(base: string, infix: string, suffix: string): string {
	const tail = `-${infix}-${suffix}`;
	return `${base.slice(0, 63 - tail.length).replace(/[-.]+$/, '')}${tail}`;
}

/** The four labels selector generation adds on create: a copy must not carry them, or validation rejects it. */
const controllerLabels: readonly string[] = [jobLabels.controllerUid, jobLabels.legacyControllerUid, jobLabels.jobName, jobLabels.legacyJobName];

/** Annotations that describe the old object's history rather than the job to run. */
const historyAnnotations: readonly string[] = ['kubectl.kubernetes.io/last-applied-configuration', 'batch.kubernetes.io/cronjob-scheduled-timestamp'];

function without(map: StringMap | undefined, keys: readonly string[]): StringMap | undefined {
	if (!map) {
		return undefined;
	}

	const out = Object.fromEntries(Object.entries(map).filter(([key]) => !keys.includes(key)));
	return Object.keys(out).length > 0 ? out : undefined;
}

/**
The body that reruns `job` as `name`: the old spec with everything the server generated stripped (uid,
resourceVersion, creationTimestamp, generation, managedFields, status, the old controller's ownerReferences, the GC
finalizers, spec.selector unless manual, the four controller labels in the template and on the job) and annotated
`kjobs.io/rerun-of: <old name>`. `spec.suspend` is dropped so the copy runs.
*/
export function rerunJobBody(job: Job, name: string): Job {
	const old = job.metadata;
	const labels = without(old.labels, controllerLabels);
	const annotations = {...without(old.annotations, historyAnnotations), [rerunOfAnnotation]: old.name ?? ''};
	const owners = (old.ownerReferences ?? []).filter(owner => owner.controller !== true);
	const finalizers = (old.finalizers ?? []).filter(finalizer => finalizer !== 'foregroundDeletion' && finalizer !== 'orphan');
	const metadata: ObjectMeta = {
		name,
		namespace: old.namespace,
		...(labels ? {labels} : {}),
		annotations,
		...(owners.length > 0 ? {ownerReferences: owners} : {}),
		...(finalizers.length > 0 ? {finalizers} : {}),
	};
	const spec = structuredClone(job.spec);
	if (spec.manualSelector !== true) {
		delete spec.selector;
		delete spec.manualSelector;
	}

	delete spec.suspend;
	const template = spec.template;
	if (template.metadata) {
		const templateLabels = without(template.metadata.labels, controllerLabels);
		const {labels: _labels, creationTimestamp: _created, ...rest} = template.metadata;
		template.metadata = {...rest, ...(templateLabels ? {labels: templateLabels} : {})};
	}

	return {apiVersion: 'batch/v1', kind: 'Job', metadata, spec};
}

/**
The Job `kubectl create job NAME --from=cronjob/CJ` builds (create_job.go createJobFromCronJob): the template's labels,
its annotations over `cronjob.kubernetes.io/instantiate: manual`, a controller ownerReference without
blockOwnerDeletion, and a verbatim copy of the template spec. Not kube/cronjob-job.ts's jobFromCronJob: that one is the
controller's Job, with a scheduled-timestamp annotation and blockOwnerDeletion that kubectl does not set.
*/
export function manualJobBody(cronJob: CronJob, name: string): Job {
	const template = cronJob.spec.jobTemplate;
	const labels = template.metadata?.labels;
	return {
		apiVersion: 'batch/v1',
		kind: 'Job',
		metadata: {
			name,
			namespace: cronJob.metadata.namespace,
			...(labels ? {labels: {...labels}} : {}),
			annotations: {[instantiateAnnotation]: 'manual', ...template.metadata?.annotations},
			ownerReferences: [{apiVersion: 'batch/v1', kind: 'CronJob', name: cronJob.metadata.name ?? '', uid: cronJob.metadata.uid ?? '', controller: true}],
		},
		spec: structuredClone(template.spec),
	};
}
