/**
The simulated cluster's storage: objects by kind, namespace and name, one cluster-wide resourceVersion counter (like
etcd's revision), and a bounded history of changes so a watch can resume from a recent resourceVersion.
Everything that changes an object goes through here, so every change reaches watchers exactly once and in order.
*/
import {randomUUID} from 'node:crypto';
import type {KubeObject} from '../kube/types.js';
import {sameJson} from './canonical.js';

/** The kinds the simulated cluster stores. */
export type SimKind = 'Namespace' | 'Job' | 'CronJob' | 'Pod' | 'Event';

/** A change to one object, as a watch reports it. */
export type StoreEvent = {
	readonly type: 'ADDED' | 'MODIFIED' | 'DELETED';
	readonly kind: SimKind;
	/** The object after the change (for DELETED: its last state, stamped with the deletion's resourceVersion). */
	readonly object: KubeObject;
	readonly rv: number;
};

/** An API error with the HTTP code and `Status.reason` the server answers with. */
export class SimError extends Error {
	constructor(readonly code: number, readonly reason: string, message: string, readonly details?: Record<string, unknown>) {
		super(message);
	}
}

/** Options for a new store. */
export type SimStoreOptions = {
	/** Simulated time in epoch ms, for creationTimestamp and deletionTimestamp. */
	now: () => number;
	/** The first resourceVersion; seed it from the wall clock so versions never go backwards across restarts. */
	startRv?: number;
	/** How many changes are kept for resuming watches; older resourceVersions get 410 Expired. */
	historySize?: number;
	/** Random source in [0, 1) for generated names (seeded for reproducible runs). */
	random?: () => number;
	/** uid source (seeded runs pass their own). */
	uid?: () => string;
};

const alphabet = 'bcdfghjklmnpqrstvwxz2456789';

/** Storage with resourceVersions, change history and subscribers. */
export class SimStore {
	readonly #objects = new Map<SimKind, Map<string, KubeObject>>();
	readonly #history: StoreEvent[] = [];
	readonly #historySize: number;
	readonly #listeners = new Set<(event: StoreEvent) => void>();
	readonly #now: () => number;
	readonly #random: () => number;
	readonly #uid: () => string;
	#rv: number;
	#oldest: number;

	constructor(options: SimStoreOptions) {
		this.#now = options.now;
		this.#rv = options.startRv ?? 1;
		this.#oldest = this.#rv;
		this.#historySize = options.historySize ?? 10_000;
		this.#random = options.random ?? Math.random;
		this.#uid = options.uid ?? randomUUID;
	}

	/** The current cluster-wide resourceVersion. */
	get rv(): number {
		return this.#rv;
	}

	/** The oldest resourceVersion a watch may still resume from; anything older is 410 Expired. */
	get oldestRv(): number {
		return this.#oldest;
	}

	/** Simulated time, epoch ms. */
	now(): number {
		return this.#now();
	}

