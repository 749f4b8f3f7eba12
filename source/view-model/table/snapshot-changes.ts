/**
Reading the store's change records (types.ts SnapshotChanges) to carry something derived from one view of the store
to the next: which uids to work out again, or that the records cannot say and everything must be.
*/
import type {StoreView, SnapshotChanges} from '../../store/types.js';

/** How far a derived state has caught up with a store: the view it was last brought to and its pending record. */
export type CaughtUp = {
	readonly version: number;
	readonly pending: SnapshotChanges;
	/** How many of the pending record's changes were already in the maps then. */
	readonly applied: number;
};

/** The point a state reaches once brought to the view's maps as they are now. */
export function caughtUp(snapshot: StoreView): CaughtUp {
	return {version: snapshot.version, pending: snapshot.pending, applied: snapshot.pending.count};
}

/**
The sets of uids (as `pick` selects them from a record) that changed between `from` and `snapshot`'s maps now, or
undefined when the records cannot say: another store, a skipped snapshot, a reset or too many changes.
*/
export function changedSince(from: CaughtUp, snapshot: StoreView, pick: (changes: SnapshotChanges) => Array<ReadonlySet<string>>): Array<ReadonlySet<string>> | undefined {
	const {changes, pending} = snapshot;
	const sets: Array<ReadonlySet<string>> = [];
	if (snapshot.version === from.version) {
		if (pending !== from.pending) {
			return undefined;
		}
	} else {
		// The next view's changes are the very record that was pending when the state last caught up.
		if (changes.full || changes !== from.pending || changes.since !== from.version) {
			return undefined;
		}

		sets.push(...pick(changes));
	}

	if (pending.count !== (snapshot.version === from.version ? from.applied : 0)) {
		if (pending.full) {
			return undefined;
		}

		sets.push(...pick(pending));
	}

	return sets;
}
