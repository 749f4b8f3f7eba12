/**
Validation the API server applies on create and update, for the fields kjobs users meet: restart policies, schedules
and the immutable parts of a Job.
*/
import type {CronJob, Job, JobSpec, KubeObject, PodSpec} from '../../kube/types.js';
import {sameJson} from '../canonical.js';
import {type Cause, invalid} from './status.js';
import type {SimKind} from '../store.js';

const qualified: Record<SimKind, string> = {Job: 'Job.batch', CronJob: 'CronJob.batch', Pod: 'Pod', Event: 'Event', Namespace: 'Namespace'};

const dnsSubdomain = /^[a-z\d]([-a-z\d]*[a-z\d])?(\.[a-z\d]([-a-z\d]*[a-z\d])?)*$/;

function podSpecCauses(spec: PodSpec | undefined, path: string, allowed: readonly string[] | undefined): Cause[] {
	const causes: Cause[] = [];
	if (!spec?.containers?.length) {
		causes.push({field: `${path}.containers`, message: 'Required value', reason: 'FieldValueRequired'});
	}

	if (allowed && spec?.restartPolicy !== undefined && !allowed.includes(spec.restartPolicy)) {
		causes.push({field: `${path}.restartPolicy`, reason: 'FieldValueNotSupported', message: `Unsupported value: "${spec.restartPolicy}": supported values: ${allowed.map(v => `"${v}"`).join(', ')}`});
	}

	for (const [i, container] of (spec?.containers ?? []).entries()) {
		if (!container.name) {
			causes.push({field: `${path}.containers[${i}].name`, message: 'Required value', reason: 'FieldValueRequired'});
		}

		if (!container.image) {
			causes.push({field: `${path}.containers[${i}].image`, message: 'Required value', reason: 'FieldValueRequired'});
		}
	}

	return causes;
}

function jobSpecCauses(spec: JobSpec | undefined, path: string): Cause[] {
	if (!spec?.template) {
		return [{field: `${path}.template`, message: 'Required value', reason: 'FieldValueRequired'}];
	}

	const causes = podSpecCauses(spec.template.spec, `${path}.template.spec`, ['OnFailure', 'Never']);
	for (const field of ['parallelism', 'completions', 'backoffLimit', 'activeDeadlineSeconds', 'ttlSecondsAfterFinished'] as const) {
		const value = spec[field];
		if (typeof value === 'number' && value < (field === 'activeDeadlineSeconds' ? 1 : 0)) {
			causes.push({field: `${path}.${field}`, message: `Invalid value: ${value}: must be greater than or equal to ${field === 'activeDeadlineSeconds' ? 1 : 0}`});
		}
	}

	return causes;
}

function scheduleCauses(cronJob: CronJob): Cause[] {
	const schedule = cronJob.spec?.schedule;
	if (!schedule) {
		return [{field: 'spec.schedule', message: 'Required value', reason: 'FieldValueRequired'}];
	}

	if (/(^|\s)(CRON_)?TZ=/.test(schedule)) {
		return [{field: 'spec.schedule', message: `Invalid value: "${schedule}": cannot use TZ or CRON_TZ in schedule, use timeZone field instead`}];
	}

	const fields = schedule.trim().split(/\s+/);
	if (!schedule.startsWith('@') && fields.length !== 5) {
		return [{field: 'spec.schedule', message: `Invalid value: "${schedule}": expected exactly 5 fields, found ${fields.length}: ${schedule}`}];
	}

	return [];
}

