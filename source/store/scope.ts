/**
The namespace scope applied to a snapshot, so the screen shows only the namespace in scope even while the store still
holds objects from a wider watch (for instance just after `:ns`, before the watchers have relisted).
*/
import type {StoreView} from './types.js';

const cache = new WeakMap<StoreView, {readonly namespace: string; readonly scoped: StoreView}>();

function only<T extends {readonly metadata: {readonly namespace?: string}}>(map: ReadonlyMap<string, T>, namespace: string): ReadonlyMap<string, T> {
	const kept = new Map<string, T>();
	for (const [uid, object] of map) {
		if (object.metadata.namespace === namespace) {
			kept.set(uid, object);
		}
	}

	return kept.size === map.size ? map : kept;
}

/** The snapshot limited to one namespace (all of it when `namespace` is undefined). Cached per snapshot. */
export function scopeSnapshot(snapshot: StoreView, namespace: string | undefined): StoreView {
	if (namespace === undefined) {
		return snapshot;
	}

	const cached = cache.get(snapshot);
	if (cached?.namespace === namespace) {
		return cached.scoped;
	}

	const deleted = new Map([...snapshot.deleted].filter(([, tombstone]) => tombstone.object.metadata.namespace === namespace));
	const scoped: StoreView = {
		...snapshot,
		jobs: only(snapshot.jobs, namespace),
		cronJobs: only(snapshot.cronJobs, namespace),
		pods: only(snapshot.pods, namespace),
		deleted: deleted.size === snapshot.deleted.size ? snapshot.deleted : deleted,
	};
	cache.set(snapshot, {namespace, scoped});
	return scoped;
}
