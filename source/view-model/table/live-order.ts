/**
A list view's sorted entries, carried from one snapshot of a store to the next. The store says which uids changed
(types.ts SnapshotChanges): only their entries are worked out again and moved in the sorted list, and in every kept
filtered order, by binary search. Anything the record cannot vouch for (another store, a skipped snapshot, a reset, a
clock that went back past a fading tombstone) rebuilds from scratch, which gives the same result.
*/
import type {StoreView} from '../../store/types.js';
import type {ColumnSpec} from '../columns.js';
import {comparator, type EntryComparator, type SortQuery, sortKey, swapSorted} from './entry-order.js';
import {FilteredOrder, type FilterQuery} from './filtered-order.js';
import type {ListEntries} from './list-entries.js';
import type {ListEntry} from './list-entry.js';
import {caughtUp, type CaughtUp, changedSince} from './snapshot-changes.js';
import type {TableOrder, ViewId} from './types.js';
import {changedUids, collectEntries, entryOf} from './view-entries.js';

type Fading = {readonly uid: string; readonly gone: number};

type State = {
	readonly view: ViewId;
	// The maps the entries were read from; a view with other maps (another store, a namespace scope) rebuilds.
	readonly inputs: readonly unknown[];
	// The snapshot the entries were brought to, and how much of its pending record was in the maps then.
	caught: CaughtUp;
	now: number;
	// The latest moment a tombstone stopped showing: a clock before it would bring one back.
	expired: number;
	// Shown tombstones by when they stop showing, earliest first (an entry may be stale: it is only a reminder).
	readonly fading: Fading[];
	readonly byId: Map<string, ListEntry>;
	sortKey: string;
	order: EntryComparator;
	sorted: ListEntry[];
	// The filtered orders kept up to date, most recently used last.
	readonly filters: Map<string, {readonly specs: readonly ColumnSpec[]; readonly filtered: FilteredOrder}>;
	// The one of them handed out last: a filter typed further filters its entries (filtered-order.ts).
	handedOut: FilteredOrder | undefined;
};

// Typing a filter asks for one order per prefix: only the latest two (a toggle goes back and forth) are kept up to date.
const keptFilters = 2;

const inputsOf = (snapshot: StoreView): unknown[] => [snapshot.jobs, snapshot.cronJobs, snapshot.pods, snapshot.deleted, snapshot.podsByJob, snapshot.jobsByCronJob];

/** Each list view's sorted entries and kept filtered orders, carried from one view of a store to the next. */
export class LiveOrders {
	readonly #entries: ListEntries;
	// One state per list view: the entries of the maps it was last asked about.
	readonly #states = new Map<ViewId, State>();

	/** Orders of the entries `entries` makes. */
	constructor(entries: ListEntries) {
		this.#entries = entries;
	}

	/**
	The view's entries in the order the table shows them, filtered, sorted and sized for `query` as of the view's maps
	now; the same object until either changes. It brings the kept state of `view` up to `snapshot` on the way.
	*/
	order(view: ViewId, snapshot: StoreView, now: number, query: SortQuery & FilterQuery, specs: readonly ColumnSpec[]): TableOrder {
		const state = this.#synced(view, snapshot, now);
		const key = sortKey(query);
		if (state.sortKey !== key) {
			state.sortKey = key;
			state.order = comparator(query);
			state.sorted = [...state.byId.values()].sort(state.order);
			state.filters.clear();
			state.handedOut = undefined;
		}

		const filterKey = `${query.hideCompleted} ${query.filter}`;
		let kept = state.filters.get(filterKey);
		state.filters.delete(filterKey);
		if (kept?.specs !== specs) {
			// The order handed out last is still kept up to date here: it goes (below) only after its successor is built.
			kept = {specs, filtered: new FilteredOrder(state.sorted, query, specs, state.order, state.handedOut)};
		}

		state.filters.set(filterKey, kept);
		if (state.filters.size > keptFilters) {
			state.filters.delete(state.filters.keys().next().value!);
		}

		state.handedOut = kept.filtered;
		return kept.filtered.order();
	}

	#synced(view: ViewId, snapshot: StoreView, now: number): State {
		const known = this.#states.get(view);
		const inputs = inputsOf(snapshot);
		if (known && known.inputs.every((input, index) => input === inputs[index]) && now >= known.expired) {
			const changed = changedSince(known.caught, snapshot, (changes) => changedUids(view, changes));
			// Cron job entries follow the clock in every cell: they hold for one moment and one set of maps.
			if (changed && (view !== 'cronjobs' || (changed.length === 0 && now === known.now))) {
				update(this.#entries, known, changed, snapshot, now);
				return known;
			}
		}

		const fresh = build(this.#entries, view, snapshot, now, inputs, known);
		this.#states.set(view, fresh);
		return fresh;
	}
}

function update(entries: ListEntries, state: State, changed: Array<ReadonlySet<string>>, snapshot: StoreView, now: number): void {
	const uids = new Set<string>();
	for (const set of changed) {
		for (const uid of set) {
			uids.add(uid);
		}
	}

	let passed = 0;
	while (passed < state.fading.length && state.fading[passed]!.gone <= now) {
		const {uid, gone} = state.fading[passed]!;
		uids.add(uid);
		state.expired = Math.max(state.expired, gone);
		passed++;
	}

	state.fading.splice(0, passed);
	for (const uid of uids) {
		updateEntry(entries, state, uid, snapshot, now);
	}

	state.caught = caughtUp(snapshot);
	state.now = now;
}

function updateEntry(entries: ListEntries, state: State, uid: string, snapshot: StoreView, now: number): void {
	const {entry, gone} = entryOf(entries, state.view, uid, snapshot, now);
	if (gone !== undefined && entry) {
		remindFading(state.fading, uid, gone);
	} else if (gone !== undefined) {
		state.expired = Math.max(state.expired, gone);
	}

	const old = state.byId.get(uid);
	if (old === entry) {
		return;
	}

	swapSorted(state.sorted, old, entry, state.order);
	for (const {filtered} of state.filters.values()) {
		filtered.swap(old, entry);
	}

	if (entry) {
		state.byId.set(uid, entry);
	} else {
		state.byId.delete(uid);
	}
}

// Notes when a shown tombstone stops showing, keeping the list in order of that moment.
function remindFading(fading: Fading[], uid: string, gone: number): void {
	let at = fading.length;
	// Tombstones arrive in deletion order, so the place is nearly always the end.
	while (at > 0 && fading[at - 1]!.gone > gone) {
		at--;
	}

	if (fading[at - 1]?.uid !== uid || fading[at - 1]?.gone !== gone) {
		fading.splice(at, 0, {uid, gone});
	}
}

function build(made: ListEntries, view: ViewId, snapshot: StoreView, now: number, inputs: readonly unknown[], known: State | undefined): State {
	const {entries, expired, fading} = collectEntries(made, view, snapshot, now);
	fading.sort((a, b) => a.gone - b.gone);
	// The sort the view had is likely the one asked for next: keep its comparator so the list is sorted once.
	const key = known?.sortKey ?? sortKey({sort: 'name', allNamespaces: false});
	const order = known?.order ?? comparator({sort: 'name', allNamespaces: false});
	return {
		view,
		inputs,
		caught: caughtUp(snapshot),
		now,
		expired,
		fading,
		byId: new Map(entries.map((entry) => [entry.id, entry])),
		sortKey: key,
		order,
		sorted: entries.sort(order),
		filters: new Map(),
		handedOut: undefined,
	};
}
