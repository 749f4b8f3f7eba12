/**
The live store: the app's one in-memory picture of the cluster, fed by the watchers and read through
useSyncExternalStore.
*/
import type {CronJob, Job, KubeEvent, KubeObject, Pod} from '../kube/types.js';
import {ChangeRecord} from './change-record.js';
import type {Clock} from './clock.js';
import {eventObjectUid, jobCronJobUid, ParentIndex, podJobUid} from './indexes.js';
import type {LiveResourceStore, MalformedObject, StoreView, Tombstone, WatchEvent, WatchKind, WatchState} from './types.js';

/** How to build a store. */
export type ResourceStoreOptions = {
	/** The app clock: tombstone ages, changedAt, and the timer that spaces notifications out. */
	clock: Clock;
	/** Minimum gap between two notifications; default 100 (at most 10 a second). */
	notifyIntervalMs?: number;
	/** The gap while any watch is listing (its pages arrive many times a second); default 500. */
	listingNotifyIntervalMs?: number;
	/** How long deleted jobs, cron jobs and pods stay as tombstones; default 60 s. */
	tombstoneMs?: number;
};

const initialWatch = (): Record<WatchKind, WatchState> => ({
	jobs: {phase: 'connecting'},
	cronjobs: {phase: 'connecting'},
	pods: {phase: 'connecting'},
	events: {phase: 'connecting'},
});

