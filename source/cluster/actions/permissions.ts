/**
What the user may do in the current scope, asked of the API with SelfSubjectAccessReviews (what `kubectl auth can-i`
does). The result is plain data with a reason for every denial; call checkPermissions again when the namespace or
context changes.
*/
import type {KubeConfig} from '@kubernetes/client-node';
import {forbiddenMessage} from './errors.js';
import {assertMayMutate, type MutationGate} from './gate.js';
import {sendRequest} from '../connection/kube-request.js';

/** The checks kjobs makes, named verb-resource. */
export type PermissionKey = 'delete-jobs' | 'create-jobs' | 'patch-jobs' | 'patch-cronjobs' | 'delete-cronjobs' | 'delete-pods' | 'get-pods-log';

/** One answer: allowed, or not and why. */
export type Permission = {readonly allowed: boolean; readonly reason?: string};

/** Every check's answer. */
export type Permissions = Readonly<Record<PermissionKey, Permission>>;

type Check = {readonly verb: string; readonly group: string; readonly resource: string; readonly subresource?: string};

/** The resource attributes of each check. */
const permissionChecks: Readonly<Record<PermissionKey, Check>> = {
	'delete-jobs': {verb: 'delete', group: 'batch', resource: 'jobs'},
	'create-jobs': {verb: 'create', group: 'batch', resource: 'jobs'},
	'patch-jobs': {verb: 'patch', group: 'batch', resource: 'jobs'},
	'patch-cronjobs': {verb: 'patch', group: 'batch', resource: 'cronjobs'},
	'delete-cronjobs': {verb: 'delete', group: 'batch', resource: 'cronjobs'},
	'delete-pods': {verb: 'delete', group: '', resource: 'pods'},
	'get-pods-log': {verb: 'get', group: '', resource: 'pods', subresource: 'log'},
};

const keys = Object.keys(permissionChecks) as PermissionKey[];

/** Everything allowed: the state before the first check, and what to assume when the checks themselves fail. */
export const allAllowed: Permissions = Object.fromEntries(keys.map(key => [key, {allowed: true}])) as Record<PermissionKey, Permission>;

function denial(check: Check, namespace: string | undefined): string {
	const resource = check.subresource ? `${check.resource}/${check.subresource}` : check.resource;
	// A cluster-wide no may still leave namespaces where a Role allows it: say how to act there.
	return namespace === undefined
		? `forbidden: cannot ${check.verb} ${resource} in all namespaces (:ns NAME checks one namespace)`
		: forbiddenMessage({verb: check.verb, resource, namespace});
}

/**
Asks the API about every check in `namespace` (undefined: all namespaces, asked cluster-wide). In read-only mode
nothing is sent (a review is a POST): every mutating check is denied with the gate's reason and log reading is
assumed allowed. A check that fails to answer counts as allowed: the action itself will then report the API's reply.
The reviews go through kjobs' own request path, which never follows a redirect with the token; `signal` aborts them.
*/
export async function checkPermissions(kubeConfig: KubeConfig, gate: MutationGate, namespace: string | undefined, signal?: AbortSignal): Promise<Permissions> {
	const refusal = gate.refusal();
	if (refusal !== undefined) {
		return Object.fromEntries(keys.map(key => [key, key === 'get-pods-log' ? {allowed: true} : {allowed: false, reason: refusal}])) as Record<PermissionKey, Permission>;
	}

	const answers = await Promise.all(keys.map(async (key): Promise<[PermissionKey, Permission]> => {
		const check = permissionChecks[key];
		try {
			assertMayMutate(gate, 'POST');
			const response = await sendRequest(kubeConfig, {method: 'POST', path: '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', signal, body: {
				apiVersion: 'authorization.k8s.io/v1',
				kind: 'SelfSubjectAccessReview',
				spec: {resourceAttributes: {verb: check.verb, group: check.group, resource: check.resource, ...(check.subresource ? {subresource: check.subresource} : {}), ...(namespace === undefined ? {} : {namespace})}},
			}});
			if (response.status !== 200 && response.status !== 201) {
				return [key, {allowed: true}];
			}

			const review = JSON.parse(response.body) as {status?: {allowed?: unknown}};
			return [key, review.status?.allowed === true ? {allowed: true} : {allowed: false, reason: denial(check, namespace)}];
		} catch {
			return [key, {allowed: true}];
		}
	}));
	return Object.fromEntries(answers) as Record<PermissionKey, Permission>;
}
