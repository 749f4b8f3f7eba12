/**
Authorization for the simulated cluster: a flat list of allow rules, checked for every request and answered for
SelfSubjectAccessReviews, with the real RBAC denial messages.
*/
import {SimError} from '../store.js';

/** One allow rule; an absent list matches everything. */
export type RbacRule = {verbs: string[]; resources: string[]; apiGroups?: string[]; namespaces?: string[]};

/** What a request wants to do. */
export type Access = {verb: string; group: string; resource: string; subresource?: string; namespace?: string; name?: string};

/** The user name the simulator reports in denials. */
export const simUser = 'kjobs-sim';

const matches = (list: readonly string[] | undefined, value: string) => list === undefined || list.includes('*') || list.includes(value);

/** True when `rules` allow `access` (undefined rules allow everything). */
export function isAllowed(rules: readonly RbacRule[] | undefined, access: Access): boolean {
	if (rules === undefined) {
		return true;
	}

	const resource = access.subresource ? `${access.resource}/${access.subresource}` : access.resource;
	return rules.some(rule => matches(rule.verbs, access.verb)
		&& matches(rule.resources, resource)
		&& matches(rule.apiGroups, access.group)
		&& (rule.namespaces === undefined || (access.namespace !== undefined && matches(rule.namespaces, access.namespace))));
}

/** The 403 Forbidden the real API server answers with. */
export function forbidden(access: Access): SimError {
	const resource = access.subresource ? `${access.resource}/${access.subresource}` : access.resource;
	const groupResource = access.group ? `${access.resource}.${access.group}` : access.resource;
	const subject = access.name ? `${groupResource} "${access.name}"` : groupResource;
	const scope = access.namespace === undefined ? 'at the cluster scope' : `in the namespace "${access.namespace}"`;
	const message = `${subject} is forbidden: User "${simUser}" cannot ${access.verb} resource "${resource}" in API group "${access.group}" ${scope}`;
	return new SimError(403, 'Forbidden', message, {...(access.name ? {name: access.name} : {}), ...(access.group ? {group: access.group} : {}), kind: access.resource});
}

/** Throws 403 unless allowed. */
export function authorize(rules: readonly RbacRule[] | undefined, access: Access): void {
	if (!isAllowed(rules, access)) {
		throw forbidden(access);
	}
}

type ReviewBody = {spec?: {resourceAttributes?: Partial<Access> & {resource?: string}; nonResourceAttributes?: {path?: string; verb?: string}}};

/** Answers a SelfSubjectAccessReview body. */
export function reviewAccess(rules: readonly RbacRule[] | undefined, body: unknown, now: number): unknown {
	const spec = (body as ReviewBody | undefined)?.spec ?? {};
	const attributes = spec.resourceAttributes;
	const allowed = attributes
		? isAllowed(rules, {
			verb: attributes.verb ?? '',
			group: attributes.group ?? '',
			resource: attributes.resource ?? '',
			subresource: attributes.subresource || undefined,
			namespace: attributes.namespace || undefined,
			name: attributes.name || undefined,
		})
		: rules === undefined;
	void now;
	return {
		kind: 'SelfSubjectAccessReview',
		apiVersion: 'authorization.k8s.io/v1',
		metadata: {creationTimestamp: null},
		spec,
		status: allowed ? {allowed: true, reason: 'allowed by the simulated cluster\'s RBAC rules'} : {allowed: false},
	};
}

type RulesReviewBody = {spec?: {namespace?: string}};

/** Answers a SelfSubjectRulesReview (`kubectl auth can-i --list`): the rules that apply in the namespace. */
export function reviewRules(rules: readonly RbacRule[] | undefined, body: unknown): unknown {
	const namespace = (body as RulesReviewBody | undefined)?.spec?.namespace ?? '';
	const applicable = rules === undefined
		? [{verbs: ['*'], apiGroups: ['*'], resources: ['*']}]
		: rules.filter(rule => rule.namespaces === undefined || rule.namespaces.includes('*') || rule.namespaces.includes(namespace))
			.map(rule => ({verbs: rule.verbs, apiGroups: rule.apiGroups ?? ['*'], resources: rule.resources}));
	return {
		kind: 'SelfSubjectRulesReview',
		apiVersion: 'authorization.k8s.io/v1',
		metadata: {creationTimestamp: null},
		spec: {namespace},
		status: {resourceRules: applicable, nonResourceRules: [{verbs: ['get'], nonResourceURLs: ['/api', '/api/*', '/apis', '/apis/*', '/version', '/openapi/*']}], incomplete: false},
	};
}
