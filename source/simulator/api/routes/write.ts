/**
PUT (update, also of the status subresource) and PATCH (merge, strategic merge, JSON patch, apply), with
validation, resourceVersion preconditions and no-op detection.
*/
import type {ServerResponse} from 'node:http';
import {parse as parseYaml} from 'yaml';
import type {KubeObject} from '../../../kube/types.js';
import {canonicalJson} from '../../canonical.js';
import {type ApiContext, type ApiRequest, contentType, jsonBody} from '../context.js';
import {applyUpdateDefaults} from '../defaults.js';
import {jsonPatch, mergePatch, strategicMergePatch} from '../patch.js';
import type {ResourceRoute} from '../resources.js';
import {badRequest, sendJson} from '../status.js';
import {notFound, SimError} from '../../store.js';
import {withType} from '../table.js';
import {validateUpdate} from '../validate.js';
import {asObject, checkType, createFrom, readBody} from './create.js';

const withoutVersion = (object: KubeObject) => canonicalJson({...object, kind: undefined, apiVersion: undefined, metadata: {...object.metadata, resourceVersion: undefined}});

/** Validates and stores `candidate` as the new state of `current` (main resource or status), or reports a no-op. */
function finishUpdate(context: ApiContext, route: ResourceRoute, current: KubeObject, candidate: KubeObject, expectRv: string | undefined, dryRun: boolean): KubeObject {
	const {kind} = route.info;
	const status = (object: KubeObject) => (object as {status?: unknown}).status;
	let next: KubeObject;
	if (route.subresource === 'status') {
		next = {...structuredClone(current), status: status(candidate)} as KubeObject;
	} else {
		next = {...candidate} as KubeObject;
		delete next.kind;
		delete next.apiVersion;
		if (kind !== 'Event') {
			(next as {status?: unknown}).status = structuredClone(status(current));
			if (status(current) === undefined) {
				delete (next as {status?: unknown}).status;
			}
		}

		next.metadata = {
			...candidate.metadata,
			name: current.metadata.name,
			namespace: current.metadata.namespace,
			uid: current.metadata.uid,
			creationTimestamp: current.metadata.creationTimestamp,
			deletionTimestamp: current.metadata.deletionTimestamp,
			deletionGracePeriodSeconds: current.metadata.deletionGracePeriodSeconds,
			generation: current.metadata.generation,
		};
		for (const [key, value] of Object.entries(next.metadata)) {
			if (value === undefined) {
				delete (next.metadata as Record<string, unknown>)[key];
			}
		}

		validateUpdate(kind, current, next);
	}

	if (expectRv !== undefined && expectRv !== current.metadata.resourceVersion) {
		return context.store.update(kind, next, expectRv);
	}

	next.metadata.resourceVersion = current.metadata.resourceVersion;
	if (withoutVersion(next) === withoutVersion(current) || dryRun) {
		return dryRun ? next : current;
	}

	return context.store.update(kind, next);
}

function parseApply(request: ApiRequest): unknown {
	try {
		return parseYaml(request.body.toString('utf8')) as unknown;
	} catch (error) {
		throw badRequest(`error decoding YAML: ${error instanceof Error ? error.message : String(error)}`);
	}
}

function currentOf(context: ApiContext, route: ResourceRoute): KubeObject {
	const current = context.store.get(route.info.kind, route.namespace, route.name!);
	if (!current) {
		throw notFound(route.info.kind, route.name!);
	}

	return current;
}

/** PUT of an object or its status. */
export function updateObject(context: ApiContext, request: ApiRequest, route: ResourceRoute, res: ServerResponse): void {
	const object = readBody(request);
	checkType(route, object);
	if (object.metadata.name !== undefined && object.metadata.name !== route.name) {
		throw badRequest(`the name of the object (${object.metadata.name}) does not match the name on the URL (${route.name})`);
	}

	const current = currentOf(context, route);
	applyUpdateDefaults(route.info.kind, object);
	const updated = finishUpdate(context, route, current, object, object.metadata.resourceVersion || undefined, request.url.searchParams.getAll('dryRun').includes('All'));
	sendJson(res, 200, withType(route.info.kind, updated));
}

/** PATCH of an object or its status. */
export function patchObject(context: ApiContext, request: ApiRequest, route: ResourceRoute, res: ServerResponse): void {
	const type = contentType(request);
	const dryRun = request.url.searchParams.getAll('dryRun').includes('All');
	if (type === 'application/apply-patch+yaml' && route.subresource === undefined && !context.store.get(route.info.kind, route.namespace, route.name!)) {
		// Server-side apply creates what does not exist yet.
		const object = asObject(parseApply(request));
		object.metadata.name ??= route.name;
		sendJson(res, 201, createFrom(context, route, object, dryRun));
		return;
	}

	const current = currentOf(context, route);
	const base = withType(route.info.kind, structuredClone(current));
	let patched: unknown;
	let expectRv: string | undefined;
	switch (type) {
		case 'application/merge-patch+json':
		case 'application/strategic-merge-patch+json': {
			const patch = jsonBody(request);
			if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) {
				throw badRequest('json: cannot unmarshal array into Go value of type map[string]interface {}');
			}

			expectRv = (patch as {metadata?: {resourceVersion?: string}}).metadata?.resourceVersion;
			patched = type === 'application/merge-patch+json' ? mergePatch(base, patch) : strategicMergePatch(base, patch);
			break;
		}

		case 'application/json-patch+json': {
			patched = jsonPatch(base, jsonBody(request));
			const rv = (patched as KubeObject).metadata?.resourceVersion;
			expectRv = rv === current.metadata.resourceVersion ? undefined : rv;
			break;
		}

		case 'application/apply-patch+yaml': {
			patched = mergePatch(base, parseApply(request));
			break;
		}

		default: {
			throw new SimError(415, 'UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, application/strategic-merge-patch+json`);
		}
	}

	const object = asObject(patched);
	const updated = finishUpdate(context, route, current, object, expectRv, dryRun);
	sendJson(res, 200, withType(route.info.kind, updated));
}
