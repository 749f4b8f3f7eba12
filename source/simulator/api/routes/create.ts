/**
POST (create): JSON, YAML or protobuf bodies, the namespace checks, the API server's create-time defaults and Job
selector generation, validation and dryRun.
*/
import type {ServerResponse} from 'node:http';
import {parse as parseYaml} from 'yaml';
import type {CronJob, Job, KubeObject, Namespace, Pod} from '../../../kube/types.js';
import {type ApiContext, type ApiRequest, contentType, jsonBody} from '../context.js';
import {defaultCronJob, defaultJob, defaultNamespace, defaultPod, generateJobSelector} from '../defaults.js';
import {decodeProtobufObject} from '../protobuf.js';
import {type ResourceRoute, apiVersionOf} from '../resources.js';
import {badRequest, sendJson} from '../status.js';
import {notFound, SimError, type SimKind} from '../../store.js';
import {withoutType, withType} from '../table.js';
import {validateCreate} from '../validate.js';

/** The body as an object with metadata; 400 for anything else. */
export function asObject(value: unknown): KubeObject {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		throw badRequest('the object provided is unrecognized or malformed: expected a JSON object');
	}

	const object = value as KubeObject;
	if (typeof object.metadata !== 'object' || object.metadata === null || Array.isArray(object.metadata)) {
		object.metadata = {};
	}

	return object;
}

/** Reads a JSON, YAML or protobuf body. */
export function readBody(request: ApiRequest): KubeObject {
	const type = contentType(request);
	if (type === 'application/vnd.kubernetes.protobuf') {
		return asObject(decodeProtobufObject(request.body));
	}

	if (type === 'application/yaml') {
		try {
			return asObject(parseYaml(request.body.toString('utf8')));
		} catch (error) {
			throw error instanceof SimError ? error : badRequest(`error converting YAML to JSON: ${error instanceof Error ? error.message : String(error)}`);
		}
	}

	return asObject(jsonBody(request));
}

/** 400 when the body's apiVersion or kind does not fit the URL. */
export function checkType(route: ResourceRoute, object: KubeObject): void {
	const apiVersion = apiVersionOf(route.info);
	if (object.apiVersion !== undefined && object.apiVersion !== apiVersion) {
		throw badRequest(`the API version in the data (${object.apiVersion}) does not match the expected API version (${apiVersion})`);
	}

	if (object.kind !== undefined && object.kind !== route.info.kind) {
		throw badRequest(`the kind in the data (${object.kind}) does not match the expected kind (${route.info.kind})`);
	}
}

function checkNamespace(context: ApiContext, route: ResourceRoute, object: KubeObject): void {
	if (!route.info.namespaced) {
		delete object.metadata.namespace;
		return;
	}

	if (object.metadata.namespace && object.metadata.namespace !== route.namespace) {
		throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
	}

	object.metadata.namespace = route.namespace;
	const namespace = context.store.get<Namespace>('Namespace', undefined, route.namespace ?? '');
	if (!namespace) {
		throw notFound('Namespace', route.namespace ?? '');
	}

	if (namespace.metadata.deletionTimestamp) {
		throw new SimError(403, 'Forbidden', `${route.info.resource}${route.info.group ? `.${route.info.group}` : ''} "${object.metadata.name ?? ''}" is forbidden: unable to create new content in namespace ${route.namespace} because it is being terminated`);
	}
}

/** Fills in what the API server sets on create for each kind. */
function prepareCreate(context: ApiContext, kind: SimKind, object: KubeObject): void {
	const meta = object.metadata;
	for (const field of ['uid', 'resourceVersion', 'generation', 'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'selfLink', 'managedFields'] as const) {
		delete (meta as Record<string, unknown>)[field];
	}

	if (!meta.name && meta.generateName) {
		meta.name = meta.generateName.slice(0, 58) + context.store.randomSuffix();
	}

	if (!meta.name) {
		throw new SimError(422, 'Invalid', `${kind} "" is invalid: metadata.name: Required value: name or generateName is required`);
	}

	switch (kind) {
		case 'Job': {
			const job = object as Job;
			delete job.status;
			if (job.spec?.template) {
				meta.uid = context.store.newUid();
				defaultJob(job);
				generateJobSelector(job, meta.uid);
			}

			break;
		}

		case 'CronJob': {
			const cronJob = object as CronJob;
			delete cronJob.status;
			if (cronJob.spec) {
				defaultCronJob(cronJob);
			}

			break;
		}

		case 'Pod': {
			defaultPod(object as Pod);
			break;
		}

		case 'Namespace': {
			defaultNamespace(object as Namespace);
			break;
		}

		case 'Event': {
			break;
		}
	}
}

/** Stores a new object from a parsed body (POST, or a server-side apply of an object that does not exist yet). */
export function createFrom(context: ApiContext, route: ResourceRoute, object: KubeObject, dryRun: boolean): KubeObject {
	checkType(route, object);
	checkNamespace(context, route, object);
	prepareCreate(context, route.info.kind, object);
	validateCreate(route.info.kind, object);
	if (dryRun) {
		return withType(route.info.kind, object);
	}

	// Stored without kind and apiVersion (the URL says them); watch events and responses add them back.
	const created = context.store.create(route.info.kind, withoutType(object));
	return withType(route.info.kind, created);
}

/** POST to a collection. */
export function createObject(context: ApiContext, request: ApiRequest, route: ResourceRoute, res: ServerResponse): void {
	const object = readBody(request);
	sendJson(res, 201, createFrom(context, route, object, request.url.searchParams.getAll('dryRun').includes('All')));
}
