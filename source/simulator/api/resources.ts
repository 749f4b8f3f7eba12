/**
The resources the simulated API server serves and how URL paths map onto them.
*/
import type {SimKind} from '../store.js';

/** One served resource type. */
export type ResourceInfo = {
	readonly kind: SimKind;
	readonly resource: string;
	readonly singular: string;
	readonly group: string;
	readonly version: string;
	readonly namespaced: boolean;
	readonly shortNames: readonly string[];
	readonly categories: readonly string[];
};

/** Every resource in discovery order (kubectl `get all` lists in this order). */
export const resourceInfos: readonly ResourceInfo[] = [
	{kind: 'Pod', resource: 'pods', singular: 'pod', group: '', version: 'v1', namespaced: true, shortNames: ['po'], categories: ['all']},
	{kind: 'Event', resource: 'events', singular: 'event', group: '', version: 'v1', namespaced: true, shortNames: ['ev'], categories: []},
	{kind: 'Namespace', resource: 'namespaces', singular: 'namespace', group: '', version: 'v1', namespaced: false, shortNames: ['ns'], categories: []},
	{kind: 'CronJob', resource: 'cronjobs', singular: 'cronjob', group: 'batch', version: 'v1', namespaced: true, shortNames: ['cj'], categories: ['all']},
	{kind: 'Job', resource: 'jobs', singular: 'job', group: 'batch', version: 'v1', namespaced: true, shortNames: [], categories: ['all']},
];

/** The resource info of a kind. */
export function infoOf(kind: SimKind): ResourceInfo {
	return resourceInfos.find(info => info.kind === kind)!;
}

/** `batch/v1` or `v1`. */
export function apiVersionOf(info: ResourceInfo): string {
	return info.group ? `${info.group}/${info.version}` : info.version;
}

/** `jobs.batch` or `pods`, as error messages name a resource. */
export function groupResource(info: ResourceInfo): string {
	return info.group ? `${info.resource}.${info.group}` : info.resource;
}

/** A request path resolved to a resource. */
export type ResourceRoute = {
	readonly info: ResourceInfo;
	/** Undefined for cluster-scoped resources and all-namespace lists. */
	readonly namespace?: string;
	readonly name?: string;
	readonly subresource?: string;
	/** The deprecated `/watch/` path prefix was used. */
	readonly legacyWatch: boolean;
};

/** Resolves `/api/v1/...` and `/apis/batch/v1/...` paths; undefined when the path names no served resource. */
export function parseResourcePath(pathname: string): ResourceRoute | undefined {
	let parts: string[];
	try {
		parts = pathname.split('/').filter(Boolean).map(part => decodeURIComponent(part));
	} catch {
		// A malformed escape names nothing we serve.
		return undefined;
	}

	let group: string;
	let rest: string[];
	if (parts[0] === 'api' && parts[1] === 'v1') {
		group = '';
		rest = parts.slice(2);
	} else if (parts[0] === 'apis' && parts[1] === 'batch' && parts[2] === 'v1') {
		group = 'batch';
		rest = parts.slice(3);
	} else {
		return undefined;
	}

	let legacyWatch = false;
	if (rest[0] === 'watch') {
		legacyWatch = true;
		rest = rest.slice(1);
	}

	const find = (resource: string | undefined) => resourceInfos.find(info => info.group === group && info.resource === resource);
	if (rest[0] === 'namespaces' && rest.length >= 3) {
		const info = find(rest[2]);
		if (!info?.namespaced || rest.length > 5) {
			return undefined;
		}

		return {info, namespace: rest[1], name: rest[3], subresource: rest[4], legacyWatch};
	}

	const info = find(rest[0]);
	if (!info || rest.length > 3 || (info.namespaced && rest.length > 1)) {
		return undefined;
	}

	return {info, name: rest[1], subresource: rest[2], legacyWatch};
}
