/**
The namespace scope applied to a store view, so the screen shows only the namespace in scope even while the store still
holds objects from a wider watch (for instance just after `:ns`, before the watchers have relisted).
*/
import type {StoreView} from './types.js';

function only<T extends {readonly metadata: {readonly namespace?: string}}>(map: ReadonlyMap<string, T>, namespace: string): ReadonlyMap<string, T> {
	const kept = new Map<string, T>();
	for (const [uid, object] of map) {
		if (object.metadata.namespace === namespace) {
			kept.set(uid, object);
		}
	}

	return kept.size === map.size ? map : kept;
}

/**
The view limited to one namespace (all of it when `namespace` is undefined). A walk over every object and new maps for
the kinds that hold others: a caller asking again for the same view keeps the result (the table engine does).
*/
export function scopeSnapshot(snapshot: StoreView, namespace: string | undefined): StoreView {
	if (namespace === undefined) {
		return snapshot;
	}

	const deleted = new Map([...snapshot.deleted].filter(([, tombstone]) => tombstone.object.metadata.namespace === namespace));
	const scoped: StoreView = {
		...snapshot,
		jobs: only(snapshot.jobs, namespace),
		cronJobs: only(snapshot.cronJobs, namespace),
		pods: only(snapshot.pods, namespace),
		deleted: deleted.size === snapshot.deleted.size ? snapshot.deleted : deleted,
	};
	return scoped;
}
