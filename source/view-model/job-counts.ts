/**
How many live jobs show each status the header counts, carried from one view of a store to the next: a new view
works out again only the jobs that changed or whose pods did (types.ts SnapshotChanges), not every job.
*/
import type {StoreView} from '../store/types.js';
import type {JobWord} from './rows/job-status.js';
import type {JobStates} from './table/row-cache.js';
import {caughtUp, type CaughtUp, changedSince} from './table/snapshot-changes.js';

/** The header's status labels, in the order it shows them, with the words each counts. */
export const countedWords: ReadonlyArray<{readonly words: readonly JobWord[]; readonly label: string}> = [
	{words: ['Running', 'SuccessCriteriaMet'], label: 'running'},
	{words: ['Pending'], label: 'pending'},
	{words: ['BackingOff'], label: 'backing off'},
	{words: ['Failed', 'FailureTarget'], label: 'failed'},
	{words: ['Suspended'], label: 'suspended'},
];

const labelOf = new Map(countedWords.flatMap(({words, label}) => words.map((word) => [word, label])));

type State = {
	// The maps the counts were read from; a view with other maps (another store, a namespace scope) counts afresh.
	readonly inputs: readonly unknown[];
	caught: CaughtUp;
	// The label each counted live job has now (jobs with an uncounted word are absent).
	readonly labels: Map<string, string>;
	readonly counts: Map<string, number>;
};

/** The header's job counts, carried from one view of a store to the next. */
export class JobCounts {
	readonly #jobStates: JobStates;
	#state: State | undefined;

	/** Counts that read each job's status from `jobStates`. */
	constructor(jobStates: JobStates) {
		this.#jobStates = jobStates;
	}

	/** The number of live jobs per header label (labels with none are absent), as of the view's maps now. */
	counts(snapshot: StoreView): ReadonlyMap<string, number> {
		const inputs = [snapshot.jobs, snapshot.pods, snapshot.podsByJob];
		const known = this.#state;
		if (known && known.inputs.every((input, index) => input === inputs[index])) {
			const changed = changedSince(known.caught, snapshot, (changes) => [changes.jobs, changes.podParents]);
			if (changed) {
				for (const set of changed) {
					for (const uid of set) {
						this.#recount(known, uid, snapshot);
					}
				}

				known.caught = caughtUp(snapshot);
				return known.counts;
			}
		}

		const fresh: State = {inputs, caught: caughtUp(snapshot), labels: new Map(), counts: new Map()};
		for (const uid of snapshot.jobs.keys()) {
			this.#recount(fresh, uid, snapshot);
		}

		this.#state = fresh;
		return fresh.counts;
	}

	// Counts the job `uid` under its label now instead of the one it had (idempotent: a uid seen twice counts once).
	#recount(state: State, uid: string, snapshot: StoreView): void {
		const job = snapshot.jobs.get(uid);
		const label = job === undefined ? undefined : labelOf.get(this.#jobStates.state(job, snapshot).word);
		const before = state.labels.get(uid);
		if (label === before) {
			return;
		}

		if (before !== undefined) {
			const count = state.counts.get(before)! - 1;
			if (count === 0) {
				state.counts.delete(before);
			} else {
				state.counts.set(before, count);
			}

			state.labels.delete(uid);
		}

		if (label !== undefined) {
			state.counts.set(label, (state.counts.get(label) ?? 0) + 1);
			state.labels.set(uid, label);
		}
	}
}
