/**
The rows a list view holds and their order, without the clock: every live object and fading tombstone of the view's
kind, sorted, then filtered. Each step is remembered for its inputs, so a key press that changes neither the snapshot
nor the query does no work here, a clock tick only redoes what a tombstone fading out changes, and typing in the
filter only refilters the sorted list.
*/
import type {ResourceSnapshot} from '../store/types.js';
import type {ColumnSpec} from './columns.js';
import {parseFilter} from './filter.js';
import {cronJobEntry, jobEntry, podEntry} from './list-entries.js';
import type {ListEntry} from './list-entry.js';
import {isCronJob, isJob, isPod} from './lookups.js';
import {deletedRowMs} from './row-flags.js';
import {addBound, type ColumnClock, emptyClock} from './time-widths.js';
import type {Tone} from './types.js';

/** The list views. */
export type ViewId = 'jobs' | 'cronjobs' | 'pods';

/** What the user asked the table for. */
export type TableQuery = {
	readonly filter: string;
	readonly sort: 'name' | 'age' | 'status';
	readonly hideCompleted: boolean;
	readonly allNamespaces: boolean;
};

/** A view's entries in order, filtered, with the widest each column's cells get over them. */
export type TableOrder = {
	readonly entries: readonly ListEntry[];
	/** The entries' ids (row uids), in order. */
	readonly ids: readonly string[];
	/** Column id → the widest its cells are over the entries (time cells that never change included). */
	readonly widest: Readonly<Record<string, number>>;
	/** Column id → how wide its other time cells get over the entries, by the clock. */
	readonly clocks: Readonly<Record<string, ColumnClock>>;
	readonly filterError?: string;
};

// Every entry of a view, and the span of clock times [from, until) over which that set holds: it changes only when a
// tombstone fades out. Cron job entries follow the clock in every cell, so theirs is the empty span at one moment.
type Collected = {readonly entries: readonly ListEntry[]; readonly from: number; readonly until: number; readonly sizes: string};

const collected = new WeakMap<ResourceSnapshot, Map<ViewId, Collected>>();
const sorted = new WeakMap<Collected, Map<string, readonly ListEntry[]>>();
const ordered = new WeakMap<readonly ListEntry[], Map<string, TableOrder>>();

/** The view's entries in the order the table shows them, kept as the query asks; memoized per snapshot and query. */
export function tableOrder(view: ViewId, snapshot: ResourceSnapshot, now: number, query: TableQuery, specs: readonly ColumnSpec[]): TableOrder {
	const all = collectedAt(view, snapshot, now);
	const sortKey = `${query.sort} ${query.allNamespaces}`;
	let bySort = sorted.get(all);
	if (!bySort) {
		bySort = new Map();
		sorted.set(all, bySort);
	}

	let inOrder = bySort.get(sortKey);
	if (!inOrder) {
		inOrder = [...all.entries].sort(comparator(query));
		bySort.set(sortKey, inOrder);
	}

	const filterKey = `${query.hideCompleted} ${query.allNamespaces} ${query.filter}`;
	let byFilter = ordered.get(inOrder);
	if (!byFilter) {
		byFilter = new Map();
		ordered.set(inOrder, byFilter);
	}

	let order = byFilter.get(filterKey);
	if (!order) {
		order = keep(inOrder, query, specs);
		// Typing a filter leaves one order per prefix; only the latest few are worth keeping.
		if (byFilter.size > 8) {
			byFilter.clear();
		}

		byFilter.set(filterKey, order);
	}

	return order;
}

function collectedAt(view: ViewId, snapshot: ResourceSnapshot, now: number): Collected {
	let byView = collected.get(snapshot);
	if (!byView) {
		byView = new Map();
		collected.set(snapshot, byView);
	}

	// The store fills a snapshot's maps before it publishes the next one (types.ts): an object that arrived since must
	// show at once (a job an action created gets selected as it arrives), so a change in size means collect again.
	const sizes = `${liveOf(view, snapshot).size} ${snapshot.deleted.size}`;
	const known = byView.get(view);
	if (known?.sizes === sizes && (known.from === known.until ? now === known.from : now >= known.from && now < known.until)) {
		return known;
	}

	const fresh = {...collect(view, snapshot, now), sizes};
	byView.set(view, fresh);
	return fresh;
}

function liveOf(view: ViewId, snapshot: ResourceSnapshot): ReadonlyMap<string, unknown> {
	return view === 'jobs' ? snapshot.jobs : view === 'cronjobs' ? snapshot.cronJobs : snapshot.pods;
}

