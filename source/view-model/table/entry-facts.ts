/**
What filtering and sizing read of an entry for one set of columns, worked out once per entry: its filter text (and that
text lowercased) and its column widths and time bounds as one array of plain numbers. Entries never change (a changed
object gets a new entry), so the facts hold for as long as the entry lives, and refiltering on a keystroke reads each
entry's facts instead of building strings and looking up cells by name.
*/
import type {ColumnSpec} from '../columns.js';
import type {ListEntry} from './list-entry.js';

/** An entry's filter text and sizes for one column set (`key`). */
export type EntryFacts = {
	readonly key: string;
	/** The row's cells in column order, one space apart, without the time cells. */
	readonly text: string;
	readonly lower: string;
	/** The width per column, then per time column its bound as since, sinceExtra, until, untilExtra (see ColumnSizes). */
	readonly sizes: readonly number[];
};

// Module-level on purpose, unlike the engine's state (engine.ts): an entry never changes and its facts for a key are a
// function of the entry and the key alone, so any caller at any time gets equal facts; no result depends on an
// earlier call. Keyed weakly by the entry, the facts go with it.
const known = new WeakMap<ListEntry, EntryFacts>();

// Where a column set's cells sit in an entry's columns: worked out once per column set and entry layout (every entry of
// a view shares one), not per entry. Pure memoization too: the id arrays and specs are constants.
type Layout = {readonly specs: readonly ColumnSpec[]; readonly textIds: readonly string[]; readonly positions: readonly number[]};
const layouts = new WeakMap<readonly string[], Layout>();

function layoutOf(columnIds: readonly string[], specs: readonly ColumnSpec[]): Layout {
	const hit = layouts.get(columnIds);
	if (hit?.specs === specs) {
		return hit;
	}

	// The time cells are left out of the text: an age or a countdown would make a row match one second and not the next.
	const layout = {specs, textIds: specs.filter((spec) => spec.time !== true).map((spec) => spec.id), positions: specs.map((spec) => columnIds.indexOf(spec.id))};
	layouts.set(columnIds, layout);
	return layout;
}

/** The facts of `entry` for the columns `specs` (named by `key`), of which `timeIds` are the time columns. */
export function entryFacts(entry: ListEntry, key: string, specs: readonly ColumnSpec[], timeIds: readonly string[]): EntryFacts {
	const hit = known.get(entry);
	if (hit?.key === key) {
		return hit;
	}

	const {textIds, positions} = layoutOf(entry.columnIds, specs);
	const {cells, widths} = entry;
	let text = cells[textIds[0]!] ?? '';
	for (let index = 1; index < textIds.length; index++) {
		text += ` ${cells[textIds[index]!] ?? ''}`;
	}

	const sizes: number[] = [];
	for (const position of positions) {
		sizes.push(widths[position] ?? 0);
	}

	// Each bound as four numbers that leave a ColumnSizes unchanged where the bound says nothing.
	for (const id of timeIds) {
		const bound = entry.clocks[id];
		if (bound && 'since' in bound) {
			sizes.push(bound.since, bound.extra, Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY);
		} else if (bound) {
			sizes.push(Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, bound.until, bound.extra);
		} else {
			sizes.push(Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY);
		}
	}

	const facts = {key, text, lower: text.toLowerCase(), sizes};
	known.set(entry, facts);
	return facts;
}
