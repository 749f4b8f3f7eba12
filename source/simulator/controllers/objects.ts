/**
Small helpers every controller shares: timestamps, ownership lookups and deletions stamped with the controllers'
own `now` (the store's clock may be ahead while a scenario fast-forwards history).
*/
import type {KubeObject, OwnerReference, Pod} from '../../kube/types.js';
import type {SimKind, SimStore} from '../store.js';

/** RFC 3339 with second precision, as Kubernetes timestamps are. */
export function rfc3339(ms: number): string {
	return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Rounds epoch ms down to a whole second, the precision of every API timestamp. */
export function wholeSecond(ms: number): number {
	return Math.floor(ms / 1000) * 1000;
}

/** The controller ownerReference of an object, if any. */
export function controllerOf(object: KubeObject): OwnerReference | undefined {
	return object.metadata.ownerReferences?.find(reference => reference.controller === true);
}

/** A controller ownerReference to `owner` as metav1.NewControllerRef builds it. */
export function controllerRef(owner: KubeObject, kind: string, apiVersion = 'batch/v1'): OwnerReference {
	return {apiVersion, kind, name: owner.metadata.name ?? '', uid: owner.metadata.uid ?? '', controller: true, blockOwnerDeletion: true};
}

/** A copy of `object` without `finalizer`. */
export function withoutFinalizer<T extends KubeObject>(object: T, finalizer: string): T {
	const next = structuredClone(object);
	const rest = (next.metadata.finalizers ?? []).filter(name => name !== finalizer);
	if (rest.length === 0) {
		delete next.metadata.finalizers;
	} else {
		next.metadata.finalizers = rest;
	}

	return next;
}

/**
Deletes a Job, CronJob or Event the way the API server does for a propagation policy: Background removes it now
(or marks it when finalizers remain), Foreground/Orphan add their finalizer for the garbage collector.
*/
export function deleteObject(store: SimStore, kind: SimKind, object: KubeObject, now: number, policy: 'Background' | 'Foreground' | 'Orphan' = 'Background'): void {
	const current = store.get(kind, object.metadata.namespace, object.metadata.name ?? '');
	if (!current || current.metadata.deletionTimestamp) {
		return;
	}

	const extra = policy === 'Foreground' ? ['foregroundDeletion'] : (policy === 'Orphan' ? ['orphan'] : []);
	const finalizers = [...new Set([...(current.metadata.finalizers ?? []), ...extra])];
	if (finalizers.length === 0) {
		store.remove(kind, current.metadata.namespace, current.metadata.name ?? '');
		return;
	}

	const next = structuredClone(current);
	next.metadata.deletionTimestamp = rfc3339(now);
	next.metadata.finalizers = finalizers;
	store.update(kind, next);
}

/**
Deletes a pod as the API server does for a DELETE with the pod's own grace period: unscheduled or terminal pods go
at once (kept while finalizers remain), running ones get deletionTimestamp = now + grace for the kubelet to act on.
*/
export function deletePod(store: SimStore, pod: Pod, now: number): void {
	const current = store.get<Pod>('Pod', pod.metadata.namespace, pod.metadata.name ?? '');
	if (!current || current.metadata.deletionTimestamp) {
		return;
	}

	const phase = current.status?.phase;
	let grace = current.spec.terminationGracePeriodSeconds ?? 30;
	if (!current.spec.nodeName || phase === 'Succeeded' || phase === 'Failed') {
		grace = 0;
	}

	if (grace === 0 && (current.metadata.finalizers?.length ?? 0) === 0) {
		store.remove('Pod', current.metadata.namespace, current.metadata.name ?? '');
		return;
	}

	const next = structuredClone(current);
	next.metadata.deletionTimestamp = rfc3339(now + (grace * 1000));
	next.metadata.deletionGracePeriodSeconds = grace;
	store.update('Pod', next);
}

/** Structural equality of two JSON values (for "only write when something changed"). */
export function sameJson(a: unknown, b: unknown): boolean {
	return JSON.stringify(a) === JSON.stringify(b);
}

/** Calls `fn` for every item; an error for one item does not stop the others, and the first is thrown at the end. */
export function forEachObject<T>(items: Iterable<T>, fn: (item: T) => void): void {
	let failure: unknown;
	let failed = false;
	for (const item of items) {
		try {
			fn(item);
		} catch (error) {
			if (!failed) {
				failed = true;
				failure = error;
			}
		}
	}

	if (failed) {
		throw failure;
	}
}