function collect(view: ViewId, snapshot: ResourceSnapshot, now: number): Omit<Collected, 'sizes'> {
	const entries: ListEntry[] = [];
	// A tombstone shows while now < deletedAt + deletedRowMs (row-flags.ts stillFading): the set of fading ones holds
	// from the latest such moment at or before now until the earliest after it.
	let from = Number.NEGATIVE_INFINITY;
	let until = Number.POSITIVE_INFINITY;
	const live = liveOf(view, snapshot);
	for (const {object, deletedAt} of snapshot.deleted.values()) {
		const ofView = view === 'jobs' ? isJob(object) : view === 'cronjobs' ? isCronJob(object) : isPod(object);
		if (!ofView || live.has(object.metadata.uid ?? '')) {
			continue;
		}

		const gone = deletedAt + deletedRowMs;
		if (now >= gone) {
			from = Math.max(from, gone);
			continue;
		}

		until = Math.min(until, gone);
		if (isJob(object)) {
			entries.push(jobEntry(object, snapshot, true));
		} else if (isPod(object)) {
			entries.push(podEntry(object, true));
		} else {
			entries.push(cronJobEntry(object, snapshot, now, true));
		}
	}

	switch (view) {
		case 'jobs': {
			for (const job of snapshot.jobs.values()) {
				entries.push(jobEntry(job, snapshot, false));
			}

			break;
		}

		case 'pods': {
			for (const pod of snapshot.pods.values()) {
				entries.push(podEntry(pod, false));
			}

			break;
		}

		case 'cronjobs': {
			for (const cronJob of snapshot.cronJobs.values()) {
				entries.push(cronJobEntry(cronJob, snapshot, now, false));
			}

			// Every cell follows the clock: these entries hold for this moment only (an empty span).
			return {entries, from: now, until: now};
		}
	}

	return {entries, from, until};
}

function keep(inOrder: readonly ListEntry[], query: TableQuery, specs: readonly ColumnSpec[]): TableOrder {
	const filter = parseFilter(query.filter);
	const matchAll = query.filter.trim() === '';
	const textKey = specs.map((spec) => spec.id).join(' ');
	const textSpecs = specs.filter((spec) => spec.time !== true);
	const entries: ListEntry[] = [];
	const ids: string[] = [];
	const clocks: Record<string, ColumnClock> = {};
	const timeIds = specs.filter((spec) => spec.time).map((spec) => spec.id);
	for (const id of timeIds) {
		clocks[id] = emptyClock();
	}

	// Widths by position in the entries' column order (every entry of a view shares it), for a loop over plain numbers.
	const positions = specs.map((spec) => inOrder[0]?.columnIds.indexOf(spec.id) ?? -1);
	const most = specs.map(() => 0);
	for (const entry of inOrder) {
		if ((query.hideCompleted && entry.completed) || !(matchAll || filter.test(entryText(entry, textKey, textSpecs), entry.labels))) {
			continue;
		}

		entries.push(entry);
		ids.push(entry.id);
		const {widths} = entry;
		for (let index = 0; index < positions.length; index++) {
			const width = widths[positions[index]!] ?? 0;
			if (width > most[index]!) {
				most[index] = width;
			}
		}

		for (const id of timeIds) {
			const bound = entry.clocks[id];
			if (bound) {
				addBound(clocks[id]!, bound);
			}
		}
	}

	const widest = Object.fromEntries(specs.map((spec, index) => [spec.id, most[index] ?? 0]));
	const order = {entries, ids, widest, clocks};
	return filter.error === undefined ? order : {...order, filterError: filter.error};
}

const texts = new WeakMap<ListEntry, {readonly key: string; readonly text: string}>();

// What the filter sees: the row's cells in column order, one space apart, without the time cells (an age or a
// countdown would make a row match one second and not the next). Kept per entry, so refiltering builds no strings.
function entryText(entry: ListEntry, key: string, specs: readonly ColumnSpec[]): string {
	const known = texts.get(entry);
	if (known?.key === key) {
		return known.text;
	}

	const text = specs.map((spec) => entry.cells[spec.id] ?? '').join(' ');
	texts.set(entry, {key, text});
	return text;
}

// Most urgent first when sorting by status; the tone carries the meaning, the STATUS word breaks ties.
const toneRank: Record<Tone, number> = {error: 0, warning: 1, running: 2, pending: 3, normal: 4, success: 5, muted: 6};

function comparator(query: TableQuery): (a: ListEntry, b: ListEntry) => number {
	const byName = (a: ListEntry, b: ListEntry) => (query.allNamespaces ? compare(a.namespace, b.namespace) : 0)
		|| compare(a.name, b.name) || compare(a.id, b.id);
	switch (query.sort) {
		case 'age': {
			// Newest first, like `kubectl get --sort-by=.metadata.creationTimestamp` reversed: what just happened is on top.
			return (a, b) => b.created - a.created || byName(a, b);
		}

		case 'status': {
			return (a, b) => toneRank[a.tone] - toneRank[b.tone] || compare(a.cells.status, b.cells.status) || byName(a, b);
		}

		default: {
			return byName;
		}
	}
}

function compare(a: string | undefined, b: string | undefined): number {
	const left = a ?? '';
	const right = b ?? '';
	return left < right ? -1 : left > right ? 1 : 0;
}
