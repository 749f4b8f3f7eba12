/**
One query's view of a sorted list: the entries the filter and hide-completed keep, in order, with the widest each
column gets over them. Built in one pass over the sorted list, then kept up to date one entry at a time as the list
changes, so a new snapshot costs what changed in it rather than a pass over every entry. A query that provably keeps a
subset of what the last order handed out over the same list kept (a filter typed further) filters that order's entries
instead of the whole list.
*/
import type {ColumnSpec} from '../columns.js';
import {ColumnSizes} from './column-sizes.js';
import {type EntryComparator, indexOfSorted, placeOf, replacedInPlace} from './entry-order.js';
import {type EntryFacts, entryFacts} from './entry-facts.js';
import {type ParsedFilter, parseFilter} from './filter.js';
import type {ListEntry} from './list-entry.js';
import type {TableOrder, TableQuery} from './types.js';

/** What filtering depends on in a query. */
export type FilterQuery = Pick<TableQuery, 'filter' | 'hideCompleted'>;

/** The entries a query keeps from a sorted list, with their column widths, updated entry by entry. */
export class FilteredOrder {
	readonly #query: FilterQuery;
	readonly #specs: readonly ColumnSpec[];
	readonly #order: EntryComparator;
	readonly #filter: ParsedFilter;
	readonly #matchAll: boolean;
	readonly #textKey: string;
	readonly #timeIds: readonly string[];
	readonly #entries: ListEntry[] = [];
	// The entries' ids, kept beside them: building them afresh for every published order would read every entry.
	readonly #ids: string[] = [];
	// The entries' sizes (entry-facts.ts), beside them too: counting them all again is then a loop over numbers.
	readonly #sizeList: Array<readonly number[]> = [];
	readonly #sizes: ColumnSizes;
	// Set when the last entry reaching some bound went: the bounds are counted again when the order is next asked for,
	// once however many entries went before.
	#stale = false;
	#published: TableOrder | undefined;

	/**
	Keeps what `query` keeps of `sorted` (in `order`), sized by `specs`. `previous` is the order last handed out over
	the same list, if the caller still keeps it up to date with the list (every change reaching it through swap): when
	it provably keeps everything this one does, its entries are filtered instead of the whole list.
	*/
	constructor(sorted: readonly ListEntry[], query: FilterQuery, specs: readonly ColumnSpec[], order: EntryComparator, previous?: FilteredOrder) {
		this.#query = query;
		this.#specs = specs;
		this.#order = order;
		this.#filter = parseFilter(query.filter);
		this.#matchAll = query.filter.trim() === '';
		this.#textKey = specs.map((spec) => spec.id).join(' ');
		this.#timeIds = specs.filter((spec) => spec.time).map((spec) => spec.id);
		this.#sizes = new ColumnSizes(specs.length, this.#timeIds);
		// Every entry's facts are read here even with no filter: the first keystroke then finds them all at hand.
		this.#filterFrom(previous !== undefined && previous.#keepsAllOf(this) ? previous.#entries : sorted);
	}

