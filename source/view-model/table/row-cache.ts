/**
A job's refined state remembered between frames. It depends only on the job object and its pods; the store replaces
an object when it changes, so a state whose inputs are all the same objects as last time is reused. At 10,000 jobs
under churn this turns each snapshot from recomputing every job's state into recomputing the few that changed.
*/
import type {Job} from '../../kube/types.js';
import type {StoreView} from '../../store/types.js';
import {jobState, type JobState} from '../rows/job-status.js';
import {podsOfJob} from '../lookups.js';
import {uidOf} from '../row-flags.js';
import {ViewStamps} from './view-stamps.js';

type Cached = {
	/** The job's pods as stored when the state was worked out (live pod or tombstone record, in index order). */
	readonly pods: readonly unknown[];
	readonly state: JobState;
	/** The last view it was checked against (its ViewStamps number): the table and the header both ask, once each per view. */
	checked: number;
	/** How many changes the view's maps had had since it was published (they change in place until the next one). */
	checkedCount: number;
};

// The job's pods as stored: the live pod, or for a deleted one its tombstone record (a different object from the pod
// even when it carries the same last state), in index order. Cheaper than podsOfJob, which also sorts by creation.
function podInputs(snapshot: StoreView, jobUid: string): unknown[] {
	const out: unknown[] = [];
	for (const uid of snapshot.podsByJob.get(jobUid) ?? []) {
		const input = snapshot.pods.get(uid) ?? snapshot.deleted.get(uid);
		if (input) {
			out.push(input);
		}
	}

	return out;
}

// Whether the job's pods are still exactly `known`, compared in place: this runs for every job on every snapshot,
// so it must not allocate.
function samePods(snapshot: StoreView, jobUid: string, known: readonly unknown[]): boolean {
	let index = 0;
	for (const uid of snapshot.podsByJob.get(jobUid) ?? []) {
		const input = snapshot.pods.get(uid) ?? snapshot.deleted.get(uid);
		if (input) {
			if (known[index] !== input) {
				return false;
			}

			index++;
		}
	}

	return index === known.length;
}

/** Each job's state, remembered per job object and worked out again when its pods are no longer the same objects. */
export class JobStates {
	readonly #states = new WeakMap<Job, Cached>();
	readonly #stamps: ViewStamps;

	/** States that recognise a view by its number in `stamps` (shared with the engine's other caches). */
	constructor(stamps = new ViewStamps()) {
		this.#stamps = stamps;
	}

	/**
	The same state as jobState(job, podsOfJob(snapshot, uid)), and the very same object while the job and its pods are
	the same objects, so whatever is derived from it can be cached on it.
	*/
	state(job: Job, snapshot: StoreView): JobState {
		const uid = uidOf(job);
		const hit = this.#states.get(job);
		const count = snapshot.pending.count;
		const stamp = this.#stamps.stamp(snapshot);
		if (hit && ((hit.checked === stamp && hit.checkedCount === count) || samePods(snapshot, uid, hit.pods))) {
			hit.checked = stamp;
			hit.checkedCount = count;
			return hit.state;
		}

		const state = jobState(job, podsOfJob(snapshot, uid));
		this.#states.set(job, {pods: podInputs(snapshot, uid), state, checked: stamp, checkedCount: count});
		return state;
	}
}
