/**
The order of a list view's entries, and keeping a sorted list sorted as entries come and go. The comparator is a total
order (it ends with the uid), so an entry has exactly one place and a binary search finds it.
*/
import type {ListEntry} from './list-entry.js';
import type {Tone} from '../types.js';

/** Compares two entries the way the table orders them. */
export type EntryComparator = (a: ListEntry, b: ListEntry) => number;

/** What the order depends on in a query. */
export type SortQuery = {readonly sort: 'name' | 'age' | 'status'; readonly reverse?: boolean; readonly allNamespaces: boolean};

// Most urgent first when sorting by status; the tone carries the meaning, the STATUS word breaks ties.
const toneRank: Record<Tone, number> = {error: 0, warning: 1, running: 2, pending: 3, normal: 4, success: 5, muted: 6};

/**
The comparator of a query's sort, turned around when the query says `reverse` (still a total order). Deleted rows come
after every live one whatever the sort and its direction: they are fading, the cursor passes them by, and the live rows
keep the top of the list (the first row is what a filter and Enter land on).
*/
export function comparator(query: SortQuery): EntryComparator {
	const forward = liveComparator(query);
	const sorted: EntryComparator = query.reverse === true ? (a, b) => forward(b, a) : forward;
	return (a, b) => (a.deleted === b.deleted ? sorted(a, b) : (a.deleted ? 1 : -1));
}

function liveComparator(query: SortQuery): EntryComparator {
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

/** The key under which a query's order is kept: queries with the same key sort alike. */
export function sortKey(query: SortQuery): string {
	return `${query.sort} ${query.reverse === true} ${query.allNamespaces}`;
}

function compare(a: string | undefined, b: string | undefined): number {
	const left = a ?? '';
	const right = b ?? '';
	return left < right ? -1 : left > right ? 1 : 0;
}

/** Where `entry` belongs in the sorted `list`: the first index whose entry does not come before it. */
export function placeOf(list: readonly ListEntry[], entry: ListEntry, order: EntryComparator): number {
	let low = 0;
	let high = list.length;
	while (low < high) {
		const middle = (low + high) >>> 1;
		if (order(list[middle]!, entry) < 0) {
			low = middle + 1;
		} else {
			high = middle;
		}
	}

	return low;
}

/** The index of `entry` (the very object) in the sorted `list`, or -1. */
export function indexOfSorted(list: readonly ListEntry[], entry: ListEntry, order: EntryComparator): number {
	const at = placeOf(list, entry, order);
	// The order is total, so the entry sits exactly there; the scan is a safety net, never the usual path.
	return list[at] === entry ? at : list.indexOf(entry);
}

/**
Puts `entry` in place of the one at `at` in the sorted `list` when it sorts to that very place (a changed job sorted by
name or age keeps its place): an assignment instead of two moves of the list's tail. Returns whether it did.
*/
export function replacedInPlace(list: ListEntry[], at: number, entry: ListEntry, order: EntryComparator): boolean {
	const before = list[at - 1];
	const after = list[at + 1];
	if ((before !== undefined && order(before, entry) >= 0) || (after !== undefined && order(entry, after) >= 0)) {
		return false;
	}

	list[at] = entry;
	return true;
}

/** Takes `old` out of the sorted `list` and puts `entry` where it belongs (either may be absent). */
export function swapSorted(list: ListEntry[], old: ListEntry | undefined, entry: ListEntry | undefined, order: EntryComparator): void {
	const at = old ? indexOfSorted(list, old, order) : -1;
	if (at !== -1 && entry && replacedInPlace(list, at, entry, order)) {
		return;
	}

	if (at !== -1) {
		list.splice(at, 1);
	}

	if (entry) {
		list.splice(placeOf(list, entry, order), 0, entry);
	}
}
