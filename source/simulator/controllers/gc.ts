/**
The garbage collector: removes dependents whose owners are all gone (Background deletion), deletes the dependents
of an owner in Foreground deletion and then releases it, and strips ownerReferences for an Orphan deletion.
*/
import type {CronJob, Job, KubeObject, Pod} from '../../kube/types.js';
import type {SimKind} from '../store.js';
import {deleteObject, deletePod, withoutFinalizer} from './objects.js';
import type {ControllerRuntime} from './runtime.js';

const ownerKinds: readonly SimKind[] = ['CronJob', 'Job'];
const dependentKinds: readonly SimKind[] = ['Job', 'Pod'];

/** The garbage collector. */
export class GarbageCollector {
	readonly #runtime: ControllerRuntime;

	constructor(runtime: ControllerRuntime) {
		this.#runtime = runtime;
	}

	/** One pass: orphan and foreground finalizers first, then dependents of vanished owners. */
	reconcile(now: number): void {
		const {store} = this.#runtime;
		const owners = new Map<string, KubeObject>();
		for (const kind of ownerKinds) {
			for (const owner of store.list<Job | CronJob>(kind)) {
				owners.set(owner.metadata.uid ?? '', owner);
			}
		}

		for (const kind of ownerKinds) {
			for (const owner of store.list(kind)) {
				const finalizers = owner.metadata.finalizers ?? [];
				if (!owner.metadata.deletionTimestamp) {
					continue;
				}

				if (finalizers.includes('orphan')) {
					this.#orphan(owner);
					store.update(kind, withoutFinalizer(store.get(kind, owner.metadata.namespace, owner.metadata.name ?? '') ?? owner, 'orphan'));
				} else if (finalizers.includes('foregroundDeletion')) {
					const dependents = this.#dependents(owner);
					for (const {kind: dependentKind, object} of dependents) {
						this.#delete(dependentKind, object, now, 'Foreground');
					}

					// Only dependents that block owner deletion keep the owner; everything is deleted either way.
					const blocking = this.#dependents(owner).filter(({object}) => object.metadata.ownerReferences?.some(reference => reference.uid === owner.metadata.uid && reference.blockOwnerDeletion));
					if (blocking.length === 0) {
						store.update(kind, withoutFinalizer(owner, 'foregroundDeletion'));
					}
				}
			}
		}

		for (const kind of dependentKinds) {
			for (const object of store.list(kind)) {
				const references = object.metadata.ownerReferences ?? [];
				// Only owners this cluster can hold are judged; a reference to any other kind keeps the object.
				const judged = references.length > 0 && references.every(reference => (ownerKinds as readonly string[]).includes(reference.kind));
				if (judged && !object.metadata.deletionTimestamp && references.every(reference => !owners.has(reference.uid))) {
					this.#delete(kind, object, now, 'Background');
				}
			}
		}
	}

	#dependents(owner: KubeObject): Array<{kind: SimKind; object: KubeObject}> {
		const {store} = this.#runtime;
		const out: Array<{kind: SimKind; object: KubeObject}> = [];
		for (const kind of dependentKinds) {
			for (const object of store.list(kind, owner.metadata.namespace)) {
				if (object.metadata.ownerReferences?.some(reference => reference.uid === owner.metadata.uid)) {
					out.push({kind, object});
				}
			}
		}

		return out;
	}

	#orphan(owner: KubeObject): void {
		const {store} = this.#runtime;
		for (const {kind, object} of this.#dependents(owner)) {
			const next = structuredClone(object);
			next.metadata.ownerReferences = (next.metadata.ownerReferences ?? []).filter(reference => reference.uid !== owner.metadata.uid);
			if (next.metadata.ownerReferences.length === 0) {
				delete next.metadata.ownerReferences;
			}

			store.update(kind, next);
		}
	}

	#delete(kind: SimKind, object: KubeObject, now: number, policy: 'Background' | 'Foreground'): void {
		if (kind === 'Pod') {
			deletePod(this.#runtime.store, object as Pod, now);
		} else {
			deleteObject(this.#runtime.store, kind, object, now, policy);
		}
	}
}
