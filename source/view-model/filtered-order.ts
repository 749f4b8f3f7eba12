/**
One query's view of a sorted list: the entries the filter and hide-completed keep, in order, with the widest each
column gets over them. Built in one pass over the sorted list, then kept up to date one entry at a time as the list
changes, so a new snapshot costs what changed in it rather than a pass over every entry.
*/
import type {ColumnSpec} from './columns.js';
import {type EntryComparator, indexOfSorted, placeOf, replacedInPlace} from './entry-order.js';
import {type ParsedFilter, parseFilter} from './filter.js';
import type {ListEntry} from './list-entry.js';
import {MaxTally} from './tally.js';
import type {TableOrder, TableQuery} from './table-order.js';
import {addBound, type ColumnClock, emptyClock} from './time-widths.js';

/** What filtering depends on in a query. */
export type FilterQuery = Pick<TableQuery, 'filter' | 'hideCompleted'>;

// The four bounds of a ColumnClock over the kept entries; the earliest `since` is the largest of its negation.
type ClockTally = {readonly since: MaxTally; readonly sinceExtra: MaxTally; readonly until: MaxTally; readonly untilExtra: MaxTally};

/** The entries a query keeps from a sorted list, with their column widths, updated entry by entry. */
export class FilteredOrder {
	readonly #query: FilterQuery;
	readonly #specs: readonly ColumnSpec[];
	readonly #order: EntryComparator;
	readonly #filter: ParsedFilter;
	readonly #matchAll: boolean;
	readonly #textKey: string;
	readonly #textSpecs: readonly ColumnSpec[];
	readonly #timeIds: readonly string[];
	readonly #entries: ListEntry[] = [];
	// The entries' ids, kept beside them: building them afresh for every published order would read every entry.
	readonly #ids: string[] = [];
	// Widths by position in the entries' column order (every entry of a view shares it), for loops over plain numbers.
	#positions: readonly number[] | undefined;
	// After the first pass: the widest per spec and the column clocks. Tallies replace them once the list changes.
	readonly #most: number[];
	readonly #clocks: Record<string, ColumnClock> = {};
	#widthTallies: MaxTally[] | undefined;
	#clockTallies: Record<string, ClockTally> | undefined;
	#published: TableOrder | undefined;

