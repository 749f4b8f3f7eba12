/**
The words of the table engine. A list view holds rows in an order, without the clock: every live object and fading
tombstone of the view's kind, sorted, then filtered, with the widest each column gets. The order is carried from one
snapshot to the next (live-order.ts): a new snapshot redoes only the entries of what changed, a key press that changes
neither the snapshot nor the query gets back the very same order, and typing in the filter refilters the sorted list
(or, typing further, only what the previous keystroke kept; filtered-order.ts).
*/
import type {ColumnClock} from '../time-widths.js';
import type {ListEntry} from './list-entry.js';

/** The list views. */
export type ViewId = 'jobs' | 'cronjobs' | 'pods';

/** What the user asked the table for. */
export type TableQuery = {
	readonly filter: string;
	readonly sort: 'name' | 'age' | 'status';
	/** The sort turned around: Z to A, oldest first, healthiest first. */
	readonly reverse?: boolean;
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