	/** Takes in an entry just added to the sorted list (if the query keeps it). */
	add(entry: ListEntry): void {
		if (!this.#keeps(entry)) {
			return;
		}

		const at = placeOf(this.#entries, entry, this.#order);
		const {sizes} = this.#factsOf(entry);
		this.#entries.splice(at, 0, entry);
		this.#ids.splice(at, 0, entry.id);
		this.#sizeList.splice(at, 0, sizes);
		this.#sizes.add(sizes);
		this.#published = undefined;
	}

	/** Lets go of an entry just taken out of the sorted list. */
	remove(entry: ListEntry): void {
		const sizes = this.#takeOut(entry);
		if (sizes) {
			this.#countOut(sizes);
		}
	}

	/** Swaps an entry of the sorted list for its successor (either may be absent), in place when both sit in one spot. */
	swap(old: ListEntry | undefined, entry: ListEntry | undefined): void {
		const at = old && entry && this.#keeps(old) && this.#keeps(entry) ? indexOfSorted(this.#entries, old, this.#order) : -1;
		// The successor is counted in before the old entry is counted out: when both reach a bound (a job whose pod
		// changed keeps its widths), the bound never looks lost and nothing is counted again.
		if (at !== -1 && replacedInPlace(this.#entries, at, entry!, this.#order)) {
			// Same uid, so the id in #ids stays.
			const gone = this.#sizeList[at]!;
			const {sizes} = this.#factsOf(entry!);
			this.#sizeList[at] = sizes;
			this.#sizes.add(sizes);
			this.#countOut(gone);
			this.#published = undefined;
			return;
		}

		const gone = old ? this.#takeOut(old) : undefined;
		if (entry) {
			this.add(entry);
		}

		if (gone) {
			this.#countOut(gone);
		}
	}

	/** The table order as it stands: a new object after every change, the same one until then. */
	order(): TableOrder {
		if (this.#published) {
			return this.#published;
		}

		if (this.#stale) {
			this.#sizes.clear();
			for (const sizes of this.#sizeList) {
				this.#sizes.add(sizes);
			}

			this.#stale = false;
		}

		const widths = this.#sizes.widths();
		const widest = Object.fromEntries(this.#specs.map((spec, index) => [spec.id, widths[index]!]));
		// Copies: a model handed out earlier keeps the rows it was built for while this one goes on changing.
		const order = {entries: this.#entries.slice(), ids: this.#ids.slice(), widest, clocks: this.#sizes.clocks()};
		this.#published = this.#filter.error === undefined ? order : {...order, filterError: this.#filter.error};
		return this.#published;
	}

	#keeps(entry: ListEntry): boolean {
		if (this.#query.hideCompleted && entry.completed) {
			return false;
		}

		// Worked out even with no filter, for entries that come in with a snapshot: the first keystroke then finds every
		// entry's facts at hand instead of building thousands of strings.
		const facts = this.#factsOf(entry);
		return this.#matchAll || this.#matches(facts, entry);
	}

	// The filter's test on the entry's text; a plain substring needs only the text lowercased once per entry.
	#matches(facts: EntryFacts, entry: ListEntry): boolean {
		const {needle} = this.#filter;
		return needle === undefined ? this.#filter.test(facts.text, entry.labels) : facts.lower.includes(needle);
	}

	// The first pass: each entry's facts give both the filter's text and the sizes as plain numbers.
	#filterFrom(source: readonly ListEntry[]): void {
		const {hideCompleted} = this.#query;
		for (const entry of source) {
			if (hideCompleted && entry.completed) {
				continue;
			}

			const facts = this.#factsOf(entry);
			if (this.#matches(facts, entry)) {
				this.#entries.push(entry);
				this.#ids.push(entry.id);
				this.#sizeList.push(facts.sizes);
				this.#sizes.add(facts.sizes);
			}
		}
	}

	/*
	Whether every entry `next` keeps, this order keeps too, over the same list in the same order and columns: then
	`next` is this order's entries filtered. Only where it is certain: this order keeps everything its hide-completed
	leaves, or both are plain substrings and `next`'s contains this one's (so any text holding it holds this one).
	*/
	#keepsAllOf(next: FilteredOrder): boolean {
		if (next.#specs !== this.#specs || next.#order !== this.#order || (this.#query.hideCompleted && !next.#query.hideCompleted)) {
			return false;
		}

		const mine = this.#filter.needle;
		const theirs = next.#filter.needle;
		return this.#matchAll || (mine !== undefined && theirs !== undefined && theirs.includes(mine));
	}

	// Takes an entry out of the kept list, giving its sizes, still counted (undefined when it was not kept).
	#takeOut(entry: ListEntry): readonly number[] | undefined {
		const at = this.#keeps(entry) ? indexOfSorted(this.#entries, entry, this.#order) : -1;
		if (at === -1) {
			return undefined;
		}

		this.#entries.splice(at, 1);
		this.#ids.splice(at, 1);
		this.#published = undefined;
		return this.#sizeList.splice(at, 1)[0];
	}

	#countOut(sizes: readonly number[]): void {
		// Once stale, the bounds are counted again from the list anyway.
		this.#stale = this.#sizes.remove(sizes) || this.#stale;
	}

	#factsOf(entry: ListEntry): EntryFacts {
		return entryFacts(entry, this.#textKey, this.#specs, this.#timeIds);
	}
}
