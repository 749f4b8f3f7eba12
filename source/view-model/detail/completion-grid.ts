/**
The completion grid of an Indexed job: one cell per completion index, done / running / failed / pending.
*/
import type {Job, Pod} from '../../kube/types.js';
import {isActivePod} from '../rows/job-status.js';
import {podIndex} from './job-timeline.js';

/** The state of one completion index. */
export type IndexState = 'done' | 'running' | 'failed' | 'pending';

/** One cell of the grid: its index, state and the symbol that shows the state without colour. */
export type GridCell = {readonly index: number; readonly state: IndexState; readonly symbol: string};

/** The grid plus a one-line count of each state. */
export type CompletionGrid = {readonly cells: readonly GridCell[]; readonly summary: string};

const symbols: Record<IndexState, string> = {done: '✓', running: '●', failed: '✗', pending: '·'};

/** More cells than this are not drawn one by one (the summary still counts them all). */
export const maxGridCells = 1000;

/** Parses an interval list such as `0-3,5,7-8` (status.completedIndexes) into the indexes it names, below `limit`. */
export function parseIndexes(text: string | undefined, limit: number): Set<number> {
	const indexes = new Set<number>();
	for (const part of (text ?? '').split(',')) {
		const match = /^\s*(\d+)(?:\s*-\s*(\d+))?\s*$/.exec(part);
		if (!match) {
			continue;
		}

		const first = Number(match[1]);
		const last = Math.min(Number(match[2] ?? match[1]), limit - 1);
		for (let index = first; index <= last; index++) {
			indexes.add(index);
		}
	}

	return indexes;
}

/** The grid for an Indexed job; undefined for a NonIndexed one. */
export function completionGrid(job: Job, pods: readonly Pod[]): CompletionGrid | undefined {
	if (job.spec.completionMode !== 'Indexed') {
		return undefined;
	}

	const total = job.spec.completions ?? 0;
	const shown = Math.min(total, maxGridCells);
	const done = parseIndexes(job.status?.completedIndexes, total);
	const failed = parseIndexes(job.status?.failedIndexes, total);
	const running = new Set(pods.filter((pod) => isActivePod(pod)).map((pod) => podIndex(pod)).filter((index) => index !== undefined));
	const counts: Record<IndexState, number> = {done: done.size, running: 0, failed: failed.size, pending: 0};
	for (let index = 0; index < total; index++) {
		if (!done.has(index) && !failed.has(index)) {
			counts[running.has(index) ? 'running' : 'pending']++;
		}
	}

	const cells: GridCell[] = [];
	for (let index = 0; index < shown; index++) {
		const state: IndexState = done.has(index) ? 'done' : failed.has(index) ? 'failed' : running.has(index) ? 'running' : 'pending';
		cells.push({index, state, symbol: symbols[state]});
	}

	const summary = `${counts.done} done · ${counts.running} running · ${counts.failed} failed · ${counts.pending} pending`;
	return {cells, summary};
}
