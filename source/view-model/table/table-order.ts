/**
The rows a list view holds and their order, without the clock: every live object and fading tombstone of the view's
kind, sorted, then filtered, with the widest each column gets. It is carried from one snapshot to the next (live-order.ts):
a new snapshot redoes only the entries of what changed, a key press that changes neither the snapshot nor the query
gets back the very same order, and typing in the filter refilters the sorted list (or, typing further, only what
the previous keystroke kept; filtered-order.ts).
*/
import type {ResourceSnapshot} from '../../store/types.js';
import type {ColumnSpec} from '../columns.js';
import {comparator} from './entry-order.js';
import {FilteredOrder} from './filtered-order.js';
import type {ListEntry} from './list-entry.js';
import {liveTableOrder} from './live-order.js';
import type {ColumnClock} from '../time-widths.js';
import {collectEntries} from './view-entries.js';

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

/** The view's entries in the order the table shows them, kept as the query asks; the same object until either changes. */
export function tableOrder(view: ViewId, snapshot: ResourceSnapshot, now: number, query: TableQuery, specs: readonly ColumnSpec[]): TableOrder {
	return liveTableOrder(view, snapshot, now, query, specs);
}

/** The same order worked out from scratch, without what is carried between snapshots: what tableOrder must always equal (tests). */
export function tableOrderFromScratch(view: ViewId, snapshot: ResourceSnapshot, now: number, query: TableQuery, specs: readonly ColumnSpec[]): TableOrder {
	const order = comparator(query);
	const {entries} = collectEntries(view, snapshot, now);
	return new FilteredOrder(entries.sort(order), query, specs, order).order();
}
