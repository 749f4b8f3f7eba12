/**
The order a list view shows, worked out from scratch with nothing carried between snapshots. The incremental engine
(live-order.ts, engine.ts) must always equal it; randomized tests compare the two after every change.
*/
import type {StoreView} from '../../store/types.js';
import type {ColumnSpec} from '../columns.js';
import {comparator} from './entry-order.js';
import {FilteredOrder} from './filtered-order.js';
import type {ListEntries} from './list-entries.js';
import type {TableOrder, TableQuery, ViewId} from './types.js';
import {collectEntries} from './view-entries.js';

/**
The same order worked out from scratch, with no order carried between views: what an engine's order must always equal
(tests). The entries come from `entries` (an engine's, so a kept entry can be checked to be the very one a rebuild picks).
*/
export function tableOrderFromScratch(entries: ListEntries, view: ViewId, snapshot: StoreView, now: number, query: TableQuery, specs: readonly ColumnSpec[]): TableOrder {
	const order = comparator(query);
	const {entries: collected} = collectEntries(entries, view, snapshot, now);
	return new FilteredOrder(collected.sort(order), query, specs, order).order();
}
