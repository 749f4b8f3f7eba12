/**
The store's record of what changed since its last publication (types.ts SnapshotChanges): a few sets of uids filled as
events are applied, so readers can update what they derived instead of working everything out again.
*/
import type {SnapshotChanges, WatchKind} from './types.js';

/**
Past this many changes a record stops listing them and says `full`: updating that many entries one by one costs about
what rebuilding does, and the sets stay small while a long list arrives.
*/
export const maxRecordedChanges = 2000;

/** A SnapshotChanges being filled: the store records into it until it publishes it as the next snapshot's `changes`. */
export class ChangeRecord implements SnapshotChanges {
	full = false;
	count = 0;
	watch = false;
	readonly jobs = new Set<string>();
	readonly cronJobs = new Set<string>();
	readonly pods = new Set<string>();
	readonly events = new Set<string>();
	readonly podParents = new Set<string>();
	readonly jobParents = new Set<string>();
	readonly eventSubjects = new Set<string>();
	readonly tombstones = new Set<string>();
	readonly changedAt = new Set<string>();
	readonly #objects: Record<WatchKind, Set<string>>;
	readonly #parents: Record<WatchKind, Set<string> | undefined>;

	/** Starts an empty record of the changes after version `since`; `full` for one that lists nothing (the first). */
	constructor(readonly since: number, full = false) {
		this.full = full;
		this.#objects = {jobs: this.jobs, cronjobs: this.cronJobs, pods: this.pods, events: this.events};
		this.#parents = {jobs: this.jobParents, cronjobs: undefined, pods: this.podParents, events: this.eventSubjects};
	}

	/** An object of `kind` was upserted or deleted; `parents` are its owners before and after (either may be absent). */
	object(kind: WatchKind, uid: string, parents: ReadonlyArray<string | undefined>): void {
		if (this.#counted()) {
			return;
		}

		this.#objects[kind].add(uid);
		const set = this.#parents[kind];
		for (const parent of parents) {
			if (parent !== undefined) {
				set?.add(parent);
			}
		}
	}

	/** A tombstone expired: it and its changedAt entry went. */
	expired(uid: string): void {
		if (!this.#counted()) {
			this.tombstones.add(uid);
			this.changedAt.add(uid);
		}
	}

	/** A tombstone was added or went along with an object change (recorded with `object`). */
	tombstone(uid: string): void {
		if (!this.full) {
			this.tombstones.add(uid);
		}
	}

	/** An entry of changedAt was set or removed. */
	highlight(uid: string): void {
		if (!this.full) {
			this.changedAt.add(uid);
		}
	}

	/** A watch state or the missing namespace changed. */
	watchChanged(): void {
		this.count++;
		this.watch = true;
	}

	/** Everything may have changed (a reset): readers rebuild. */
	everything(): void {
		this.count++;
		this.#giveUp();
	}

	// Counts one change; past the limit the record turns full. Returns whether the change need not be listed.
	#counted(): boolean {
		this.count++;
		if (!this.full && this.count > maxRecordedChanges) {
			this.#giveUp();
		}

		return this.full;
	}

	#giveUp(): void {
		this.full = true;
		this.watch = true;
		for (const set of [this.jobs, this.cronJobs, this.pods, this.events, this.podParents, this.jobParents, this.eventSubjects, this.tombstones, this.changedAt]) {
			set.clear();
		}
	}
}