	/** Five characters as the API server appends for generateName. */
	randomSuffix(length = 5): string {
		let out = '';
		for (let i = 0; i < length; i++) {
			out += alphabet[Math.floor(this.#random() * alphabet.length)];
		}

		return out;
	}

	/** A fresh uid from the store's (possibly seeded) source. */
	newUid(): string {
		return this.#uid();
	}

	/** One object, or undefined. The result must not be mutated: pass a changed copy to update(). */
	get<T extends KubeObject>(kind: SimKind, namespace: string | undefined, name: string): T | undefined {
		return this.#bucket(kind).get(key(namespace, name)) as T | undefined;
	}

	/** All objects of a kind, in one namespace or all, sorted by namespace then name (the order a real list has). */
	list<T extends KubeObject>(kind: SimKind, namespace?: string): T[] {
		const out: T[] = [];
		for (const object of this.#bucket(kind).values()) {
			if (namespace === undefined || object.metadata.namespace === namespace) {
				out.push(object as T);
			}
		}

		return out.sort((a, b) => compareKeys(a, b));
	}

	/** How many objects of a kind are stored. */
	count(kind: SimKind): number {
		return this.#bucket(kind).size;
	}

	/**
	Stores a new object: resolves generateName, sets uid, resourceVersion, generation and creationTimestamp (unless the
	caller set one, as scenarios that pretend to be old do). Throws 409 AlreadyExists on a name conflict.
	*/
	create<T extends KubeObject>(kind: SimKind, input: T): T {
		const object = structuredClone(input);
		const meta = object.metadata;
		if (!meta.name && meta.generateName) {
			meta.name = meta.generateName + this.randomSuffix();
		}

		if (!meta.name) {
			throw new SimError(422, 'Invalid', `${kind} "" is invalid: metadata.name: Required value: name or generateName is required`);
		}

		const bucket = this.#bucket(kind);
		const k = key(meta.namespace, meta.name);
		if (bucket.has(k)) {
			throw new SimError(409, 'AlreadyExists', `${plural(kind)}${group(kind)} "${meta.name}" already exists`, {name: meta.name, kind: plural(kind)});
		}

		// A caller that needed the uid before storing (the Job selector is derived from it) got one from newUid().
		meta.uid ||= this.#uid();
		if (tracksGeneration(kind)) {
			meta.generation = 1;
		} else {
			delete meta.generation;
		}
		meta.creationTimestamp ??= new Date(this.#now()).toISOString().replace(/\.\d{3}Z$/, 'Z');
		meta.resourceVersion = String(++this.#rv);
		delete meta.deletionTimestamp;
		bucket.set(k, object);
		this.#emit({type: 'ADDED', kind, object, rv: this.#rv});
		return object;
	}

	/**
	Replaces a stored object (matched by namespace and name) with a changed copy and bumps its resourceVersion;
	generation grows when the spec changed. An object whose deletionTimestamp is set and whose finalizers are gone is
	removed instead. Throws 404 when it does not exist and 409 Conflict when `expectRv` does not match.
	*/
	update<T extends KubeObject>(kind: SimKind, input: T, expectRv?: string): T {
		const bucket = this.#bucket(kind);
		const k = key(input.metadata.namespace, input.metadata.name ?? '');
		const current = bucket.get(k);
		if (!current) {
			throw notFound(kind, input.metadata.name ?? '');
		}

		if (expectRv !== undefined && expectRv !== current.metadata.resourceVersion) {
			throw new SimError(409, 'Conflict', `Operation cannot be fulfilled on ${plural(kind)}${group(kind)} "${input.metadata.name}": the object has been modified; please apply your changes to the latest version and try again`);
		}

		const object = input === current ? structuredClone(input) : input;
		object.metadata.uid = current.metadata.uid;
		object.metadata.creationTimestamp = current.metadata.creationTimestamp;
		const specChanged = !sameJson((object as {spec?: unknown}).spec, (current as {spec?: unknown}).spec);
		if (tracksGeneration(kind)) {
			object.metadata.generation = (current.metadata.generation ?? 1) + (specChanged ? 1 : 0);
		} else {
			delete object.metadata.generation;
		}
		// Like the API server's ShouldDeleteDuringUpdate: a graceful pod deletion (grace > 0) waits for the kubelet.
		if (object.metadata.deletionTimestamp && (object.metadata.finalizers?.length ?? 0) === 0 && (object.metadata.deletionGracePeriodSeconds ?? 0) === 0) {
			return this.remove(kind, object.metadata.namespace, object.metadata.name ?? '', object) as T;
		}

		object.metadata.resourceVersion = String(++this.#rv);
		bucket.set(k, object);
		this.#emit({type: 'MODIFIED', kind, object, rv: this.#rv});
		return object;
	}

	/**
	Starts a deletion the way the API server does: with finalizers, the object gets a deletionTimestamp and stays until
	they are removed (via update); without, it is removed at once. Returns the object as it now stands (or as it was
	last, when removed).
	*/
	markDeleted<T extends KubeObject>(kind: SimKind, namespace: string | undefined, name: string, finalizers: string[] = []): T {
		const current = this.get<T>(kind, namespace, name);
		if (!current) {
			throw notFound(kind, name);
		}

		const next = structuredClone(current);
		next.metadata.deletionTimestamp ??= new Date(this.#now()).toISOString().replace(/\.\d{3}Z$/, 'Z');
		// The final (grace 0) deletion: what is left waits only for finalizers.
		next.metadata.deletionGracePeriodSeconds = 0;
		next.metadata.finalizers = [...new Set([...(next.metadata.finalizers ?? []), ...finalizers])];
		if (next.metadata.finalizers.length === 0) {
			delete next.metadata.finalizers;
			return this.remove(kind, namespace, name, next) as T;
		}

		return this.update(kind, next);
	}

	/** Removes an object now (no finalizers consulted) and reports DELETED. Throws 404 when absent. */
	remove(kind: SimKind, namespace: string | undefined, name: string, last?: KubeObject): KubeObject {
		const bucket = this.#bucket(kind);
		const k = key(namespace, name);
		const current = bucket.get(k);
		if (!current) {
			throw notFound(kind, name);
		}

		bucket.delete(k);
		const object = structuredClone(last ?? current);
		object.metadata.resourceVersion = String(++this.#rv);
		this.#emit({type: 'DELETED', kind, object, rv: this.#rv});
		return object;
	}

	/** Changes after `rv` (exclusive), or 'expired' when history no longer reaches back that far. */
	changesSince(rv: number): StoreEvent[] | 'expired' {
		if (rv < this.#oldest) {
			return 'expired';
		}

		// History is ordered by rv: find the first change newer than `rv`.
		let lo = 0;
		let hi = this.#history.length;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (this.#history[mid]!.rv <= rv) {
				lo = mid + 1;
			} else {
				hi = mid;
			}
		}

		return this.#history.slice(lo);
	}

	/** Forgets history up to `rv` (default: all of it), so watches from older versions get 410 Expired. A test hook. */
	compact(rv = this.#rv): void {
		while (this.#history.length > 0 && this.#history[0]!.rv <= rv) {
			this.#history.shift();
		}

		this.#oldest = Math.max(this.#oldest, rv);
	}

	/** Calls `listener` after every change, synchronously and in order. Returns the unsubscribe function. */
	subscribe(listener: (event: StoreEvent) => void): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}

	#emit(event: StoreEvent): void {
		this.#history.push(event);
		if (this.#history.length > this.#historySize) {
			const dropped = this.#history.splice(0, this.#history.length - this.#historySize);
			this.#oldest = dropped.at(-1)!.rv;
		}

		for (const listener of this.#listeners) {
			listener(event);
		}
	}

	#bucket(kind: SimKind): Map<string, KubeObject> {
		let bucket = this.#objects.get(kind);
		if (!bucket) {
			bucket = new Map();
			this.#objects.set(kind, bucket);
		}

		return bucket;
	}
}

/** The lowercase plural resource name of a kind, as in URLs and error messages. */
export function plural(kind: SimKind): string {
	return {Namespace: 'namespaces', Job: 'jobs', CronJob: 'cronjobs', Pod: 'pods', Event: 'events'}[kind];
}

// Pods, events and namespaces of a 1.32 cluster carry no metadata.generation.
function tracksGeneration(kind: SimKind): boolean {
	return kind === 'Job' || kind === 'CronJob';
}

function group(kind: SimKind): string {
	return kind === 'Job' || kind === 'CronJob' ? '.batch' : '';
}

/** The 404 the API server gives for a missing object. */
export function notFound(kind: SimKind, name: string): SimError {
	return new SimError(404, 'NotFound', `${plural(kind)}${group(kind)} "${name}" not found`, {name, kind: plural(kind), ...(group(kind) ? {group: 'batch'} : {})});
}

function key(namespace: string | undefined, name: string): string {
	return `${namespace ?? ''}/${name}`;
}

function compareKeys(a: KubeObject, b: KubeObject): number {
	const an = a.metadata.namespace ?? '';
	const bn = b.metadata.namespace ?? '';
	if (an !== bn) {
		return an < bn ? -1 : 1;
	}

	const aName = a.metadata.name ?? '';
	const bName = b.metadata.name ?? '';
	return aName < bName ? -1 : (aName > bName ? 1 : 0);
}
