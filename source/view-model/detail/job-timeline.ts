/**
A job's attempts (one per pod, in creation order) and the bars that draw them on one shared time axis, so that the
doubling backoff gaps between attempts can be seen.
*/
import {humanDuration} from '../../kube/duration.js';
import {podStatusReason} from '../../kube/printers/pod.js';
import type {Pod} from '../../kube/types.js';
import {completionIndexAnnotation, jobLabels, timeOf} from '../../kube/types.js';
import {spanText} from '../countdown.js';
import type {Found} from '../lookups.js';
import {lastTermination, terminationText} from '../rows/pod-rows.js';
import {uidOf} from '../row-flags.js';

/** How an attempt went. */
export type AttemptState = 'pending' | 'running' | 'succeeded' | 'failed';

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
	/** The wait between this attempt's end and the next attempt's creation (the backoff), when both are known. */
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

/** The attempt timeline of a job from its pods (tombstones included), in creation order. */
export function attemptEntries(pods: ReadonlyArray<Found<Pod>>, now: number): AttemptEntry[] {
	const base = pods.map(({object: pod, deleted}) => {
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
	return base.map((entry, position) => {
		const next = base[position + 1];
		if (next === undefined || entry.end === undefined || entry.state === 'succeeded') {
			return entry;
		}

		const gap = Math.max(0, next.start - entry.end);
		return {...entry, gapAfterMs: gap, gapAfter: spanText(gap)};
	});
}

const fill: Record<AttemptState, string> = {succeeded: '█', failed: '█', running: '▒', pending: '░'};
const finish: Partial<Record<AttemptState, string>> = {succeeded: '✓', failed: '✗'};

/**
Draws each attempt as a bar `width` cells wide on one time axis running from the first attempt's start to the last
end (or now). Finished bars end in ✓ or ✗ so the outcome does not depend on colour; running ones are shaded ▒,
pending ones ░. Every bar is at least one cell, so short attempts stay visible.
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
