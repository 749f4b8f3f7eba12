/**
A job's attempts (one per pod, in creation order) and the bars that draw them on one shared time axis, so that the
doubling backoff gaps between attempts can be seen.
*/
import {humanDuration} from '../../kube/duration.js';
import {podStatusReason} from '../../kube/printers/pod.js';
import type {Pod} from '../../kube/types.js';
import {completionIndexAnnotation, jobLabels, timeOf} from '../../kube/types.js';
import {countdown, spanText} from '../countdown.js';
import type {Found} from '../lookups.js';
import {lastTermination, terminationText} from '../rows/pod-rows.js';
import {uidOf} from '../row-flags.js';

/** How an attempt went; `waiting` is the backoff wait before the next one, drawn up to now. */
export type AttemptState = 'pending' | 'running' | 'succeeded' | 'failed' | 'waiting';

/** One attempt: a pod of the job. Times are epoch ms. */
export type AttemptEntry = {
	readonly podUid: string;
	readonly name: string;
	readonly index?: number;
	readonly state: AttemptState;
	/** When the controller created the pod. */
	readonly start: number;
	/** When it finished (all containers terminated), or undefined while it runs. */
	readonly end?: number;
	/** How long it took, or has taken so far. */
	readonly duration: string;
	/** `1 Error`, `137 OOMKilled`, `0 Completed`, or the pod's STATUS while it has not terminated. */
	readonly exit: string;
	/**
	The wait between this attempt's end and the creation of its replacement (the backoff), when both are known: the next
	pod of the same index in an Indexed job, else the first pod created after this one ended that replaces no other.
	*/
	readonly gapAfterMs?: number;
	readonly gapAfter?: string;
	readonly deleted: boolean;
};

/** The completion index of an Indexed job's pod (annotation, else label). */
export function podIndex(pod: Pod): number | undefined {
	const text = pod.metadata.annotations?.[completionIndexAnnotation] ?? pod.metadata.labels?.[jobLabels.completionIndex];
	const index = text === undefined ? Number.NaN : Number(text);
	return Number.isInteger(index) && index >= 0 ? index : undefined;
}

function attemptState(pod: Pod): AttemptState {
	switch (pod.status?.phase) {
		case 'Succeeded': {
			return 'succeeded';
		}

		case 'Failed': {
			return 'failed';
		}

		case 'Running': {
			return 'running';
		}

		default: {
			return 'pending';
		}
	}
}

function finishedAt(pod: Pod, state: AttemptState, deleted: boolean): number | undefined {
	const latest = lastTermination(pod)?.finishedAt;
	if (state === 'succeeded' || state === 'failed') {
		return latest ?? timeOf(pod.metadata.deletionTimestamp) ?? undefined;
	}

	return deleted ? timeOf(pod.metadata.deletionTimestamp) : undefined;
}

/**
The attempt timeline of a job from its pods (tombstones included), in creation order. While the job waits out a backoff
(`retryAt`, when nothing runs), a last `waiting` entry runs from the latest failure to now, saying when the next comes.
*/
export function attemptEntries(pods: ReadonlyArray<Found<Pod>>, now: number, retryAt?: number): AttemptEntry[] {
	const base: AttemptEntry[] = pods.map(({object: pod, deleted}) => {
		const state = attemptState(pod);
		const start = timeOf(pod.metadata.creationTimestamp) ?? timeOf(pod.status?.startTime) ?? now;
		const end = finishedAt(pod, state, deleted);
		const index = podIndex(pod);
		const termination = lastTermination(pod);
		const exit = (state === 'succeeded' || state === 'failed') && termination ? terminationText(termination) : podStatusReason(pod);
		return {
			podUid: uidOf(pod),
			name: pod.metadata.name ?? '',
			...(index === undefined ? {} : {index}),
			state,
			start,
			...(end === undefined ? {} : {end}),
			duration: humanDuration((end ?? now) - start),
			exit,
			deleted,
		};
	});
	base.sort((a, b) => a.start - b.start || a.name.localeCompare(b.name));
	const replacements = replacementsOf(base);
	const entries = base.map((entry) => {
		const next = replacements.get(entry);
		if (next === undefined || entry.end === undefined) {
			return entry;
		}

		const gap = Math.max(0, next.start - entry.end);
		return {...entry, gapAfterMs: gap, gapAfter: spanText(gap)};
	});
	const lastFailure = Math.max(...entries.filter((entry) => entry.state === 'failed' && entry.end !== undefined).map((entry) => entry.end!));
	if (retryAt === undefined || !Number.isFinite(lastFailure)) {
		return entries;
	}

	return [...entries, {
		podUid: 'waiting',
		name: 'next attempt',
		state: 'waiting',
		start: lastFailure,
		duration: humanDuration(now - lastFailure),
		exit: countdown(retryAt, now),
		deleted: false,
	}];
}

// Which later attempt replaced each ended one that did not succeed. The controller creates a replacement after a failure
// (after its backoff), so it is a pod created at or after the end, of the same index in an Indexed job; in a parallel
// job without indexes any such pod will do, but each replaces one failure only, the earliest-ended first. Measuring to
// merely the next pod created would, with several pods in flight, take a sibling started earlier for the replacement.
function replacementsOf(entries: readonly AttemptEntry[]): Map<AttemptEntry, AttemptEntry> {
	const ended = entries.filter((entry) => entry.end !== undefined && entry.state !== 'succeeded')
		.sort((a, b) => a.end! - b.end!);
	const claimed = new Set<AttemptEntry>();
	const found = new Map<AttemptEntry, AttemptEntry>();
	for (const entry of ended) {
		const next = entries.find((candidate) => candidate !== entry && !claimed.has(candidate) && candidate.index === entry.index && candidate.start >= entry.end!);
		if (next !== undefined) {
			claimed.add(next);
			found.set(entry, next);
		}
	}

	return found;
}

const fill: Record<AttemptState, string> = {succeeded: '█', failed: '█', running: '▒', pending: '░', waiting: '·'};
const finish: Partial<Record<AttemptState, string>> = {succeeded: '✓', failed: '✗'};

/**
Draws each attempt as a bar `width` cells wide on one time axis running from the first attempt's start to the last
end (or now). Finished bars end in ✓ or ✗ so the outcome does not depend on colour; running ones are shaded ▒,
pending ones ░, a backoff wait dotted ·. Every bar is at least one cell, so short attempts stay visible.
*/
export function timelineBars(entries: readonly AttemptEntry[], width: number, now: number): string[] {
	if (entries.length === 0 || width <= 0) {
		return entries.map(() => '');
	}

	const from = Math.min(...entries.map((entry) => entry.start));
	const to = Math.max(...entries.map((entry) => entry.end ?? now));
	const span = Math.max(1, to - from);
	const column = (time: number) => Math.min(width, Math.max(0, Math.round(((time - from) / span) * width)));
	return entries.map((entry) => {
		const first = Math.min(width - 1, column(entry.start));
		const last = Math.max(first + 1, column(entry.end ?? now));
		const length = last - first;
		const mark = finish[entry.state];
		const bar = mark === undefined ? fill[entry.state].repeat(length) : fill[entry.state].repeat(length - 1) + mark;
		return ' '.repeat(first) + bar + ' '.repeat(width - last);
	});
}