	/** Keeps what `query` keeps of `sorted` (in `order`), sized by `specs`. */
	constructor(sorted: readonly ListEntry[], query: FilterQuery, specs: readonly ColumnSpec[], order: EntryComparator) {
		this.#query = query;
		this.#specs = specs;
		this.#order = order;
		this.#filter = parseFilter(query.filter);
		this.#matchAll = query.filter.trim() === '';
		this.#textKey = specs.map((spec) => spec.id).join(' ');
		this.#textSpecs = specs.filter((spec) => spec.time !== true);
		this.#timeIds = specs.filter((spec) => spec.time).map((spec) => spec.id);
		this.#most = specs.map(() => 0);
		for (const id of this.#timeIds) {
			this.#clocks[id] = emptyClock();
		}

		for (const entry of sorted) {
			if (!this.#keeps(entry)) {
				continue;
			}

			this.#entries.push(entry);
			this.#ids.push(entry.id);
			const positions = this.#positionsOf(entry);
			const {widths} = entry;
			for (let index = 0; index < positions.length; index++) {
				const width = widths[positions[index]!] ?? 0;
				if (width > this.#most[index]!) {
					this.#most[index] = width;
				}
			}

			for (const id of this.#timeIds) {
				const bound = entry.clocks[id];
				if (bound) {
					addBound(this.#clocks[id]!, bound);
				}
			}
		}
	}

	/** Takes in an entry just added to the sorted list (if the query keeps it). */
	add(entry: ListEntry): void {
		if (!this.#keeps(entry)) {
			return;
		}

		this.#tallies();
		const at = placeOf(this.#entries, entry, this.#order);
		this.#entries.splice(at, 0, entry);
		this.#ids.splice(at, 0, entry.id);
		this.#count(entry, 1);
		this.#published = undefined;
	}

	/** Lets go of an entry just taken out of the sorted list. */
	remove(entry: ListEntry): void {
		if (!this.#keeps(entry)) {
			return;
		}

		this.#tallies();
		const at = indexOfSorted(this.#entries, entry, this.#order);
		if (at === -1) {
			return;
		}

		this.#entries.splice(at, 1);
		this.#ids.splice(at, 1);
		this.#count(entry, -1);
		this.#published = undefined;
	}

	/** Swaps an entry of the sorted list for its successor (either may be absent), in place when both sit in one spot. */
	swap(old: ListEntry | undefined, entry: ListEntry | undefined): void {
		const at = old && entry && this.#keeps(old) && this.#keeps(entry) ? indexOfSorted(this.#entries, old, this.#order) : -1;
		// Counted before the list changes: the first count is of the list as it stands.
		this.#tallies();
		if (at !== -1 && replacedInPlace(this.#entries, at, entry!, this.#order)) {
			// Same uid, so the id in #ids stays.
			this.#count(old!, -1);
			this.#count(entry!, 1);
			this.#published = undefined;
			return;
		}

		if (old) {
			this.remove(old);
		}

		if (entry) {
			this.add(entry);
		}
	}

	/** The table order as it stands: a new object after every change, the same one until then. */
	order(): TableOrder {
		if (this.#published) {
			return this.#published;
		}

		const widths = this.#widthTallies;
		const widest = Object.fromEntries(this.#specs.map((spec, index) => [spec.id, widths ? Math.max(0, widths[index]!.max) : this.#most[index] ?? 0]));
		const clocks: Record<string, ColumnClock> = {};
		for (const id of this.#timeIds) {
			const tally = this.#clockTallies?.[id];
			clocks[id] = tally ? clockOf(tally) : {...this.#clocks[id]!};
		}

		// Copies: a model handed out earlier keeps the rows it was built for while this one goes on changing.
		const order = {entries: this.#entries.slice(), ids: this.#ids.slice(), widest, clocks};
		this.#published = this.#filter.error === undefined ? order : {...order, filterError: this.#filter.error};
		return this.#published;
	}

	#keeps(entry: ListEntry): boolean {
		return !(this.#query.hideCompleted && entry.completed)
			&& (this.#matchAll || this.#filter.test(entryText(entry, this.#textKey, this.#textSpecs), entry.labels));
	}

	#positionsOf(entry: ListEntry): readonly number[] {
		this.#positions ??= this.#specs.map((spec) => entry.columnIds.indexOf(spec.id));
		return this.#positions;
	}

	// The first change to the list counts every kept entry's widths and bounds, so later ones can take some away.
	#tallies(): void {
		if (this.#widthTallies) {
			return;
		}

		this.#widthTallies = this.#specs.map(() => new MaxTally());
		this.#clockTallies = {};
		for (const id of this.#timeIds) {
			this.#clockTallies[id] = {since: new MaxTally(), sinceExtra: new MaxTally(), until: new MaxTally(), untilExtra: new MaxTally()};
		}

		for (const entry of this.#entries) {
			this.#count(entry, 1);
		}
	}

	#count(entry: ListEntry, sign: 1 | -1): void {
		const positions = this.#positionsOf(entry);
		const widths = this.#widthTallies!;
		for (let index = 0; index < positions.length; index++) {
			const width = entry.widths[positions[index]!] ?? 0;
			if (sign === 1) {
				widths[index]!.add(width);
			} else {
				widths[index]!.remove(width);
			}
		}

		for (const id of this.#timeIds) {
			const bound = entry.clocks[id];
			if (!bound) {
				continue;
			}

			const tally = this.#clockTallies![id]!;
			const [time, extra, timeValue] = 'since' in bound ? [tally.since, tally.sinceExtra, -bound.since] : [tally.until, tally.untilExtra, bound.until];
			if (sign === 1) {
				time.add(timeValue);
				extra.add(bound.extra);
			} else {
				time.remove(timeValue);
				extra.remove(bound.extra);
			}
		}
	}
}

// The same clock addBound gives over the counted bounds (emptyClock's values where none is counted).
function clockOf(tally: ClockTally): ColumnClock {
	return {
		since: tally.since.empty ? Number.POSITIVE_INFINITY : -tally.since.max,
		sinceExtra: Math.max(0, tally.sinceExtra.max),
		until: tally.until.empty ? Number.NEGATIVE_INFINITY : tally.until.max,
		untilExtra: Math.max(0, tally.untilExtra.max),
	};
}

const texts = new WeakMap<ListEntry, {readonly key: string; readonly text: string}>();

// What the filter sees: the row's cells in column order, one space apart, without the time cells (an age or a
// countdown would make a row match one second and not the next). Kept per entry, so refiltering builds no strings.
function entryText(entry: ListEntry, key: string, specs: readonly ColumnSpec[]): string {
	const known = texts.get(entry);
	if (known?.key === key) {
		return known.text;
	}

	const text = specs.map((spec) => entry.cells[spec.id] ?? '').join(' ');
	texts.set(entry, {key, text});
	return text;
}