/** Throws 422 Invalid when a new object is not acceptable. */
export function validateCreate(kind: SimKind, object: KubeObject): void {
	const name = object.metadata.name ?? '';
	const causes: Cause[] = [];
	if (name && (name.length > 253 || !dnsSubdomain.test(name))) {
		causes.push({field: 'metadata.name', message: `Invalid value: "${name}": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`});
	}

	if (kind === 'Job') {
		causes.push(...jobSpecCauses((object as Job).spec, 'spec'));
	} else if (kind === 'CronJob') {
		const cronJob = object as CronJob;
		causes.push(...scheduleCauses(cronJob), ...jobSpecCauses(cronJob.spec?.jobTemplate?.spec, 'spec.jobTemplate.spec'));
	} else if (kind === 'Pod') {
		causes.push(...podSpecCauses((object as {spec?: PodSpec}).spec, 'spec', ['Always', 'OnFailure', 'Never']));
	}

	if (causes.length > 0) {
		throw invalid(qualified[kind], name, causes);
	}
}

const same = sameJson;

/** The pod template with the parts a suspended, never-started Job may change blanked out. */
function frozenTemplate(spec: JobSpec): unknown {
	const template = structuredClone(spec.template);
	if (template?.metadata) {
		delete template.metadata.labels;
		delete template.metadata.annotations;
	}

	if (template?.spec) {
		delete template.spec['nodeSelector'];
		delete template.spec['tolerations'];
		delete template.spec['schedulingGates'];
		const affinity = template.spec['affinity'] as Record<string, unknown> | undefined;
		if (affinity) {
			template.spec['affinity'] = {...affinity, nodeAffinity: undefined};
		}
	}

	return template;
}

const podUpdateMessage = 'Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';

/** The pod spec without the fields a pod update may change. */
function fixedPodSpec(spec: PodSpec | undefined): unknown {
	if (!spec) {
		return spec;
	}

	const strip = (containers: PodSpec['containers'] | undefined) => containers?.map(({image: _, ...rest}) => rest);
	return {...spec, containers: strip(spec.containers), initContainers: strip(spec.initContainers), activeDeadlineSeconds: undefined, tolerations: undefined, terminationGracePeriodSeconds: undefined};
}

/** Throws 422 Invalid when an update changes something immutable (ValidateJobSpecUpdate, pod spec) or breaks validation. */
export function validateUpdate(kind: SimKind, previous: KubeObject, next: KubeObject): void {
	if (kind === 'CronJob' && /(^|\s)(CRON_)?TZ=/.test((previous as CronJob).spec?.schedule ?? '')) {
		// A legacy schedule with TZ= may stay (ValidateCronJobUpdate only rejects adding it).
		validateCreate(kind, {...next, spec: {...(next as CronJob).spec, schedule: '* * * * *'}} as CronJob);
	} else {
		validateCreate(kind, next);
	}

	if (kind === 'Pod') {
		if (!same(fixedPodSpec((previous as {spec?: PodSpec}).spec), fixedPodSpec((next as {spec?: PodSpec}).spec))) {
			throw invalid(qualified[kind], next.metadata.name ?? '', [{field: 'spec', message: podUpdateMessage, reason: 'FieldValueForbidden'}]);
		}

		return;
	}

	if (kind !== 'Job') {
		return;
	}

	const before = (previous as Job).spec;
	const after = (next as Job).spec;
	const causes: Cause[] = [];
	for (const field of ['completions', 'selector', 'completionMode', 'podFailurePolicy', 'backoffLimitPerIndex', 'managedBy', 'successPolicy'] as const) {
		if (!same(before[field], after[field])) {
			causes.push({field: `spec.${field}`, message: `Invalid value: ${JSON.stringify(after[field]) ?? 'null'}: field is immutable`});
		}
	}

	const mayChangeScheduling = before.suspend === true && !(previous as Job).status?.startTime;
	const templateChanged = mayChangeScheduling ? !same(frozenTemplate(before), frozenTemplate(after)) : !same(before.template, after.template);
	if (templateChanged) {
		causes.push({field: 'spec.template', message: `Invalid value: ${JSON.stringify(after.template)}: field is immutable`});
	}

	if (causes.length > 0) {
		throw invalid(qualified[kind], next.metadata.name ?? '', causes);
	}
}
