/**
The three list views as table models: every live object and tombstone of the view's kind, filtered and sorted, with
full rows built only for the ones the table draws. At 10,000 jobs a frame then costs what the visible rows cost, and a
key press that changes neither the snapshot, the clock nor the query gets back the very same model.
*/
import type {StoreView} from '../../store/types.js';
import {type ColumnSpec, sizedColumn} from '../columns.js';
import {cronJobColumns} from '../rows/cronjob-rows.js';
import {jobColumns} from '../rows/job-rows.js';
import {entryRow} from './list-entry.js';
import {podColumns} from '../rows/pod-rows.js';
import {clockWidth} from '../time-widths.js';
import {tableOrder} from './live-order.js';
import type {TableOrder, TableQuery, ViewId} from './types.js';
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
	readonly filterError?: string;
};

// The model built last for an order: reused for the same snapshot and time only. Its rows read the snapshot's watch
// states (a stale row is dimmed), which can change while no object does and the order stays the very same.
const models = new WeakMap<TableOrder, {readonly snapshot: StoreView; readonly now: number; readonly model: TableModel}>();

/** Builds the table for a view: one row per object (tombstones included, marked), filtered, hidden and sorted as asked. */
export function tableModel(view: ViewId, snapshot: StoreView, now: number, query: TableQuery): TableModel {
	const specs = columnSpecs(view, query.allNamespaces);
	const order = tableOrder(view, snapshot, now, query, specs);
	const known = models.get(order);
	if (known?.now === now && known.snapshot === snapshot) {
		return known.model;
	}

	const {entries, ids} = order;
	const rows: RowList = {
		length: entries.length,
		at(index) {
			const entry = entries[index];
			return entry === undefined ? undefined : entryRow(entry, snapshot, now);
		},
	};
	// Sized over all rows, not the ones on screen (time cells by their bound at `now`), so widths hold while scrolling.
	const columns = specs.map((spec) => {
		const clock = order.clocks[spec.id];
		return sizedColumn(spec, Math.max(order.widest[spec.id] ?? 0, clock ? clockWidth(clock, now) : 0));
	});
	const model: TableModel = order.filterError === undefined ? {columns, ids, rows} : {columns, ids, rows, filterError: order.filterError};
	models.set(order, {snapshot, now, model});
	return model;
}

/** Every row of a table model, in order (tests, small tables): it builds them all. */
export function allRows(rows: RowList): Row[] {
	return Array.from({length: rows.length}, (_unused, index) => rows.at(index)!);
}

const specsByView = new Map<string, readonly ColumnSpec[]>();

/**
A view's column definitions, the same list each time for a view and scope: the order kept for a query is tied to it, and
so is the per-entry filter text.
*/
export function columnSpecs(view: ViewId, allNamespaces: boolean): readonly ColumnSpec[] {
	const key = `${view} ${allNamespaces}`;
	let specs = specsByView.get(key);
	if (!specs) {
		specs = view === 'jobs' ? jobColumns(allNamespaces) : view === 'cronjobs' ? cronJobColumns(allNamespaces) : podColumns(allNamespaces);
		specsByView.set(key, specs);
	}

	return specs;
}
