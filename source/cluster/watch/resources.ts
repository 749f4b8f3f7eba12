/**
Where each watched kind lives in the API, and how its objects are trimmed before they enter the store.
*/
import {jobLabels, type KubeEvent, type KubeObject} from '../../kube/types.js';
import type {WatchKind} from '../../store/types.js';

/** The collection path of a kind in one namespace, or across all when namespace is undefined. */
export function collectionPath(kind: WatchKind, namespace: string | undefined): string {
	const base = kind === 'jobs' || kind === 'cronjobs' ? '/apis/batch/v1' : '/api/v1';
	const scope = namespace === undefined ? '' : `/namespaces/${encodeURIComponent(namespace)}`;
	return `${base}${scope}/${kind}`;
}

/** The server-side selector that keeps only pods created by the job controller. */
export const jobPodSelector = jobLabels.controllerUid;

/** The kinds whose events kjobs shows. */
const eventKinds = new Set(['Job', 'Pod', 'CronJob']);

/** Whether an event is about a Job, Pod or CronJob (events cannot be OR-filtered server-side). */
export function isRelevantEvent(event: KubeObject): boolean {
	return eventKinds.has((event as KubeEvent).involvedObject?.kind ?? '');
}

const lastApplied = 'kubectl.kubernetes.io/last-applied-configuration';

/**
Returns the object in its JSON wire shape without the bulk the UI never reads (managedFields, the last-applied
annotation), so tens of thousands of objects fit in memory. Date values (typed client results) become ISO strings.
*/
export function normalizeObject<T extends KubeObject>(object: T): T {
	const {managedFields: _managed, ...metadata} = object.metadata;
	if (metadata.annotations && lastApplied in metadata.annotations) {
		const {[lastApplied]: _applied, ...annotations} = metadata.annotations;
		metadata.annotations = annotations;
	}

	return datesToStrings({...object, metadata}) as T;
}

function datesToStrings(value: unknown): unknown {
	if (value instanceof Date) {
		return value.toISOString();
	}

	if (Array.isArray(value)) {
		const mapped = value.map(item => datesToStrings(item));
		return mapped.some((item, index) => item !== value[index]) ? mapped : value;
	}

	if (typeof value === 'object' && value !== null) {
		let copy: Record<string, unknown> | undefined;
		for (const [key, item] of Object.entries(value)) {
			if (typeof item === 'object' && item !== null) {
				const converted = datesToStrings(item);
				if (converted !== item) {
					copy ??= {...(value as Record<string, unknown>)};
					copy[key] = converted;
				}
			}
		}

		return copy ?? value;
	}

	return value;
}
