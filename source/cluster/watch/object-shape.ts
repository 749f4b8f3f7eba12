/**
The shape an object must have before it enters the store. Everything past the store (printers, view-model, the
screen) reads fields as the API types promise them; one object from a broken server, a webhook or a CRD-era relic
with `status.conditions: "oops"` or `spec: null` would otherwise throw in the middle of rendering and take the whole
screen down. Such an object is skipped and named instead (the store's `malformed` list, shown on the bottom line).
*/
import type {MalformedObject, WatchKind} from '../../store/types.js';

type Shape = 'object' | 'list' | 'string' | 'number' | 'boolean';

// [path, shape, required]: a field that is present must have its shape; a required one must be present.
type Rule = readonly [path: string, shape: Shape, required?: boolean];

const metadata: readonly Rule[] = [
	['metadata', 'object', true],
	['metadata.name', 'string', true],
	['metadata.namespace', 'string'],
	['metadata.uid', 'string'],
	['metadata.resourceVersion', 'string'],
	['metadata.creationTimestamp', 'string'],
	['metadata.deletionTimestamp', 'string'],
	['metadata.labels', 'object'],
	['metadata.annotations', 'object'],
	['metadata.ownerReferences', 'list'],
];

const podSpec = (at: string): Rule[] => [
	[at, 'object', true],
	[`${at}.containers`, 'list', true],
	[`${at}.initContainers`, 'list'],
	[`${at}.restartPolicy`, 'string'],
];

const jobSpec = (at: string): Rule[] => [
	[at, 'object', true],
	[`${at}.completions`, 'number'],
	[`${at}.parallelism`, 'number'],
	[`${at}.backoffLimit`, 'number'],
	[`${at}.activeDeadlineSeconds`, 'number'],
	[`${at}.ttlSecondsAfterFinished`, 'number'],
	[`${at}.suspend`, 'boolean'],
	[`${at}.completionMode`, 'string'],
	[`${at}.selector`, 'object'],
	[`${at}.template`, 'object', true],
	[`${at}.template.metadata`, 'object'],
	...podSpec(`${at}.template.spec`),
];

const status: readonly Rule[] = [['status', 'object'], ['status.conditions', 'list']];

const rules: Readonly<Record<WatchKind, readonly Rule[]>> = {
	jobs: [
		...metadata,
		...jobSpec('spec'),
		...status,
		['status.startTime', 'string'],
		['status.completionTime', 'string'],
		['status.active', 'number'],
		['status.succeeded', 'number'],
		['status.failed', 'number'],
		['status.ready', 'number'],
		['status.completedIndexes', 'string'],
		['status.failedIndexes', 'string'],
		['status.uncountedTerminatedPods', 'object'],
	],
	cronjobs: [
		...metadata,
		['spec', 'object', true],
		['spec.schedule', 'string', true],
		['spec.timeZone', 'string'],
		['spec.suspend', 'boolean'],
		['spec.concurrencyPolicy', 'string'],
		['spec.startingDeadlineSeconds', 'number'],
		['spec.successfulJobsHistoryLimit', 'number'],
		['spec.failedJobsHistoryLimit', 'number'],
		['spec.jobTemplate', 'object', true],
		['spec.jobTemplate.metadata', 'object'],
		...jobSpec('spec.jobTemplate.spec'),
		...status,
		['status.active', 'list'],
		['status.lastScheduleTime', 'string'],
		['status.lastSuccessfulTime', 'string'],
	],
	pods: [
		...metadata,
		...podSpec('spec'),
		['spec.nodeName', 'string'],
		...status,
		['status.phase', 'string'],
		['status.reason', 'string'],
		['status.message', 'string'],
		['status.startTime', 'string'],
		['status.containerStatuses', 'list'],
		['status.initContainerStatuses', 'list'],
	],
	events: [
		...metadata,
		['involvedObject', 'object', true],
		['involvedObject.kind', 'string'],
		['involvedObject.name', 'string'],
		['involvedObject.uid', 'string'],
		['reason', 'string'],
		['message', 'string'],
		['type', 'string'],
		['count', 'number'],
		['firstTimestamp', 'string'],
		['lastTimestamp', 'string'],
		['eventTime', 'string'],
	],
};

