/**
The three list views as table models: every live object and tombstone of the view's kind, filtered and sorted, with
full rows built only for the ones the table draws. At 10,000 jobs a frame then costs what the visible rows cost (the
engine, engine.ts, carries the order between frames and keeps the models).
*/
import {type ColumnSpec, sizedColumn} from '../columns.js';
import {cronJobColumns} from '../rows/cronjob-rows.js';
import {jobColumns} from '../rows/job-rows.js';
import {podColumns} from '../rows/pod-rows.js';
import {clockWidth} from '../time-widths.js';
import type {SortQuery} from './entry-order.js';
import type {TableOrder, ViewId} from './types.js';
import type {Column, Row} from '../types.js';

/** Rows by index, built when asked for: a plain array of rows is one too. */
export type RowList = {
	readonly length: number;
	/** The row at `index` (0 ≤ index < length), else undefined. */
	at(index: number): Row | undefined;
};

/**
A table ready to draw: sized columns, the row ids in order (already filtered and sorted) and the rows themselves, each
built on first access.
*/
export type TableModel = {
	readonly columns: readonly Column[];
	readonly ids: readonly string[];
	readonly rows: RowList;
	/** How many rows the cursor can land on: the live ones, which come first (deleted rows fade below them). */
	readonly selectable: number;
	readonly filterError?: string;
};

/**
The model of an order at `now`: columns sized over all its entries (time cells by their bound at `now`), not the ones
on screen, so widths hold while scrolling; rows come from `rowAt` when asked for.
*/
export function tableModelOf(order: TableOrder, specs: readonly ColumnSpec[], now: number, rowAt: (index: number) => Row | undefined, sort?: SortQuery): TableModel {
	const {ids, entries} = order;
	const rows: RowList = {length: entries.length, at: rowAt};
	const marked = sort === undefined ? undefined : sortedColumn[sort.sort];
	// The order puts every deleted entry after the live ones (entry-order.ts): the first deleted one is found by halving.
	let selectable = 0;
	for (let high = entries.length; selectable < high;) {
		const middle = (selectable + high) >>> 1;
		if (entries[middle]!.deleted) {
			high = middle;
		} else {
			selectable = middle + 1;
		}
	}

	const columns = specs.map((spec) => {
		const clock = order.clocks[spec.id];
		const titled = spec.id === marked ? {...spec, title: `${spec.title}${sortArrow(sort)}`} : spec;
		return sizedColumn(titled, Math.max(order.widest[spec.id] ?? 0, clock ? clockWidth(clock, now) : 0));
	});
	return order.filterError === undefined ? {columns, ids, rows, selectable} : {columns, ids, rows, selectable, filterError: order.filterError};
}

// The column each sort orders by.
const sortedColumn: Record<SortQuery['sort'], string> = {name: 'name', age: 'age', status: 'status'};

/**
The mark after the sorted column's title: ▲ for the order a sort key gives first (names A to Z, the smallest AGE, the
worst STATUS on top), ▼ once the same key turned it around.
*/
export function sortArrow(sort: SortQuery | undefined): string {
	return sort === undefined ? '' : (sort.reverse === true ? ' ▼' : ' ▲');
}

/** Every row of a table model, in order (tests, small tables): it builds them all. */
export function allRows(rows: RowList): Row[] {
	return Array.from({length: rows.length}, (_unused, index) => rows.at(index)!);
}

// Built once, as constants: the order kept for a query is tied to its specs by identity, and so is the per-entry filter
// text, so a view and scope must always get the very same list.
const specsByView: Readonly<Record<ViewId, readonly [readonly ColumnSpec[], readonly ColumnSpec[]]>> = {
	jobs: [jobColumns(false), jobColumns(true)],
	cronjobs: [cronJobColumns(false), cronJobColumns(true)],
	pods: [podColumns(false), podColumns(true)],
};

/** A view's column definitions, the same list each time for a view and scope. */
export function columnSpecs(view: ViewId, allNamespaces: boolean): readonly ColumnSpec[] {
	return specsByView[view][allNamespaces ? 1 : 0];
}
