/**
GET: single objects, lists (chunked, filtered) and watches, as plain JSON or as Tables.
*/
import type {ServerResponse} from 'node:http';
import type {ApiContext, ApiRequest} from '../context.js';
import {type ResourceRoute, apiVersionOf} from '../resources.js';
import {requestFilter} from '../selectors.js';
import {invalid, sendJson} from '../status.js';
import {notFound, SimError} from '../../store.js';
import {withoutType, buildTable, tableRequest, withType} from '../table.js';

function listOptionsInvalid(message: string, field = 'resourceVersionMatch') {
	return invalid('ListOptions.meta.k8s.io', '', [{field, message: `Forbidden: ${message}`, reason: 'FieldValueForbidden'}]);
}

/** GET of one object. */
export function getObject(context: ApiContext, request: ApiRequest, route: ResourceRoute, res: ServerResponse): void {
	const {kind} = route.info;
	const object = context.store.get(kind, route.namespace, route.name!);
	if (!object) {
		throw notFound(kind, route.name!);
	}

	const table = tableRequest(request.headers.accept, request.url.searchParams);
	if (table) {
		sendJson(res, 200, buildTable(kind, [object], context.clock.now(), table, {resourceVersion: object.metadata.resourceVersion}));
		return;
	}

	sendJson(res, 200, withType(kind, object));
}

/** GET of a collection: a list, or a watch with `watch=true|1`. */
export function listOrWatch(context: ApiContext, request: ApiRequest, route: ResourceRoute, res: ServerResponse): void {
	const query = request.url.searchParams;
	const {kind} = route.info;
	const filter = requestFilter(kind, route.namespace, query);
	const table = tableRequest(request.headers.accept, query);
	const rvMatch = query.get('resourceVersionMatch');
	const resourceVersion = query.get('resourceVersion') ?? '';
	const watch = route.legacyWatch || ['true', '1'].includes(query.get('watch') ?? '');
	if (rvMatch && !watch && resourceVersion === '') {
		throw listOptionsInvalid('resourceVersionMatch is forbidden unless resourceVersion is provided');
	}

	if (rvMatch && !['NotOlderThan', 'Exact'].includes(rvMatch)) {
		throw invalid('ListOptions.meta.k8s.io', '', [{field: 'resourceVersionMatch', reason: 'FieldValueNotSupported', message: `Unsupported value: "${rvMatch}": supported values: "Exact", "NotOlderThan"`}]);
	}

	if (watch) {
		const initialEvents = query.get('sendInitialEvents') === 'true';
		const bookmarks = query.get('allowWatchBookmarks') === 'true';
		if (initialEvents && (rvMatch !== 'NotOlderThan' || !bookmarks)) {
			throw invalid('ListOptions.meta.k8s.io', '', [{field: 'sendInitialEvents', reason: 'FieldValueForbidden', message: 'Forbidden: sendInitialEvents is forbidden for watch unless resourceVersionMatch is set to NotOlderThan and allowWatchBookmarks is true'}]);
		}

		const timeoutSeconds = Number(query.get('timeoutSeconds') ?? '0');
		const timeoutMs = timeoutSeconds > 0 ? timeoutSeconds * 1000 : 1_800_000 * (1 + context.random());
		context.hub.open(res, {
			kind,
			filter,
			resourceVersion: initialEvents ? '' : resourceVersion,
			bookmarks,
			initialEvents,
			timeoutMs,
			table,
		});
		return;
	}

	if (resourceVersion !== '' && Number(resourceVersion) > context.store.rv) {
		throw new SimError(504, 'Timeout', `Too large resource version: ${resourceVersion}, current: ${context.store.rv}`, {causes: [{reason: 'ResourceVersionTooLarge', message: 'Too large resource version'}], retryAfterSeconds: 1});
	}

	if (rvMatch === 'Exact' && Number(resourceVersion) < context.store.oldestRv) {
		throw new SimError(410, 'Expired', 'The resourceVersion for the provided list is too old.');
	}

	// A consistent first page (no resourceVersion, no continue token) brings the kind's watch cache up to date.
	if (resourceVersion === '' && !query.get('continue')) {
		context.hub.listed(kind);
	}

	const requestKey = `${kind}|${route.namespace ?? ''}|${query.get('labelSelector') ?? ''}|${query.get('fieldSelector') ?? ''}`;
	const withRemaining = !query.get('labelSelector') && !query.get('fieldSelector');
	const page = context.snapshots.page(context.store, kind, filter, query, requestKey, withRemaining);
	const listMeta = {
		resourceVersion: page.resourceVersion,
		...(page.continue ? {continue: page.continue} : {}),
		...(page.remainingItemCount === undefined ? {} : {remainingItemCount: page.remainingItemCount}),
	};
	if (table) {
		sendJson(res, 200, buildTable(kind, page.items, context.clock.now(), table, listMeta));
		return;
	}

	sendJson(res, 200, {
		kind: `${kind}List`,
		apiVersion: apiVersionOf(route.info),
		metadata: listMeta,
		// Like the real API server: the list says its kind once; its items carry no kind or apiVersion.
		items: page.items.map(item => withoutType(item)),
	});
}
