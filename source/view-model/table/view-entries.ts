/**
Which entries a list view holds: every live object of its kind and every tombstone of that kind still fading. Worked out
for the whole view (a rebuild) or for one uid (an update after a change); both give the same entry for the same uid.
*/
import type {CronJob, Job, Pod} from '../../kube/types.js';
import type {StoreView, SnapshotChanges} from '../../store/types.js';
import type {ListEntries} from './list-entries.js';
import type {ListEntry} from './list-entry.js';
import {isCronJob, isJob, isPod} from '../lookups.js';
import {deletedRowMs} from '../row-flags.js';
import type {ViewId} from './types.js';

/** A list view's entries at one moment, and what the clock does to them. */
export type ViewEntries = {
	readonly entries: ListEntry[];
	/** The latest moment at or before `now` at which a tombstone stopped showing (-∞ if none did). */
	readonly expired: number;
	/** The tombstones shown, with the moment each stops showing. */
	readonly fading: Array<{readonly uid: string; readonly gone: number}>;
};

/** The live objects of a view's kind. */
export function liveOf(view: ViewId, snapshot: StoreView): ReadonlyMap<string, Job | CronJob | Pod> {
	return view === 'jobs' ? snapshot.jobs : view === 'cronjobs' ? snapshot.cronJobs : snapshot.pods;
}

function ofView(view: ViewId, object: Job | CronJob | Pod): boolean {
	return view === 'jobs' ? isJob(object) : view === 'cronjobs' ? isCronJob(object) : isPod(object);
}

// `deletedAt` is set for a tombstone.
function entryFor(entries: ListEntries, view: ViewId, object: Job | CronJob | Pod, snapshot: StoreView, now: number, deletedAt?: number): ListEntry {
	return view === 'jobs' ? entries.job(object as Job, snapshot, deletedAt) : view === 'pods' ? entries.pod(object as Pod, deletedAt) : entries.cronJob(object as CronJob, snapshot, now, deletedAt);
}

/** Every entry of the view at `now` (made by `made`), tombstones first, then live objects in the store's order. */
export function collectEntries(made: ListEntries, view: ViewId, snapshot: StoreView, now: number): ViewEntries {
	const entries: ListEntry[] = [];
	const fading: Array<{uid: string; gone: number}> = [];
	// A tombstone shows while now < deletedAt + deletedRowMs (row-flags.ts stillFading).
	let expired = Number.NEGATIVE_INFINITY;
	const live = liveOf(view, snapshot);
	for (const [uid, {object, deletedAt}] of snapshot.deleted) {
		if (!ofView(view, object) || live.has(uid)) {
			continue;
		}

		const gone = deletedAt + deletedRowMs;
		if (now >= gone) {
			expired = Math.max(expired, gone);
			continue;
		}

		fading.push({uid, gone});
		entries.push(entryFor(made, view, object, snapshot, now, deletedAt));
	}

	for (const object of live.values()) {
		entries.push(entryFor(made, view, object, snapshot, now));
	}

	return {entries, expired, fading};
}

/** The entry of one uid in the view at `now` (with when it stops showing if a tombstone), or what made it absent. */
export function entryOf(made: ListEntries, view: ViewId, uid: string, snapshot: StoreView, now: number): {readonly entry?: ListEntry; readonly gone?: number} {
	const object = liveOf(view, snapshot).get(uid);
	if (object) {
		return {entry: entryFor(made, view, object, snapshot, now)};
	}

	const tombstone = snapshot.deleted.get(uid);
	if (!tombstone || !ofView(view, tombstone.object)) {
		return {};
	}

	const gone = tombstone.deletedAt + deletedRowMs;
	return now >= gone ? {gone} : {entry: entryFor(made, view, tombstone.object, snapshot, now, tombstone.deletedAt), gone};
}

/**
The uids whose entry in the view may differ after `changes`: the view's own objects and tombstones, and for jobs those
whose pods changed (a job's status is worked out from its pods).
*/
export function changedUids(view: ViewId, changes: SnapshotChanges): Array<ReadonlySet<string>> {
	switch (view) {
		case 'jobs': {
			return [changes.jobs, changes.podParents, changes.tombstones];
		}

		case 'pods': {
			return [changes.pods, changes.tombstones];
		}

		case 'cronjobs': {
			return [changes.cronJobs, changes.jobParents, changes.tombstones];
		}
	}
}
