/**
PATCH bodies: JSON merge patch (RFC 7386), strategic merge patch (lists merged by their Kubernetes merge keys, with
the `$patch` and `$deleteFromPrimitiveList` directives) and JSON patch (RFC 6902).
*/
import {badRequest} from './status.js';
import {SimError} from '../store.js';

type Json = null | boolean | number | string | Json[] | {[key: string]: Json};
type JsonObject = {[key: string]: Json};

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** RFC 7386 merge patch. */
export function mergePatch(target: unknown, patch: unknown): unknown {
	if (!isObject(patch)) {
		return structuredClone(patch);
	}

	const out: JsonObject = isObject(target) ? {...target} : {};
	for (const [key, value] of Object.entries(patch)) {
		if (value === null) {
			delete out[key];
		} else {
			out[key] = mergePatch(out[key], value) as Json;
		}
	}

	return out;
}

/** Lists merged element by element in strategic merge patch, by field name, with their merge key. */
const mergeKeys: Record<string, string> = {
	containers: 'name',
	initContainers: 'name',
	ephemeralContainers: 'name',
	env: 'name',
	volumes: 'name',
	volumeMounts: 'mountPath',
	ports: 'containerPort',
	imagePullSecrets: 'name',
	conditions: 'type',
	ownerReferences: 'uid',
	hostAliases: 'ip',
	schedulingGates: 'name',
};

/** Primitive lists whose strategy is merge (union) rather than replace. */
const mergedPrimitiveLists = new Set(['finalizers']);

function strategicList(field: string, target: Json[] | undefined, patch: Json[]): Json[] {
	const key = mergeKeys[field];
	if (mergedPrimitiveLists.has(field)) {
		return [...new Set([...(target ?? []), ...patch])];
	}

	if (!key) {
		return patch.filter(item => !(isObject(item) && item['$patch'] === 'replace'));
	}

	if (patch.some(item => isObject(item) && item['$patch'] === 'replace')) {
		return patch.filter(item => !(isObject(item) && item['$patch'] === 'replace'));
	}

	const out = [...(target ?? [])];
	for (const item of patch) {
		if (!isObject(item)) {
			continue;
		}

		const index = out.findIndex(existing => isObject(existing) && existing[key] === item[key]);
		if (item['$patch'] === 'delete') {
			if (index >= 0) {
				out.splice(index, 1);
			}
		} else if (index >= 0) {
			out[index] = strategicMergePatch(out[index], item) as Json;
		} else {
			out.push(strategicMergePatch(undefined, item) as Json);
		}
	}

	return out;
}

/** Strategic merge patch over the list semantics of the kinds kjobs serves. */
export function strategicMergePatch(target: unknown, patch: unknown): unknown {
	if (!isObject(patch)) {
		return structuredClone(patch);
	}

	if (patch['$patch'] === 'replace') {
		const {$patch: _, ...rest} = patch;
		return structuredClone(rest);
	}

	if (patch['$patch'] === 'delete') {
		return undefined;
	}

	const out: JsonObject = isObject(target) ? {...target} : {};
	for (const [key, value] of Object.entries(patch)) {
		if (key.startsWith('$deleteFromPrimitiveList/')) {
			const field = key.slice('$deleteFromPrimitiveList/'.length);
			const remove = new Set(Array.isArray(value) ? value : []);
			const current = out[field];
			if (Array.isArray(current)) {
				out[field] = current.filter(item => !remove.has(item));
			}
		} else if (key.startsWith('$setElementOrder/') || key === '$retainKeys' || key === '$patch') {
			// Ordering and retain directives change nothing kjobs can observe.
		} else if (value === null) {
			delete out[key];
		} else if (Array.isArray(value)) {
			out[key] = strategicList(key, Array.isArray(out[key]) ? out[key] : undefined, value);
		} else {
			const merged = strategicMergePatch(out[key], value);
			if (merged === undefined) {
				delete out[key];
			} else {
				out[key] = merged as Json;
			}
		}
	}

	return out;
}

