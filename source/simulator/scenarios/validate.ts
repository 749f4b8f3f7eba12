/**
Checks a scenario document before it is created: the kinds the simulator keeps, the `sim.kjobs.io/*` annotations and
their values, and the fields without which a Job or CronJob cannot run. Problems are one-line ScenarioErrors.
*/
import {parseSchedule} from '../../kube/cron/schedule.js';
import type {CronJob, Job, KubeObject, StringMap} from '../../kube/types.js';
import {knownSimAnnotations, simAnnotations, simPrefix} from '../controllers/job/pod-plan.js';

/** A scenario problem a user can act on: one line, no stack trace. */
export class ScenarioError extends Error {}

/** Where a document is: for messages. */
export type DocumentPlace = {file: string; index: number; kind: string; name: string};

/** "file: document 3 (Job "pi")". */
export function describePlace(place: DocumentPlace): string {
	return `${place.file}: document ${place.index + 1} (${place.kind} "${place.name}")`;
}

const valueChecks: Record<string, {test: (value: string) => boolean; expected: string}> = {
	[simAnnotations.runSeconds]: {test: value => /^\d+(\.\d+)?(-\d+(\.\d+)?)?$/.test(value.trim()), expected: 'seconds like "10" or a range like "5-20"'},
	[simAnnotations.exitCode]: {test: value => /^\d+$/.test(value.trim()) && Number(value) <= 255, expected: 'an exit code 0-255'},
	[simAnnotations.failProbability]: {test: value => /^(0(\.\d+)?|1(\.0+)?|\.\d+)$/.test(value.trim()), expected: 'a probability between 0 and 1'},
	[simAnnotations.reason]: {test: value => ['OOMKilled', 'ImagePullBackOff', 'ErrImagePull'].includes(value.trim()), expected: 'OOMKilled or ImagePullBackOff'},
	[simAnnotations.logLinesPerSecond]: {test: value => /^\d+(\.\d+)?$/.test(value.trim()), expected: 'lines per second, a number'},
	[simAnnotations.ageSeconds]: {test: value => /^\d+$/.test(value.trim()), expected: 'whole seconds'},
	[simAnnotations.log]: {test: () => true, expected: 'text'},
};

function checkAnnotations(annotations: StringMap | undefined, where: string, place: DocumentPlace): void {
	for (const [key, value] of Object.entries(annotations ?? {})) {
		if (!key.startsWith(simPrefix)) {
			continue;
		}

		if (!knownSimAnnotations.has(key)) {
			throw new ScenarioError(`${describePlace(place)}: unknown annotation "${key}" in ${where} (known: ${[...knownSimAnnotations].join(', ')})`);
		}

		const check = valueChecks[key];
		if (typeof value !== 'string' || (check && !check.test(value))) {
			throw new ScenarioError(`${describePlace(place)}: annotation "${key}" in ${where} has value ${JSON.stringify(value)}; expected ${check?.expected ?? 'a string'}`);
		}
	}
}

function checkJobSpec(job: Job['spec'] | undefined, prefix: string, place: DocumentPlace): void {
	if (!Array.isArray(job?.template?.spec?.containers) || job.template.spec.containers.length === 0) {
		throw new ScenarioError(`${describePlace(place)}: ${prefix}template.spec.containers is required`);
	}

	const policy = job.template.spec.restartPolicy;
	if (policy !== undefined && policy !== 'Never' && policy !== 'OnFailure') {
		throw new ScenarioError(`${describePlace(place)}: ${prefix}template.spec.restartPolicy: Unsupported value: "${policy}": supported values: "OnFailure", "Never"`);
	}

	checkAnnotations(job.template.metadata?.annotations, `${prefix}template.metadata.annotations`, place);
}

/** Validates a Job or CronJob document; throws ScenarioError, returns warnings about annotations that do nothing. */
export function validateDocument(object: KubeObject, place: DocumentPlace): string[] {
	if (!place.name) {
		throw new ScenarioError(`${describePlace(place)}: metadata.name is required`);
	}

	checkAnnotations(object.metadata.annotations, 'metadata.annotations', place);
	const template = place.kind === 'CronJob' ? 'spec.jobTemplate.spec.template.metadata.annotations' : 'spec.template.metadata.annotations';
	const warnings = Object.keys(object.metadata.annotations ?? {})
		.filter(key => key.startsWith(simPrefix) && key !== simAnnotations.ageSeconds)
		.map(key => `${describePlace(place)}: annotation "${key}" in metadata.annotations has no effect; pods take it from ${template}`);
	if (place.kind === 'Job') {
		checkJobSpec((object as Job).spec, 'spec.', place);
	} else if (place.kind === 'CronJob') {
		const cronJob = object as CronJob;
		if (typeof cronJob.spec?.schedule !== 'string') {
			throw new ScenarioError(`${describePlace(place)}: spec.schedule is required`);
		}

		try {
			parseSchedule(cronJob.spec.schedule, cronJob.spec.timeZone);
		} catch (error) {
			throw new ScenarioError(`${describePlace(place)}: spec.schedule: ${(error as Error).message}`);
		}

		checkAnnotations(cronJob.spec.jobTemplate?.metadata?.annotations, 'spec.jobTemplate.metadata.annotations', place);
		checkJobSpec(cronJob.spec.jobTemplate?.spec, 'spec.jobTemplate.spec.', place);
	}

	return warnings;
}
