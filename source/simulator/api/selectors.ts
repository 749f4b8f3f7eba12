/**
Label and field selectors on list and watch requests, with the real error texts for unsupported field labels.
*/
import type {KubeEvent, KubeObject, Pod} from '../../kube/types.js';
import {matchesLabelSelector, parseLabelSelector} from '../../kube/labels/selector.js';
import type {SimKind} from '../store.js';
import {badRequest} from './status.js';

/** A compiled selector: true when an object matches. */
export type ObjectFilter = (object: KubeObject) => boolean;

type Getter = (object: KubeObject) => string;

const meta: Record<string, Getter> = {
	'metadata.name': o => o.metadata.name ?? '',
	'metadata.namespace': o => o.metadata.namespace ?? '',
};

const pod = (f: (p: Pod) => string): Getter => o => f(o as Pod);
const event = (f: (e: KubeEvent) => string): Getter => o => f(o as KubeEvent);

const fields: Record<SimKind, Record<string, Getter>> = {
	Pod: {
		...meta,
		'spec.nodeName': pod(p => p.spec.nodeName ?? ''),
		'spec.restartPolicy': pod(p => p.spec.restartPolicy ?? ''),
		'spec.schedulerName': pod(p => String(p.spec['schedulerName'] ?? '')),
		'spec.serviceAccountName': pod(p => p.spec.serviceAccountName ?? ''),
		'spec.hostNetwork': pod(p => String(p.spec['hostNetwork'] === true)),
		'status.phase': pod(p => p.status?.phase ?? ''),
		'status.podIP': pod(p => p.status?.podIPs?.[0]?.ip ?? p.status?.podIP ?? ''),
		'status.nominatedNodeName': pod(p => p.status?.nominatedNodeName ?? ''),
	},
	Event: {
		...meta,
		'involvedObject.kind': event(e => e.involvedObject.kind ?? ''),
		'involvedObject.namespace': event(e => e.involvedObject.namespace ?? ''),
		'involvedObject.name': event(e => e.involvedObject.name ?? ''),
		'involvedObject.uid': event(e => e.involvedObject.uid ?? ''),
		'involvedObject.apiVersion': event(e => e.involvedObject.apiVersion ?? ''),
		'involvedObject.resourceVersion': event(e => e.involvedObject.resourceVersion ?? ''),
		'involvedObject.fieldPath': event(e => e.involvedObject.fieldPath ?? ''),
		reason: event(e => e.reason ?? ''),
		source: event(e => e.source?.component || (e as {reportingController?: string}).reportingController || ''),
		type: event(e => e.type ?? ''),
		reportingComponent: event(e => e.reportingComponent ?? (e as {reportingController?: string}).reportingController ?? ''),
	},
	Namespace: {...meta, 'status.phase': o => String((o as {status?: {phase?: string}}).status?.phase ?? '')},
	Job: {...meta, 'status.successful': o => String((o as {status?: {succeeded?: number}}).status?.succeeded ?? 0)},
	CronJob: {...meta},
};

function unsupported(kind: SimKind, key: string): string {
	switch (kind) {
		case 'Job': {
			return `field label "${key}" not supported for batchv1.Job`;
		}

		case 'CronJob': {
			return `"${key}" is not a known field selector: only "metadata.name", "metadata.namespace"`;
		}

		default: {
			return `field label not supported: ${key}`;
		}
	}
}

/** Compiles a fieldSelector for a kind; throws 400 BadRequest for unsupported labels or bad syntax. */
export function parseFieldSelector(kind: SimKind, text: string): ObjectFilter {
	const tests: ObjectFilter[] = [];
	for (const part of text.split(',').map(s => s.trim()).filter(Boolean)) {
		const match = /^([^!=]+?)\s*(!=|==|=)\s*(.*)$/.exec(part);
		if (!match) {
			throw badRequest(`invalid field selector: '${part}'`);
		}

		const [, key = '', op, value = ''] = match;
		const getter = fields[kind][key];
		if (!getter) {
			throw badRequest(unsupported(kind, key));
		}

		tests.push(op === '!=' ? o => getter(o) !== value : o => getter(o) === value);
	}

	return object => tests.every(t => t(object));
}

/** Compiles a labelSelector; throws 400 BadRequest when it does not parse. */
export function compileLabelSelector(text: string): ObjectFilter {
	let requirements: ReturnType<typeof parseLabelSelector>;
	try {
		requirements = parseLabelSelector(text);
	} catch (error) {
		throw badRequest(`unable to parse requirement: ${error instanceof Error ? error.message : String(error)}`);
	}

	return object => matchesLabelSelector(object.metadata.labels ?? {}, requirements);
}

/** The combined filter for a list or watch: namespace, labelSelector and fieldSelector. */
export function requestFilter(kind: SimKind, namespace: string | undefined, query: URLSearchParams): ObjectFilter {
	const label = query.get('labelSelector');
	const field = query.get('fieldSelector');
	const labelFilter = label ? compileLabelSelector(label) : undefined;
	const fieldFilter = field ? parseFieldSelector(kind, field) : undefined;
	return object => (namespace === undefined || object.metadata.namespace === namespace)
		&& (labelFilter?.(object) ?? true)
		&& (fieldFilter?.(object) ?? true);
}
