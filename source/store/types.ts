/**
The contract between the cluster layer (which feeds the live store) and everything that reads it.
*/
import type {CronJob, Job, KubeEvent, KubeObject, Pod} from '../kube/types.js';

/** An object the watchers skipped because it does not have the shape kjobs reads (cluster/object-shape.ts). */
export type MalformedObject = {readonly kind: string; readonly name: string; readonly reason: string};

/** The kinds kjobs watches. */
export type WatchKind = 'jobs' | 'cronjobs' | 'pods' | 'events';

/** A watcher's connection state, as the header shows it. Times are epoch ms from the app clock. */
export type WatchState =
	| {readonly phase: 'connecting'}
	/** The first list is arriving page by page: `listed` objects are in the store so far, more are coming. */
	| {readonly phase: 'listing'; readonly listed: number}
	| {readonly phase: 'live'; readonly since: number}
	| {readonly phase: 'reconnecting'; readonly nextAttemptAt: number; readonly attempt: number; readonly error: string}
	| {readonly phase: 'forbidden'; readonly message: string}
	| {readonly phase: 'failed'; readonly error: string};

/** A deleted object kept briefly so its row can fade out instead of vanishing. */
export type Tombstone<T> = {readonly object: T; readonly deletedAt: number};

/**
What the store holds at one moment. A new snapshot object is published on every (coalesced) notification; the maps
inside may be shared between snapshots and mutated afterwards, so read them during a render, do not keep them.
*/
export type StoreView = {
	/** Grows by one with every notification. */
	readonly version: number;
	readonly jobs: ReadonlyMap<string, Job>;
	readonly cronJobs: ReadonlyMap<string, CronJob>;
	readonly pods: ReadonlyMap<string, Pod>;
	readonly events: ReadonlyMap<string, KubeEvent>;
	/** Job uid → uids of its pods (by the controller-uid label or the controller ownerReference). */
	readonly podsByJob: ReadonlyMap<string, ReadonlySet<string>>;
	/** CronJob uid → uids of its jobs (by the controller ownerReference). */
	readonly jobsByCronJob: ReadonlyMap<string, ReadonlySet<string>>;
	/** involvedObject uid → uids of its events. */
	readonly eventsByObject: ReadonlyMap<string, ReadonlySet<string>>;
	/** Recently deleted jobs, cron jobs and pods by uid, kept for a minute. */
	readonly deleted: ReadonlyMap<string, Tombstone<Job | CronJob | Pod>>;
	/** uid → app-clock time of the object's last change (for a brief highlight). */
	readonly changedAt: ReadonlyMap<string, number>;
	readonly watch: Readonly<Record<WatchKind, WatchState>>;
	/** The namespace in scope when the API server says it does not exist (lists in it are simply empty). */
	readonly missingNamespace?: string;
	/** Objects skipped as malformed, jobs first, then cron jobs, pods and events. */
	readonly malformed?: readonly MalformedObject[];
	/**
	What changed in the maps between the previous publication and this one, so a reader can update what it derived
	from the previous snapshot instead of working everything out again. Absent (snapshots not made by the store): unknown.
	*/
	readonly changes?: SnapshotChanges;
	/**
	What has changed in the maps since this snapshot was published (they are shared and mutated in place): the very
	object that becomes the next snapshot's `changes`, still growing until then; `count` tells a reader whether it has.
	*/
	readonly pending?: SnapshotChanges;
};

/**
The uids that changed between two publications of the store. A reader that derived something from the snapshot of
version `since` gets exactly what it would derive from scratch by working out again every uid listed here (each is
idempotent: it reads the maps as they are), and nothing else. When `full` is set the sets are not complete (a reset,
or more changes than are worth listing): work everything out again.
*/
export type SnapshotChanges = {
	/** The sets do not list every change: derive everything from the maps again. */
	readonly full: boolean;
	/** The version of the snapshot these changes lead from. */
	readonly since: number;
	/** How many changes were recorded (also once `full`); it grows while the record is a snapshot's `pending`. */
	readonly count: number;
	/** Jobs upserted or deleted. */
	readonly jobs: ReadonlySet<string>;
	/** Cron jobs upserted or deleted. */
	readonly cronJobs: ReadonlySet<string>;
	/** Pods upserted or deleted. */
	readonly pods: ReadonlySet<string>;
	/** Events upserted or deleted. */
	readonly events: ReadonlySet<string>;
	/** Jobs that gained, lost or had a pod changed (the old and the new owner of each pod above). */
	readonly podParents: ReadonlySet<string>;
	/** Cron jobs that gained, lost or had a job changed (the old and the new owner of each job above). */
	readonly jobParents: ReadonlySet<string>;
	/** Objects whose events changed (the old and the new involved object of each event above). */
	readonly eventSubjects: ReadonlySet<string>;
	/** Uids whose tombstone was added or went (expired, or the object came back). */
	readonly tombstones: ReadonlySet<string>;
	/** Uids whose entry in `changedAt` was set or removed. */
	readonly changedAt: ReadonlySet<string>;
	/** A watch state or the missing namespace changed. */
	readonly watch: boolean;
};

/**
What a watcher reports to the store. `relist` replaces the kind's whole contents (after a list or a 410); the pages
of that list arrive before it as `list-page` events, which only add and update (`first` on a list's first page), so
the screen fills while a long list is still arriving and nothing disappears until the complete list says so.
*/
export type WatchEvent =
	| {readonly type: 'upsert'; readonly kind: WatchKind; readonly object: KubeObject}
	| {readonly type: 'list-page'; readonly kind: WatchKind; readonly objects: readonly KubeObject[]; readonly first: boolean}
	| {readonly type: 'delete'; readonly kind: WatchKind; readonly object: KubeObject}
	| {readonly type: 'relist'; readonly kind: WatchKind; readonly objects: readonly KubeObject[]}
	| {readonly type: 'status'; readonly kind: WatchKind; readonly state: WatchState}
	/** An object skipped as malformed (reported after its list page, so a first page's clearing keeps it). */
	| {readonly type: 'malformed'; readonly kind: WatchKind; readonly object: MalformedObject};

/** The live store: fed by watchers, read through useSyncExternalStore. Created once per app instance. */
export type ResourceStore = {
	getSnapshot(): StoreView;
	/** Subscribes to coalesced change notifications (at most ~10 a second). Returns the unsubscribe function. */
	subscribe(listener: () => void): () => void;
	/** Applies one watcher event at once; listeners hear about it on the next coalesced notification. */
	apply(event: WatchEvent): void;
	/** Delivers any pending notification now (tests; shutdown). */
	flush(): void;
	/** Drops state and timers. */
	dispose(): void;
};

/** The store as the cluster layer drives it: the read contract plus a reset for namespace and context switches. */
export type LiveResourceStore = ResourceStore & {
	/** Forgets every object and tombstone (they belong to the old scope) and puts every watch back to connecting. */
	reset(): void;
	/** Records that the namespace in scope does not exist (a name), or that it does or is unknown (undefined). */
	setMissingNamespace(namespace: string | undefined): void;
};
