/**
The per-row markers every view shares: deleted (a tombstone), changed (just now) and stale (its watch is down).
*/
import type {StoreView, WatchKind} from '../store/types.js';

/** How long after a change a row stays highlighted. */
export const changeHighlightMs = 2000;

/** How long a deleted object's row stays on screen, dimmed and marked, before it goes. */
export const deletedRowMs = 60_000;

/** Whether a tombstone deleted at `deletedAt` is still shown at `now` (the store prunes lazily, so the view decides). */
export function stillFading(deletedAt: number, now: number): boolean {
	return now - deletedAt < deletedRowMs;
}

/** The time a row's clocks read: now for a live object, the moment it was seen deleted for a tombstone (AGE stops). */
export function stoppedAt(now: number, deletedAt: number | undefined): number {
	return deletedAt === undefined ? now : Math.min(now, deletedAt);
}

/** The flags of one row, with absent flags left out so rows compare cleanly. */
export type RowFlags = {readonly deleted?: boolean; readonly changed?: boolean; readonly stale?: boolean};

/** Works out the deleted/changed/stale flags for the object `uid` of the given watch kind. */
export function rowFlags(snapshot: StoreView, kind: WatchKind, uid: string, now: number, deleted: boolean): RowFlags {
	const flags: {deleted?: boolean; changed?: boolean; stale?: boolean} = {};
	if (deleted) {
		flags.deleted = true;
	}

	const changedAt = snapshot.changedAt.get(uid);
	if (changedAt !== undefined && now - changedAt < changeHighlightMs && now >= changedAt) {
		flags.changed = true;
	}

	if (snapshot.watch[kind].phase !== 'live') {
		flags.stale = true;
	}

	return flags;
}

/** The uid of an object, falling back to namespace/name for objects that lack one (never the case from an API server). */
export function uidOf(object: {readonly metadata: {readonly uid?: string; readonly name?: string; readonly namespace?: string}}): string {
	return object.metadata.uid ?? `${object.metadata.namespace ?? ''}/${object.metadata.name ?? ''}`;
}
