/**
Server-side Table output (`Accept: application/json;as=Table;g=meta.k8s.io;v=v1`), which kubectl needs to print
anything but NAME and AGE. Cells come from the shared kube/ printers, always wide, as the real server renders them.
*/
import type {KubeObject} from '../../kube/types.js';
import {printers} from './printers.js';
import {apiVersionOf, infoOf} from './resources.js';
import type {SimKind} from '../store.js';

/** How a request asked for Table output, or undefined when it wants plain objects. */
export type TableRequest = {apiVersion: 'meta.k8s.io/v1' | 'meta.k8s.io/v1beta1'; includeObject: 'Metadata' | 'Object' | 'None'};

/** Reads the Accept header (first acceptable Table media type wins) and `includeObject`. */
export function tableRequest(accept: string | undefined, query: URLSearchParams): TableRequest | undefined {
	for (const mediaType of (accept ?? '').split(',')) {
		const params = new Map(mediaType.split(';').slice(1).map(p => {
			const [k = '', v = ''] = p.trim().split('=');
			return [k, v] as const;
		}));
		if (params.get('as') === 'Table' && params.get('g') === 'meta.k8s.io') {
			const version = params.get('v') === 'v1beta1' ? 'v1beta1' : 'v1';
			const include = query.get('includeObject');
			return {apiVersion: `meta.k8s.io/${version}`, includeObject: include === 'Object' || include === 'None' ? include : 'Metadata'};
		}
	}

	return undefined;
}

/**
The object with kind and apiVersion set, as single gets, write responses and every watch event carry them. Set
after the object's own fields, so a `kind: undefined` left on a stored object cannot blank them.
*/
export function withType<T extends KubeObject>(kind: SimKind, object: T): T {
	const {kind: _kind, apiVersion: _apiVersion, ...rest} = object;
	return {kind, apiVersion: apiVersionOf(infoOf(kind)), ...rest, metadata: object.metadata} as T;
}

/** The object without kind and apiVersion: how it is stored, and how the items of a real list (and deletecollection) response come. */
export function withoutType<T extends KubeObject>(object: T): T {
	const {kind: _kind, apiVersion: _apiVersion, ...rest} = object;
	return rest as T;
}

function rowObject(kind: SimKind, object: KubeObject, request: TableRequest): unknown {
	if (request.includeObject === 'Object') {
		return withType(kind, object);
	}

	return {kind: 'PartialObjectMetadata', apiVersion: request.apiVersion, metadata: object.metadata};
}

/** Builds a Table of objects of one kind; `columns: false` leaves columnDefinitions empty (watch events after the first). */
export function buildTable(kind: SimKind, objects: readonly KubeObject[], now: number, request: TableRequest, listMeta: Record<string, unknown>, columns = true): unknown {
	const printer = printers[kind];
	return {
		kind: 'Table',
		apiVersion: request.apiVersion,
		metadata: listMeta,
		columnDefinitions: columns ? printer.columns : [],
		rows: objects.map(object => {
			const printed = printer.print(object, now);
			return {
				cells: printed.cells,
				...(printed.conditions ? {conditions: printed.conditions} : {}),
				...(request.includeObject === 'None' ? {} : {object: rowObject(kind, object, request)}),
			};
		}),
	};
}
