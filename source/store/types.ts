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

/** A deleted object kept briefly so its row can fade out instead of vanishing; `kind` is the watch that saw it go. */
export type Tombstone<T> = {readonly object: T; readonly deletedAt: number; readonly kind: WatchKind};

/**
What the store publishes on every (coalesced) notification: a view of its own live maps, not a copy of them. The maps
change in place as watch events arrive, so between two publications they are already ahead of `version` by exactly
what `pending` lists; once the next view is published this one is stale (its maps have moved past anything it can
account for) and must not be read again. Read a view during the render it was published for, keep nothing of it.
React calls it a snapshot (useSyncExternalStore's getSnapshot): a value whose identity changes when the store notifies.
Copying the maps on write instead would cost a full copy of every map touched in a publication (pods at 50,000, their
index, changedAt) up to ten times a second, for readers that already follow the change records.
*/
export type StoreView = {
	/** Grows by one with every notification. */
	readonly version: number;
	readonly jobs: ReadonlyMap<string, Job>;
	readonly cronJobs: ReadonlyMap<string, CronJob>;
	readonly pods: ReadonlyMap<string, Pod>;
	readonly events: ReadonlyMap<string, KubeEvent>;
	/**
	Job uid → uids of its pods (by the controller-uid label or the controller ownerReference): live ones and the
	tombstones still fading (look each up in `pods`, then `deleted`).
	*/
	readonly podsByJob: ReadonlyMap<string, ReadonlySet<string>>;
	/** CronJob uid → uids of its jobs (by the controller ownerReference), live ones and fading tombstones alike. */
	readonly jobsByCronJob: ReadonlyMap<string, ReadonlySet<string>>;
	/** involvedObject uid → uids of its events. */
	readonly eventsByObject: ReadonlyMap<string, ReadonlySet<string>>;
	/**
	Jobs, cron jobs and pods seen deleted by a watch, by uid, kept for a minute (or until a live object takes the name).
	What vanished from a relist is not here: it went while nobody watched.
	*/
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
	from the previous view instead of working everything out again.
	*/
	readonly changes: SnapshotChanges;
	/**
	What has changed in the maps since this view was published (they are the store's and change in place): the very
	object that becomes the next view's `changes`, still growing until then; `count` tells a reader whether it has.
	*/
	readonly pending: SnapshotChanges;
};

/**
The uids that changed between two publications of the store. A reader that derived something from the view of
version `since` gets exactly what it would derive from scratch by working out again every uid listed here (each is
idempotent: it reads the maps as they are), and nothing else. When `full` is set the sets are not complete (a reset,
or more changes than are worth listing): work everything out again.
*/
export type SnapshotChanges = {
	/** The sets do not list every change: derive everything from the maps again. */
	readonly full: boolean;
	/** The version of the view these changes lead from. */
	readonly since: number;
	/** How many changes were recorded (also once `full`); it grows while the record is a view's `pending`. */
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
