/**
Job rows remembered between frames. A job's row depends only on the job object, its pods, its change highlight, the
jobs watch phase and the clock; the store replaces an object when it changes, so a row whose inputs are all the same
objects as last time is reused. At 10,000 jobs under churn this turns a frame from recomputing every row into
recomputing the few that changed (every row still updates on each clock tick, for ages and countdowns).
*/
import type {Job} from '../kube/types.js';
import type {ResourceSnapshot} from '../store/types.js';
import {jobRow} from './job-rows.js';
import {jobState, type JobWord} from './job-status.js';
import {podsOfJob} from './lookups.js';
import {uidOf} from './row-flags.js';
import type {Row} from './types.js';

type Cached = {
	readonly now: number;
	readonly deleted: boolean;
	readonly changedAt: number | undefined;
	readonly phase: string;
	readonly pods: readonly unknown[];
	readonly row: Row;
};

const jobRows = new WeakMap<Job, Cached>();
const jobWords = new WeakMap<Job, {readonly pods: readonly unknown[]; readonly word: JobWord}>();

// The job's pods as stored: the live pod, or for a deleted one its tombstone record (a different object from the pod
// even when it carries the same last state), in index order. Cheaper than podsOfJob, which also sorts by creation.
function podInputs(snapshot: ResourceSnapshot, jobUid: string): unknown[] {
	const out: unknown[] = [];
	for (const uid of snapshot.podsByJob.get(jobUid) ?? []) {
		const input = snapshot.pods.get(uid) ?? snapshot.deleted.get(uid);
		if (input) {
			out.push(input);
		}
	}

	return out;
}

function samePods(a: readonly unknown[], b: readonly unknown[]): boolean {
	if (a.length !== b.length) {
		return false;
	}

	for (let i = 0; i < a.length; i++) {
		if (a[i] !== b[i]) {
			return false;
		}
	}

	return true;
}

/** The same row as jobRow(job, snapshot, now, {deleted}), reused when none of its inputs changed. */
export function cachedJobRow(job: Job, snapshot: ResourceSnapshot, now: number, deleted: boolean): Row {
	const uid = uidOf(job);
	const pods = podInputs(snapshot, uid);
	const changedAt = snapshot.changedAt.get(uid);
	const phase = snapshot.watch.jobs.phase;
	const hit = jobRows.get(job);
	if (hit && hit.now === now && hit.deleted === deleted && hit.changedAt === changedAt && hit.phase === phase && samePods(hit.pods, pods)) {
		return hit.row;
	}

	const row = jobRow(job, snapshot, now, {deleted});
	jobRows.set(job, {now, deleted, changedAt, phase, pods, row});
	return row;
}

/** The same word as jobState(job, podsOfJob(snapshot, uid)).word (the header counts every job on every frame), reused while the job and its pods are the same objects. */
export function cachedJobWord(job: Job, snapshot: ResourceSnapshot): JobWord {
	const uid = uidOf(job);
	const pods = podInputs(snapshot, uid);
	const hit = jobWords.get(job);
	if (hit && samePods(hit.pods, pods)) {
		return hit.word;
	}

	const {word} = jobState(job, podsOfJob(snapshot, uid));
	jobWords.set(job, {pods, word});
	return word;
}
