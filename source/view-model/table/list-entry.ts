/**
One object of a list view as the table keeps it between frames: what sorting, filtering and column sizing need, and its
time-independent cells. The time cells (ages, countdowns) are added only when the row is drawn (entryRow).
*/
import type {StoreView} from '../../store/types.js';
import {textWidth} from '../columns.js';
import {rowFlags} from '../row-flags.js';
import type {TimeBound} from '../time-widths.js';
import type {Row, Tone} from '../types.js';

/** An object of a list view, ready to sort, filter and size without the clock. */
export type ListEntry = {
	readonly id: string;
	readonly kind: 'jobs' | 'cronjobs' | 'pods';
	readonly deleted: boolean;
	/** Hidden by hide-completed. */
	readonly completed: boolean;
	readonly namespace: string;
	readonly name: string;
	/** Creation time, epoch ms (0 when unknown), for sorting by age. */
	readonly created: number;
	readonly labels: Readonly<Record<string, string>>;
	readonly tone: Tone;
	/** The cells that do not change with the clock (every cell when timeCells is absent). */
	readonly cells: Readonly<Record<string, string>>;
	/** The ids of every column of the entry's view (all-namespaces order): the order of `widths`. */
	readonly columnIds: readonly string[];
	/**
	How wide each cell is, by columnIds: exact for the cells above, and for time cells that never change (blank, a
	finished job's DURATION). An array of small numbers, as summing up widths runs over every entry of a list.
	*/
	readonly widths: readonly number[];
	/** How wide the other time cells can get, by the clock. */
	readonly clocks: Readonly<Record<string, TimeBound>>;
	/** The cells that change with the clock, at `now`. */
	readonly timeCells?: (now: number) => Readonly<Record<string, string>>;
};

/** What an entry is made of; its widths come from its cells plus the time cells' widths or bounds. */
export type EntryParts = Omit<ListEntry, 'widths' | 'clocks'> & {readonly timeWidths?: Readonly<Record<string, number | TimeBound>>};

/** Builds an entry, measuring its cells once (they are measured again only when the object changes). */
export function listEntry(parts: EntryParts): ListEntry {
	const timeWidths = parts.timeWidths ?? {};
	const clocks: Record<string, TimeBound> = {};
	const widths = parts.columnIds.map((id) => {
		const text = parts.cells[id];
		const width = timeWidths[id];
		if (typeof width === 'object') {
			clocks[id] = width;
		}

		return text === undefined ? (typeof width === 'number' ? width : 0) : textWidth(text);
	});
	// Every field written out in one order: copying `parts` with rest and spread gave each entry a hidden class of
	// its own, and reading any field of 10,000 entries then cost milliseconds (each access a megamorphic lookup).
	return {
		id: parts.id,
		kind: parts.kind,
		deleted: parts.deleted,
		completed: parts.completed,
		namespace: parts.namespace,
		name: parts.name,
		created: parts.created,
		labels: parts.labels,
		tone: parts.tone,
		cells: parts.cells,
		columnIds: parts.columnIds,
		widths,
		clocks,
		timeCells: parts.timeCells,
	};
}

/** The full table row of an entry at `now`: its cells with the time cells added, its tone and row markers. */
export function entryRow(entry: ListEntry, snapshot: StoreView, now: number): Row {
	const cells = entry.timeCells ? {...entry.cells, ...entry.timeCells(now)} : entry.cells;
	return {id: entry.id, cells, tone: entry.tone, ...rowFlags(snapshot, entry.kind, entry.id, now, entry.deleted)};
}
