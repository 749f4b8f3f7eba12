/**
Discovery documents (legacy, non-aggregated: kubectl falls back to per-group-version discovery) and the minimal
OpenAPI v3 documents kubectl's `create -f` / `apply -f` validation needs.
*/
import {resourceInfos} from './resources.js';

/** `GET /version`. */
export const versionInfo = {
	major: '1',
	minor: '32',
	gitVersion: 'v1.32.0-kjobs-sim',
	gitCommit: '0000000000000000000000000000000000000000',
	gitTreeState: 'clean',
	buildDate: '2025-01-01T00:00:00Z',
	goVersion: 'go1.23.4',
	compiler: 'gc',
	platform: 'linux/amd64',
};

/** `GET /api`. */
export function apiVersions(serverAddress: string): unknown {
	return {kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{clientCIDR: '0.0.0.0/0', serverAddress}]};
}

const groups = [
	{name: 'batch', versions: [{groupVersion: 'batch/v1', version: 'v1'}], preferredVersion: {groupVersion: 'batch/v1', version: 'v1'}},
	{name: 'authorization.k8s.io', versions: [{groupVersion: 'authorization.k8s.io/v1', version: 'v1'}], preferredVersion: {groupVersion: 'authorization.k8s.io/v1', version: 'v1'}},
];

/** `GET /apis`. */
export const apiGroupList = {kind: 'APIGroupList', apiVersion: 'v1', groups};

const subresourceVerbs: Record<string, string[]> = {log: ['get'], status: ['get', 'patch', 'update']};

function resourceList(group: string): unknown {
	const groupVersion = group ? `${group}/v1` : 'v1';
	const resources: unknown[] = [];
	for (const info of resourceInfos.filter(i => i.group === group)) {
		resources.push({
			name: info.resource,
			singularName: info.singular,
			namespaced: info.namespaced,
			kind: info.kind,
			verbs: info.kind === 'Namespace'
				? ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch']
				: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
			...(info.shortNames.length > 0 ? {shortNames: info.shortNames} : {}),
			...(info.categories.length > 0 ? {categories: info.categories} : {}),
		});
		const subresources = info.kind === 'Pod' ? ['log', 'status'] : (info.kind === 'Event' ? [] : ['status']);
		for (const sub of subresources) {
			resources.push({name: `${info.resource}/${sub}`, singularName: '', namespaced: info.namespaced, kind: info.kind, verbs: subresourceVerbs[sub]});
		}
	}

	return {kind: 'APIResourceList', apiVersion: 'v1', groupVersion, resources};
}

/** `GET /api/v1`, `/apis/batch/v1`, `/apis/authorization.k8s.io/v1`, `/apis/<group>`, or undefined. */
export function discoveryDocument(pathname: string): unknown {
	switch (pathname) {
		case '/api/v1': {
			return resourceList('');
		}

		case '/apis/batch/v1': {
			return resourceList('batch');
		}

		case '/apis/authorization.k8s.io/v1': {
			return {kind: 'APIResourceList', apiVersion: 'v1', groupVersion: 'authorization.k8s.io/v1', resources: [
				{name: 'selfsubjectaccessreviews', singularName: 'selfsubjectaccessreview', namespaced: false, kind: 'SelfSubjectAccessReview', verbs: ['create']},
				{name: 'selfsubjectrulesreviews', singularName: 'selfsubjectrulesreview', namespaced: false, kind: 'SelfSubjectRulesReview', verbs: ['create']},
			]};
		}

		default: {
			const group = groups.find(g => pathname === `/apis/${g.name}`);
			return group ? {kind: 'APIGroup', apiVersion: 'v1', ...group} : undefined;
		}
	}
}

function patchPath(group: string, kind: string, path: string): unknown {
	return {
		[path]: {
			patch: {
				'x-kubernetes-group-version-kind': {group, version: 'v1', kind},
				parameters: [{name: 'fieldValidation', in: 'query', schema: {type: 'string', uniqueItems: true}}],
				responses: {},
			},
		},
	};
}

/** `GET /openapi/v3` and the per-group documents; undefined for other paths. */
export function openApiDocument(pathname: string): unknown {
	if (pathname === '/openapi/v3') {
		return {paths: {
			'api/v1': {serverRelativeURL: '/openapi/v3/api/v1?hash=KJOBSSIMCORE1'},
			'apis/batch/v1': {serverRelativeURL: '/openapi/v3/apis/batch/v1?hash=KJOBSSIMBATCH1'},
		}};
	}

	const group = pathname === '/openapi/v3/api/v1' ? '' : (pathname === '/openapi/v3/apis/batch/v1' ? 'batch' : undefined);
	if (group === undefined) {
		return undefined;
	}

	const paths: Record<string, unknown> = {};
	for (const info of resourceInfos.filter(i => i.group === group)) {
		const prefix = group ? `/apis/${group}/v1` : '/api/v1';
		const path = info.namespaced ? `${prefix}/namespaces/{namespace}/${info.resource}/{name}` : `${prefix}/${info.resource}/{name}`;
		Object.assign(paths, patchPath(group, info.kind, path));
	}

	return {openapi: '3.0.0', info: {title: 'Kubernetes', version: 'v1.32.0'}, paths, components: {}};
}
