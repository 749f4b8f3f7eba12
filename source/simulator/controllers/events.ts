/**
core/v1 Events as the real controllers and the kubelet record them: named `<object>.<hex nanos>`, aggregated by
object, reason, message and source (count and lastTimestamp grow), and expired an hour after they were last seen,
like the API server's event TTL.
*/
import type {KubeEvent, KubeObject} from '../../kube/types.js';
import type {SimStore} from '../store.js';
import {rfc3339} from './objects.js';

/** The API server's default event TTL. */
export const eventTtlMs = 3_600_000;

/** Who records an event: `source.component` / `reportingComponent`, plus the node for kubelet events. */
export type EventSource = {component: string; host?: string};

/** What an event is about. */
export type EventSubject = {kind: string; apiVersion: string; object: KubeObject; fieldPath?: string};

/** Records and expires events in one store. */
export class EventRecorder {
	readonly #store: SimStore;
	// Aggregation key → event name, so a repeat only bumps count.
	readonly #byKey = new Map<string, string>();
	#lastNanos = 0n;
	#lastSweep = 0;

	constructor(store: SimStore) {
		this.#store = store;
	}

	/** Records one occurrence at `now`. */
	record(now: number, subject: EventSubject, type: 'Normal' | 'Warning', reason: string, message: string, source: EventSource): void {
		const {object} = subject;
		const namespace = object.metadata.namespace ?? 'default';
		const key = [object.metadata.uid, subject.fieldPath ?? '', reason, message, source.component, source.host ?? ''].join('\u0000');
		const existingName = this.#byKey.get(key);
		const existing = existingName ? this.#store.get<KubeEvent>('Event', namespace, existingName) : undefined;
		if (existing) {
			const next = structuredClone(existing);
			next.count = (next.count ?? 1) + 1;
			next.lastTimestamp = rfc3339(now);
			this.#store.update('Event', next);
			return;
		}

		// Event names must be unique: nanos strictly increase even when two events share a millisecond.
		let nanos = BigInt(now) * 1_000_000n;
		if (nanos <= this.#lastNanos) {
			nanos = this.#lastNanos + 1n;
		}

		this.#lastNanos = nanos;
		const name = `${object.metadata.name ?? ''}.${nanos.toString(16)}`;
		const event: KubeEvent = {
			apiVersion: 'v1',
			kind: 'Event',
			metadata: {name, namespace, creationTimestamp: rfc3339(now)},
			involvedObject: {
				kind: subject.kind,
				namespace: object.metadata.namespace,
				name: object.metadata.name,
				uid: object.metadata.uid,
				apiVersion: subject.apiVersion,
				resourceVersion: object.metadata.resourceVersion,
				...(subject.fieldPath ? {fieldPath: subject.fieldPath} : {}),
			},
			reason,
			message,
			source: {component: source.component, ...(source.host ? {host: source.host} : {})},
			firstTimestamp: rfc3339(now),
			lastTimestamp: rfc3339(now),
			count: 1,
			type,
			eventTime: null,
			reportingComponent: source.component,
			reportingInstance: source.host ?? '',
		};
		this.#store.create('Event', event);
		this.#byKey.set(key, name);
	}

	/** Deletes events last seen more than an hour before `now` (checked at most every 10 s of simulated time). */
	expire(now: number): void {
		if (now - this.#lastSweep < 10_000) {
			return;
		}

		this.#lastSweep = now;
		const alive = new Set<string>();
		for (const event of this.#store.list<KubeEvent>('Event')) {
			alive.add(event.metadata.name ?? '');
			const last = Date.parse(event.lastTimestamp ?? event.metadata.creationTimestamp ?? '');
			if (!Number.isNaN(last) && now - last > eventTtlMs) {
				this.#store.remove('Event', event.metadata.namespace, event.metadata.name ?? '');
				alive.delete(event.metadata.name ?? '');
			}
		}

		for (const [key, name] of this.#byKey) {
			if (!alive.has(name)) {
				this.#byKey.delete(key);
			}
		}
	}
}

/** An event subject for a Job. */
export const jobSubject = (object: KubeObject): EventSubject => ({kind: 'Job', apiVersion: 'batch/v1', object});
/** An event subject for a CronJob. */
export const cronJobSubject = (object: KubeObject): EventSubject => ({kind: 'CronJob', apiVersion: 'batch/v1', object});
/** An event subject for a Pod, optionally one of its containers. */
export const podSubject = (object: KubeObject, container?: string): EventSubject => ({kind: 'Pod', apiVersion: 'v1', object, ...(container ? {fieldPath: `spec.containers{${container}}`} : {})});
