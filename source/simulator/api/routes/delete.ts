/**
DELETE of one object or a collection: DeleteOptions (body or query), preconditions, propagation policy with the
batch/v1 defaults (Job → Orphan, CronJob → Background), graceful Pod deletion, and the response shapes of the real
API server (a Status when the object is gone, the object while its deletion is pending, the Pod for pods).
Dependents, finalizers and the end of a graceful deletion are the controllers' (GC, kubelet) business.
*/
import type {ServerResponse} from 'node:http';
import type {KubeObject, Pod} from '../../../kube/types.js';
import {type ApiContext, type ApiRequest, jsonBody, rfc3339} from '../context.js';
import {type ResourceRoute, apiVersionOf, groupResource} from '../resources.js';
import {requestFilter} from '../selectors.js';
import {badRequest, sendJson} from '../status.js';
import {notFound, SimError} from '../../store.js';
import {withoutType, withType} from '../table.js';

type DeleteOptions = {
	gracePeriodSeconds?: number;
	propagationPolicy?: string;
	orphanDependents?: boolean;
	preconditions?: {uid?: string; resourceVersion?: string};
	dryRun?: string[];
};

function deleteOptions(request: ApiRequest): DeleteOptions {
	const body = jsonBody(request);
	const options: DeleteOptions = typeof body === 'object' && body !== null && !Array.isArray(body) ? {...body as DeleteOptions} : {};
	const query = request.url.searchParams;
	const grace = query.get('gracePeriodSeconds');
	if (grace !== null) {
		options.gracePeriodSeconds = Number(grace);
	}

	options.propagationPolicy = query.get('propagationPolicy') ?? options.propagationPolicy;
	if (query.has('orphanDependents')) {
		options.orphanDependents = query.get('orphanDependents') === 'true';
	}

	if (query.getAll('dryRun').length > 0) {
		options.dryRun = query.getAll('dryRun');
	}

	if (options.propagationPolicy !== undefined && !['Orphan', 'Background', 'Foreground'].includes(options.propagationPolicy)) {
		throw new SimError(422, 'Invalid', `DeleteOptions.meta.k8s.io "" is invalid: propagationPolicy: Unsupported value: "${options.propagationPolicy}": supported values: "Foreground", "Background", "Orphan", "nil"`);
	}

	if (options.orphanDependents !== undefined && options.propagationPolicy !== undefined) {
		throw new SimError(422, 'Invalid', 'DeleteOptions.meta.k8s.io "" is invalid: propagationPolicy: Invalid value: "' + options.propagationPolicy + '": orphanDependents and deletionPropagation cannot be both set');
	}

	return options;
}

function checkPreconditions(route: ResourceRoute, object: KubeObject, options: DeleteOptions): void {
	const qualified = route.info.group ? `${route.info.kind}.${route.info.group}` : route.info.kind;
	const want = options.preconditions;
	if (want?.uid && want.uid !== object.metadata.uid) {
		throw new SimError(409, 'Conflict', `Operation cannot be fulfilled on ${qualified} "${object.metadata.name}": the UID in the precondition (${want.uid}) does not match the UID in record (${object.metadata.uid}). The object might have been deleted and then recreated`);
	}

	if (want?.resourceVersion && want.resourceVersion !== object.metadata.resourceVersion) {
		throw new SimError(409, 'Conflict', `Operation cannot be fulfilled on ${qualified} "${object.metadata.name}": the ResourceVersion in the precondition (${want.resourceVersion}) does not match the ResourceVersion in record (${object.metadata.resourceVersion}). The object might have been modified`);
	}
}

function propagation(route: ResourceRoute, options: DeleteOptions): string {
	if (options.propagationPolicy) {
		return options.propagationPolicy;
	}

	if (options.orphanDependents !== undefined) {
		return options.orphanDependents ? 'Orphan' : 'Background';
	}

	// batch/v1 Job defaults to orphaning its pods (DefaultGarbageCollectionPolicy); everything else to Background.
	return route.info.kind === 'Job' ? 'Orphan' : 'Background';
}