// Lists whose every entry must be an object with a string name (containers) or type (conditions).
const entries: ReadonlyArray<readonly [suffix: string, key: string]> = [
	['containers', 'name'],
	['initContainers', 'name'],
	['containerStatuses', 'name'],
	['initContainerStatuses', 'name'],
	['conditions', 'type'],
	['ownerReferences', 'uid'],
];

const shapeWords: Record<Shape, string> = {object: 'an object', list: 'a list', string: 'a string', number: 'a number', boolean: 'true or false'};

/** A skipped object: which one (as far as it can be told) and what is wrong with it. */
export type Malformed = MalformedObject;

/** Names of the watched kinds as a message says them. */
export const kindWord: Readonly<Record<WatchKind, string>> = {jobs: 'job', cronjobs: 'cron job', pods: 'pod', events: 'event'};

/** What is wrong with `object` as a `kind` object, or undefined when it has the shape kjobs reads. */
export function malformation(kind: WatchKind, object: unknown): Malformed | undefined {
	const reason = firstProblem(kind, object);
	return reason === undefined ? undefined : {kind: kindWord[kind], name: describeName(object), reason};
}

/** The report for an object nested deeper than `limit` levels (stored-object.ts refuses to walk it). */
export function nestedTooDeep(kind: WatchKind, object: unknown, limit: number): Malformed {
	return {kind: kindWord[kind], name: describeName(object), reason: `nested more than ${limit} levels deep`};
}

function firstProblem(kind: WatchKind, object: unknown): string | undefined {
	if (!isObject(object)) {
		return 'not an object';
	}

	for (const [path, shape, required] of rules[kind]) {
		const value = at(object, path);
		if (value === undefined || value === null) {
			// JSON null is how Go marshals an unset pointer for most fields; only a required one must be there.
			if (required) {
				return value === null ? `${path} is not ${shapeWords[shape]}` : `${path} is missing`;
			}

			continue;
		}

		if (!hasShape(value, shape)) {
			return `${path} is not ${shapeWords[shape]}`;
		}

		const entry = entries.find(([suffix]) => path === suffix || path.endsWith(`.${suffix}`));
		if (shape === 'list' && entry) {
			const bad = (value as unknown[]).findIndex(item => !isObject(item) || typeof item[entry[1]] !== 'string');
			if (bad !== -1) {
				return `${path}[${bad}] is not an object with a ${entry[1]}`;
			}
		}
	}

	const labels = at(object, 'metadata.labels');
	const annotations = at(object, 'metadata.annotations');
	for (const [path, map] of [['metadata.labels', labels], ['metadata.annotations', annotations]] as const) {
		if (isObject(map) && Object.values(map).some(value => typeof value !== 'string')) {
			return `${path} has a value that is not a string`;
		}
	}

	return undefined;
}

function describeName(object: unknown): string {
	const meta = isObject(object) ? object['metadata'] : undefined;
	if (!isObject(meta)) {
		return '(no name)';
	}

	const name = typeof meta['name'] === 'string' ? meta['name'] : '(no name)';
	return typeof meta['namespace'] === 'string' ? `${meta['namespace']}/${name}` : name;
}

function at(object: Record<string, unknown>, path: string): unknown {
	let value: unknown = object;
	for (const key of path.split('.')) {
		if (!isObject(value)) {
			return undefined;
		}

		value = value[key];
	}

	return value;
}

function hasShape(value: unknown, shape: Shape): boolean {
	switch (shape) {
		case 'object': {
			return isObject(value);
		}

		case 'list': {
			return Array.isArray(value);
		}

		default: {
			return typeof value === shape;
		}
	}
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
