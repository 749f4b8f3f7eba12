/**
Parent → children indexes of the live store, and how each kind finds its parent.
*/
import {jobLabels, type KubeEvent, type KubeObject} from '../kube/types.js';

/**
A one-parent-per-child index that stays consistent when a child changes parent or disappears. `children` is the map
the snapshot exposes; empty sets are dropped so a lookup never finds a stale parent.
*/
export class ParentIndex {
	readonly children = new Map<string, Set<string>>();
	readonly #parentOf = new Map<string, string>();

	/** Records `child` under `parent`, or under nothing when parent is undefined. */
	set(child: string, parent: string | undefined): void {
		const previous = this.#parentOf.get(child);
		if (previous === parent) {
			return;
		}

		this.remove(child);
		if (parent === undefined) {
			return;
		}

		this.#parentOf.set(child, parent);
		let set = this.children.get(parent);
		if (!set) {
			set = new Set();
			this.children.set(parent, set);
		}

		set.add(child);
	}

	/** Forgets `child`. */
	remove(child: string): void {
		const parent = this.#parentOf.get(child);
		if (parent === undefined) {
			return;
		}

		this.#parentOf.delete(child);
		const set = this.children.get(parent);
		set?.delete(child);
		if (set?.size === 0) {
			this.children.delete(parent);
		}
	}

	/** Forgets everything. */
	clear(): void {
		this.children.clear();
		this.#parentOf.clear();
	}
}

/** The uid of the controller ownerReference of the given kind, if any. */
export function controllerUid(object: KubeObject, kind: string): string | undefined {
	return object.metadata.ownerReferences?.find(reference => reference.controller && reference.kind === kind)?.uid;
}

/** The Job a pod belongs to: the controller-uid label (either spelling) or, failing that, its controller ownerReference. */
export function podJobUid(pod: KubeObject): string | undefined {
	const labels = pod.metadata.labels;
	return labels?.[jobLabels.controllerUid] ?? labels?.[jobLabels.legacyControllerUid] ?? controllerUid(pod, 'Job');
}

/** The CronJob a job belongs to (its controller ownerReference). */
export function jobCronJobUid(job: KubeObject): string | undefined {
	return controllerUid(job, 'CronJob');
}

/** The object an event is about. */
export function eventObjectUid(event: KubeObject): string | undefined {
	return (event as KubeEvent).involvedObject?.uid || undefined;
}