function successStatus(route: ResourceRoute, object: KubeObject): unknown {
	return {
		kind: 'Status',
		apiVersion: 'v1',
		metadata: {},
		status: 'Success',
		details: {name: object.metadata.name, ...(route.info.group ? {group: route.info.group} : {}), kind: route.info.resource, uid: object.metadata.uid},
	};
}

function deletePod(context: ApiContext, pod: Pod, options: DeleteOptions): KubeObject {
	let grace = options.gracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30;
	if (!pod.spec.nodeName || pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') {
		grace = 0;
	}

	if (grace < 0) {
		grace = 1;
	}

	const {store} = context;
	if (grace === 0) {
		return store.markDeleted('Pod', pod.metadata.namespace, pod.metadata.name ?? '');
	}

	const now = context.clock.now();
	const deadline = now + (grace * 1000);
	const current = pod.metadata.deletionTimestamp ? Date.parse(pod.metadata.deletionTimestamp) : Number.POSITIVE_INFINITY;
	if (deadline >= current) {
		return pod;
	}

	const next = structuredClone(pod);
	next.metadata.deletionTimestamp = rfc3339(deadline);
	next.metadata.deletionGracePeriodSeconds = grace;
	return store.update('Pod', next);
}

/** Deletes one object and returns the response body. */
function deleteOne(context: ApiContext, route: ResourceRoute, object: KubeObject, options: DeleteOptions): unknown {
	const {kind} = route.info;
	const {store} = context;
	checkPreconditions(route, object, options);
	if (options.dryRun?.includes('All')) {
		return kind === 'Pod' ? withType(kind, object) : successStatus(route, object);
	}

	const name = object.metadata.name ?? '';
	const namespace = object.metadata.namespace;
	if (kind === 'Pod') {
		return withType(kind, deletePod(context, object as Pod, options));
	}

	if (kind === 'Namespace') {
		for (const dependentKind of ['Job', 'CronJob', 'Pod', 'Event'] as const) {
			for (const dependent of store.list(dependentKind, name)) {
				store.remove(dependentKind, name, dependent.metadata.name ?? '');
			}
		}

		return withType(kind, store.markDeleted(kind, undefined, name));
	}

	const policy = propagation(route, options);
	if (policy === 'Background' || kind === 'Event') {
		if ((object.metadata.finalizers?.length ?? 0) > 0) {
			return withType(kind, store.markDeleted(kind, namespace, name));
		}

		const removed = store.remove(kind, namespace, name);
		return successStatus(route, removed);
	}

	const finalizer = policy === 'Foreground' ? 'foregroundDeletion' : 'orphan';
	return withType(kind, store.markDeleted(kind, namespace, name, [finalizer]));
}

/** DELETE of one object. */
export function deleteObject(context: ApiContext, request: ApiRequest, route: ResourceRoute, res: ServerResponse): void {
	const options = deleteOptions(request);
	const object = context.store.get(route.info.kind, route.namespace, route.name!);
	if (!object) {
		throw notFound(route.info.kind, route.name!);
	}

	sendJson(res, 200, deleteOne(context, route, object, options));
}

/** DELETE of a collection (deletecollection): every matching object, answered with the list of what was deleted. */
export function deleteCollection(context: ApiContext, request: ApiRequest, route: ResourceRoute, res: ServerResponse): void {
	if (route.info.kind === 'Namespace') {
		throw new SimError(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource');
	}

	if (route.namespace === undefined) {
		throw badRequest(`deletecollection of ${groupResource(route.info)} needs a namespace`);
	}

	const options = deleteOptions(request);
	const filter = requestFilter(route.info.kind, route.namespace, request.url.searchParams);
	const items: unknown[] = [];
	for (const object of context.store.list(route.info.kind, route.namespace).filter(filter)) {
		deleteOne(context, route, object, options);
		items.push(withoutType(object));
	}

	sendJson(res, 200, {kind: `${route.info.kind}List`, apiVersion: apiVersionOf(route.info), metadata: {resourceVersion: String(context.store.rv)}, items});
}