/** Creates an empty store; every watch starts in the connecting phase. */
export function createResourceStore(options: ResourceStoreOptions): LiveResourceStore {
	const {clock} = options;
	const now = () => clock.now();
	const notifyIntervalMs = options.notifyIntervalMs ?? 100;
	const listingNotifyIntervalMs = options.listingNotifyIntervalMs ?? 500;
	const tombstoneMs = options.tombstoneMs ?? 60_000;

	const objects: Record<WatchKind, Map<string, KubeObject>> = {jobs: new Map(), cronjobs: new Map(), pods: new Map(), events: new Map()};
	const podsByJob = new ParentIndex();
	const jobsByCronJob = new ParentIndex();
	const eventsByObject = new ParentIndex();
	const indexOf: Record<WatchKind, [ParentIndex, (object: KubeObject) => string | undefined]> = {
		jobs: [jobsByCronJob, jobCronJobUid],
		cronjobs: [new ParentIndex(), () => undefined],
		pods: [podsByJob, podJobUid],
		events: [eventsByObject, eventObjectUid],
	};
	const deleted = new Map<string, Tombstone<Job | CronJob | Pod>>();
	// kind, namespace and name → the uid of a tombstone with that name: a live object taking the name replaces it.
	const tombstoneByName = new Map<string, string>();
	const nameKey = (kind: WatchKind, object: KubeObject) => `${kind} ${object.metadata.namespace ?? ''}/${object.metadata.name ?? ''}`;
	// A tombstone goes: its entry, its name, and its place under its parent (kept while it faded, so a job still lists
	// the pods it lost). Returns whether there was one.
	const dropTombstone = (uid: string): boolean => {
		const tombstone = deleted.get(uid);
		if (tombstone === undefined) {
			return false;
		}

		deleted.delete(uid);
		const kind: WatchKind = tombstone.kind;
		const key = nameKey(kind, tombstone.object);
		if (tombstoneByName.get(key) === uid) {
			tombstoneByName.delete(key);
		}

		if (objects[kind].has(uid)) {
			return true;
		}

		const [index, parentOf] = indexOf[kind];
		index.remove(uid);
		record.object(kind, uid, [parentOf(tombstone.object)]);
		return true;
	};
	const changedAt = new Map<string, number>();
	let watch: Record<WatchKind, WatchState> = initialWatch();
	let missingNamespace: string | undefined;
	// kind + name → the report; a list starting over (its first page) or a good version of the object drops it.
	const malformedByKey = new Map<string, {readonly kind: WatchKind; readonly object: MalformedObject}>();
	let malformed: readonly MalformedObject[] = [];
	const kindOrder: readonly WatchKind[] = ['jobs', 'cronjobs', 'pods', 'events'];
	const malformedChanged = () => {
		malformed = kindOrder.flatMap(kind => [...malformedByKey.values()].filter(entry => entry.kind === kind).map(entry => entry.object));
		record.watchChanged();
		markDirty();
	};

	const listeners = new Set<() => void>();

	// What changed since the last publication: published as the next snapshot's `changes` (types.ts SnapshotChanges).
	let record = new ChangeRecord(0);
	const makeSnapshot = (version: number, changes: ChangeRecord): StoreView => ({
		version,
		jobs: objects.jobs as Map<string, Job>,
		cronJobs: objects.cronjobs as Map<string, CronJob>,
		pods: objects.pods as Map<string, Pod>,
		events: objects.events as Map<string, KubeEvent>,
		podsByJob: podsByJob.children,
		jobsByCronJob: jobsByCronJob.children,
		eventsByObject: eventsByObject.children,
		deleted,
		changedAt,
		watch,
		missingNamespace,
		...(malformed.length > 0 ? {malformed} : {}),
		changes,
		pending: record,
	});

	let snapshot = makeSnapshot(0, new ChangeRecord(-1, true));
	let dirty = false;
	let cancelTimer: (() => void) | undefined;
	let lastNotifiedAt = Number.NEGATIVE_INFINITY;
	let disposed = false;

	const pruneTombstones = () => {
		const cutoff = now() - tombstoneMs;
		for (const [uid, tombstone] of deleted) {
			if (tombstone.deletedAt <= cutoff) {
				dropTombstone(uid);
				changedAt.delete(uid);
				record.expired(uid);
			}
		}
	};

	const notify = () => {
		cancelTimer = undefined;
		if (!dirty || disposed) {
			return;
		}

		dirty = false;
		lastNotifiedAt = now();
		pruneTombstones();
		const changes = record;
		record = new ChangeRecord(snapshot.version + 1);
		snapshot = makeSnapshot(snapshot.version + 1, changes);
		for (const listener of [...listeners]) {
			listener();
		}
	};

	// The first change after a quiet period goes out on the next turn (so a synchronous burst still coalesces);
	// later ones wait until the interval since the last notification has passed.
	const markDirty = () => {
		dirty = true;
		if (cancelTimer || disposed) {
			return;
		}

		// While a first list is still arriving, each notification rebuilds tables that the next page changes again:
		// fewer of them leave the CPU to the list itself.
		const listing = Object.values(watch).some(state => state.phase === 'listing');
		const wait = Math.max(0, lastNotifiedAt + (listing ? listingNotifyIntervalMs : notifyIntervalMs) - now());
		cancelTimer = clock.setTimer(notify, wait);
	};

	const upsert = (kind: WatchKind, object: KubeObject, highlight = true) => {
		const uid = object.metadata.uid;
		if (!uid) {
			return;
		}

		const map = objects[kind];
		const previous = map.get(uid);
		if (previous && previous.metadata.resourceVersion === object.metadata.resourceVersion && previous.metadata.resourceVersion !== undefined) {
			return;
		}

		map.set(uid, object);
		const [index, parentOf] = indexOf[kind];
		const parent = parentOf(object);
		const tombstone = deleted.get(uid);
		index.set(uid, parent);
		record.object(kind, uid, [previous && parentOf(previous), tombstone && parentOf(tombstone.object), parent]);
		if (dropTombstone(uid)) {
			record.tombstone(uid);
		}

		// A live object holding the name of a deleted one (a rerun that replaced its job, the same objects under new
		// uids after the API server was rebuilt) is its successor: the deleted row goes at once instead of fading beside it.
		const successorOf = kind === 'events' ? undefined : tombstoneByName.get(nameKey(kind, object));
		if (successorOf !== undefined && successorOf !== uid && dropTombstone(successorOf)) {
			changedAt.delete(successorOf);
			record.tombstone(successorOf);
			record.highlight(successorOf);
		}

		if (highlight) {
			changedAt.set(uid, now());
			record.highlight(uid);
		}

		markDirty();
	};

	/**
	An object went. Seen live (a watch's delete event), it becomes a tombstone that keeps its place under its parent
	while it fades; gone from a relist, it went while nobody watched (a reconnect, a rebuilt API server) and simply
	goes: presenting it as a deletion just seen would be wrong about when it happened.
	*/
	const remove = (kind: WatchKind, uid: string, object: KubeObject, seenLive: boolean) => {
		const map = objects[kind];
		const stored = map.get(uid);
		if (!stored) {
			return;
		}

		map.delete(uid);
		const [index, parentOf] = indexOf[kind];
		record.object(kind, uid, [parentOf(stored)]);
		record.highlight(uid);
		if (kind === 'events' || !seenLive) {
			index.remove(uid);
			changedAt.delete(uid);
		} else {
			const at = now();
			const previous = tombstoneByName.get(nameKey(kind, object));
			if (previous !== undefined) {
				dropTombstone(previous);
			}

			// The index keeps the parent the object had as stored (a final state from the delete event may lack it).
			deleted.set(uid, {object: object as Job | CronJob | Pod, deletedAt: at, kind});
			tombstoneByName.set(nameKey(kind, object), uid);
			changedAt.set(uid, at);
			record.tombstone(uid);
		}

		markDirty();
	};

	// Whether the pages of the list under way are changes (a relist) or the starting picture (the first list).
	const pagesHighlight: Record<WatchKind, boolean> = {jobs: false, cronjobs: false, pods: false, events: false};
	const listPage = (kind: WatchKind, page: readonly KubeObject[], first: boolean) => {
		if (first) {
			pagesHighlight[kind] = objects[kind].size > 0;
		}

		for (const object of page) {
			upsert(kind, object, pagesHighlight[kind]);
		}
	};

	const relist = (kind: WatchKind, list: readonly KubeObject[]) => {
		// The first list is the starting picture, not a change: nothing in it is highlighted.
		const highlight = objects[kind].size > 0;
		const seen = new Set<string>();
		for (const object of list) {
			const uid = object.metadata.uid;
			if (uid) {
				seen.add(uid);
				upsert(kind, object, highlight);
			}
		}

		for (const [uid, object] of [...objects[kind]]) {
			if (!seen.has(uid)) {
				remove(kind, uid, object, false);
			}
		}
	};

	return {
		getSnapshot: () => snapshot,
		subscribe(listener) {
			listeners.add(listener);
			return () => {
				listeners.delete(listener);
			};
		},
		apply(event: WatchEvent) {
			if (disposed) {
				return;
			}

			switch (event.type) {
				case 'upsert': {
					const {namespace, name} = event.object.metadata;
					// A good version of an object reported as malformed replaces the report.
					if (malformedByKey.delete(`${event.kind} ${namespace === undefined ? '' : `${namespace}/`}${name ?? ''}`)) {
						malformedChanged();
					}

					upsert(event.kind, event.object);
					break;
				}

				case 'delete': {
					const uid = event.object.metadata.uid;
					if (uid) {
						// The delete event carries the object's final state (deletionTimestamp, last status): the tombstone shows that.
						remove(event.kind, uid, event.object, true);
					}

					break;
				}

				case 'list-page': {
					if (event.first && [...malformedByKey.values()].some(entry => entry.kind === event.kind)) {
						for (const [key, entry] of malformedByKey) {
							if (entry.kind === event.kind) {
								malformedByKey.delete(key);
							}
						}

						malformedChanged();
					}

					listPage(event.kind, event.objects, event.first);
					break;
				}

				case 'malformed': {
					malformedByKey.set(`${event.kind} ${event.object.name}`, {kind: event.kind, object: event.object});
					malformedChanged();
					break;
				}

				case 'relist': {
					relist(event.kind, event.objects);
					break;
				}

				case 'status': {
					watch = {...watch, [event.kind]: event.state};
					record.watchChanged();
					markDirty();
					break;
				}
			}
		},
		flush() {
			cancelTimer?.();
			cancelTimer = undefined;
			notify();
		},
		reset() {
			for (const map of Object.values(objects)) {
				map.clear();
			}

			podsByJob.clear();
			jobsByCronJob.clear();
			eventsByObject.clear();
			deleted.clear();
			tombstoneByName.clear();
			changedAt.clear();
			watch = initialWatch();
			missingNamespace = undefined;
			malformedByKey.clear();
			malformed = [];
			record.everything();
			// Published at once: the maps were emptied in place, so the view out there would otherwise show no objects
			// under the old scope's watch states ("watch live" over an empty list) until the next notification.
			dirty = true;
			cancelTimer?.();
			notify();
		},
		setMissingNamespace(namespace) {
			if (namespace !== missingNamespace) {
				missingNamespace = namespace;
				record.watchChanged();
				markDirty();
			}
		},
		dispose() {
			disposed = true;
			cancelTimer?.();
			cancelTimer = undefined;
			listeners.clear();
		},
	};
}