type Operation = {op?: string; path?: string; from?: string; value?: Json};

function pointer(path: string | undefined): string[] {
	if (path === undefined || (path !== '' && !path.startsWith('/'))) {
		throw badRequest(`invalid JSON pointer: ${String(path)}`);
	}

	return path === '' ? [] : path.slice(1).split('/').map(token => token.replaceAll('~1', '/').replaceAll('~0', '~'));
}

function parentOf(root: Json, tokens: string[]): {parent: Json; last: string} {
	let node: Json = root;
	for (const token of tokens.slice(0, -1)) {
		const next: Json | undefined = Array.isArray(node) ? node[Number(token)] : (isObject(node) ? node[token] : undefined);
		if (next === undefined) {
			throw new SimError(422, 'Invalid', `the server rejected our request due to an error in our request: doc is missing path: /${tokens.join('/')}`);
		}

		node = next;
	}

	return {parent: node, last: tokens.at(-1) ?? ''};
}

function getAt(root: Json, tokens: string[]): Json | undefined {
	if (tokens.length === 0) {
		return root;
	}

	const {parent, last} = parentOf(root, tokens);
	return Array.isArray(parent) ? parent[Number(last)] : (isObject(parent) ? parent[last] : undefined);
}

function removeAt(root: Json, tokens: string[]): Json {
	const {parent, last} = parentOf(root, tokens);
	const value = getAt(root, tokens);
	if (value === undefined) {
		throw new SimError(422, 'Invalid', `the server rejected our request due to an error in our request: unable to remove nonexistent key: ${last}: missing value`);
	}

	if (Array.isArray(parent)) {
		parent.splice(Number(last), 1);
	} else if (isObject(parent)) {
		delete parent[last];
	}

	return value;
}

function addAt(root: Json, tokens: string[], value: Json, replace: boolean): Json {
	if (tokens.length === 0) {
		return structuredClone(value);
	}

	const {parent, last} = parentOf(root, tokens);
	if (Array.isArray(parent)) {
		const index = last === '-' ? parent.length : Number(last);
		if (!Number.isInteger(index) || index < 0 || index > parent.length) {
			throw new SimError(422, 'Invalid', `the server rejected our request due to an error in our request: index out of range: ${last}`);
		}

		parent.splice(index, replace ? 1 : 0, structuredClone(value));
	} else if (isObject(parent)) {
		if (replace && !(last in parent)) {
			throw new SimError(422, 'Invalid', `the server rejected our request due to an error in our request: replace operation does not apply: doc is missing key: /${tokens.join('/')}: missing value`);
		}

		parent[last] = structuredClone(value);
	}

	return root;
}

/** RFC 6902 JSON patch. */
export function jsonPatch(target: unknown, operations: unknown): unknown {
	if (!Array.isArray(operations)) {
		throw badRequest('json: cannot unmarshal object into Go value of type jsonpatch.Patch');
	}

	let doc = structuredClone(target) as Json;
	for (const operation of operations as Operation[]) {
		const tokens = pointer(operation.path);
		switch (operation.op) {
			case 'add': {
				doc = addAt(doc, tokens, operation.value ?? null, false);
				break;
			}

			case 'replace': {
				doc = addAt(doc, tokens, operation.value ?? null, true);
				break;
			}

			case 'remove': {
				removeAt(doc, tokens);
				break;
			}

			case 'move': {
				const value = removeAt(doc, pointer(operation.from));
				doc = addAt(doc, tokens, value, false);
				break;
			}

			case 'copy': {
				doc = addAt(doc, tokens, getAt(doc, pointer(operation.from)) ?? null, false);
				break;
			}

			case 'test': {
				if (JSON.stringify(getAt(doc, tokens)) !== JSON.stringify(operation.value)) {
					throw new SimError(422, 'Invalid', `the server rejected our request due to an error in our request: testing value /${tokens.join('/')} failed: test failed`);
				}

				break;
			}

			default: {
				throw badRequest(`Unexpected kind: ${String(operation.op)}`);
			}
		}
	}

	return doc;
}
