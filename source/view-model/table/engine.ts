/**
The incremental table engine: everything the screen derives from one store and carries from one call to the next, in
one object made where the store is (session.ts). A call reads the store's view as it is now and brings the engine's
state up to it, so the same call with the same arguments can give a different (newer) answer after the maps changed,
and the engine must never be shared between stores. What it keeps:
- each job's status, per job object, until its pods change (row-cache.ts), shared by the table and the header;
- job and pod entries, per job status or pod object (list-entries.ts);
- per list view, the sorted entries and the two latest filtered orders, moved entry by entry as the store's change
  records say (live-order.ts, filtered-order.ts);
- the table model per order, snapshot and time, and the rows built for it, so a key press builds nothing;
- the header's counts, per label, moved job by job (job-counts.ts);
- the namespace scope of the latest view.
The row functions it calls (view-model/rows) are pure; entry facts (entry-facts.ts) stay module-level as pure memos.
*/
import {scopeSnapshot} from '../../store/scope.js';
import type {StoreView} from '../../store/types.js';
import {headerCounts} from '../header.js';
import {JobCounts} from '../job-counts.js';
import type {Row} from '../types.js';
import {ListEntries} from './list-entries.js';
import {entryRow, type ListEntry} from './list-entry.js';
import {LiveOrders} from './live-order.js';
import {JobStates} from './row-cache.js';
import {ViewStamps} from './view-stamps.js';
import {columnSpecs, type TableModel, tableModelOf} from './tables.js';
import type {TableOrder, TableQuery, ViewId} from './types.js';

/** The engine of one store: its calls state that they carry what they derived from the previous one. */
export type TableEngine = {
	/**
	The table of a list view: one row per object (tombstones included, marked), filtered, hidden and sorted as asked,
	with rows built on first access. The very same model for the same view, query, store view and time.
	*/
	table(view: ViewId, snapshot: StoreView, now: number, query: TableQuery): TableModel;
	/** The order behind `table`: the view's entries filtered, sorted and sized, the same object until something changes. */
	order(view: ViewId, snapshot: StoreView, now: number, query: TableQuery): TableOrder;
	/** The header's job counts, e.g. `42 jobs · 3 running · 1 backing off` (headerCounts in header.ts). */
	headerCounts(snapshot: StoreView): string;
	/** The view limited to one namespace (scope.ts), the same object while the view and the namespace are. */
	scope(snapshot: StoreView, namespace: string | undefined): StoreView;
	/** The entries the engine's orders are made of: a from-scratch order built with them must equal `order` entry for entry. */
	readonly entries: ListEntries;
};

/** A new engine, with nothing derived yet: one per store. */
export function createTableEngine(): TableEngine {
	// Caches below that hold for one view keep its number, not the view (view-stamps.ts says why).
	const stamps = new ViewStamps();
	const jobStates = new JobStates(stamps);
	const entries = new ListEntries(jobStates);
	const orders = new LiveOrders(entries);
	const counts = new JobCounts(jobStates);
	const models = new WeakMap<TableOrder, {readonly view: number; readonly now: number; readonly model: TableModel}>();
	const rows = new WeakMap<ListEntry, {readonly view: number; readonly now: number; readonly row: Row}>();
	let header: {readonly snapshot: StoreView; readonly count: number; readonly text: string} | undefined;
	let scoped: {readonly snapshot: StoreView; readonly namespace: string | undefined; readonly view: StoreView} | undefined;

	const order = (view: ViewId, snapshot: StoreView, now: number, query: TableQuery) => orders.order(view, snapshot, now, query, columnSpecs(view, query.allNamespaces));
	const rowOf = (entry: ListEntry, snapshot: StoreView, now: number): Row => {
		const view = stamps.stamp(snapshot);
		const hit = rows.get(entry);
		if (hit?.view === view && hit.now === now) {
			return hit.row;
		}

		const row = entryRow(entry, snapshot, now);
		rows.set(entry, {view, now, row});
		return row;
	};

	return {
		entries,
		order,
		table(view, snapshot, now, query) {
			const kept = order(view, snapshot, now, query);
			const known = models.get(kept);
			const stamp = stamps.stamp(snapshot);
			// The rows read the view's markers (changedAt, watch states), so a model holds for one view and time.
			if (known?.view === stamp && known.now === now) {
				return known.model;
			}

			const {entries: list} = kept;
			const model = tableModelOf(kept, columnSpecs(view, query.allNamespaces), now, (index) => {
				const entry = list[index];
				return entry === undefined ? undefined : rowOf(entry, snapshot, now);
			}, query);
			models.set(kept, {view: stamp, now, model});
			return model;
		},
		headerCounts(snapshot) {
			// Every render asks (each key press too); the counts change with the maps, and then only for the jobs that did.
			const count = snapshot.pending.count;
			if (header?.snapshot !== snapshot || header.count !== count) {
				header = {snapshot, count, text: headerCounts(snapshot.jobs.size, counts.counts(snapshot))};
			}

			return header.text;
		},
		scope(snapshot, namespace) {
			if (scoped?.snapshot !== snapshot || scoped.namespace !== namespace) {
				scoped = {snapshot, namespace, view: scopeSnapshot(snapshot, namespace)};
			}

			return scoped.view;
		},
	};
}
