/**
The order a list view shows, worked out from scratch with nothing carried between snapshots. The incremental engine
(live-order.ts) must always equal it; randomized tests compare the two after every change.
*/
import type {StoreView} from '../../store/types.js';
import type {ColumnSpec} from '../columns.js';
import {comparator} from './entry-order.js';
import {FilteredOrder} from './filtered-order.js';
import type {TableOrder, TableQuery, ViewId} from './types.js';
import {collectEntries} from './view-entries.js';

/** The same order worked out from scratch, without what is carried between snapshots: what tableOrder must always equal (tests). */
export function tableOrderFromScratch(view: ViewId, snapshot: StoreView, now: number, query: TableQuery, specs: readonly ColumnSpec[]): TableOrder {
	const order = comparator(query);
	const {entries} = collectEntries(view, snapshot, now);
	return new FilteredOrder(entries.sort(order), query, specs, order).order();
}
