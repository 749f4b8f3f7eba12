/**
The widest per column and the column clocks over a changing set of entries, from their facts (entry-facts.ts). Each
bound keeps how many entries reach it, so an entry leaving lowers a bound only when it was the last to reach it, and
only then are the entries read again. The result is what a max and addBound over the entries give.
*/
import type {ColumnClock} from '../time-widths.js';

/** Column widths and clocks over entries counted in and out by their sizes. */
export class ColumnSizes {
	readonly #widthCount: number;
	readonly #timeIds: readonly string[];
	// What no entry at all gives (zero widths, empty clocks), in the facts' layout: the bounds start there.
	readonly #floor: readonly number[];
	// Whether a bound is the smallest (a clock's earliest `since`) rather than the largest.
	readonly #lowest: readonly boolean[];
	#bounds: number[];
	#reaching: number[];

	/** Sizes for `widthCount` columns, of which `timeIds` have clocks. */
	constructor(widthCount: number, timeIds: readonly string[]) {
		this.#widthCount = widthCount;
		this.#timeIds = timeIds;
		const floor: number[] = Array.from({length: widthCount}, () => 0);
		const lowest: boolean[] = floor.map(() => false);
		for (const _id of timeIds) {
			floor.push(Number.POSITIVE_INFINITY, 0, Number.NEGATIVE_INFINITY, 0);
			lowest.push(true, false, false, false);
		}

		this.#floor = floor;
		this.#lowest = lowest;
		this.#bounds = [...floor];
		this.#reaching = floor.map(() => 0);
	}

	/** Counts one entry's sizes in. */
	add(sizes: readonly number[]): void {
		const bounds = this.#bounds;
		for (let index = 0; index < bounds.length; index++) {
			const value = sizes[index]!;
			const bound = bounds[index]!;
			if (this.#lowest[index] ? value < bound : value > bound) {
				bounds[index] = value;
				this.#reaching[index] = 1;
			} else if (value === bound && value !== this.#floor[index]) {
				this.#reaching[index]!++;
			}
		}
	}

	/** Counts one entry's sizes out (they must have been counted in); true when the entries must be counted again. */
	remove(sizes: readonly number[]): boolean {
		const bounds = this.#bounds;
		let stale = false;
		for (let index = 0; index < bounds.length; index++) {
			const value = sizes[index]!;
			// The floor holds whichever entries go; any other bound drops once nothing reaches it.
			if (value === bounds[index] && value !== this.#floor[index] && --this.#reaching[index]! === 0) {
				stale = true;
			}
		}

		return stale;
	}

	/** Forgets every entry, to count them in again. */
	clear(): void {
		this.#bounds = [...this.#floor];
		this.#reaching = this.#floor.map(() => 0);
	}

	/** The widest per column, by position. */
	widths(): number[] {
		return this.#bounds.slice(0, this.#widthCount);
	}

	/** The column clocks by time column id. */
	clocks(): Record<string, ColumnClock> {
		const clocks: Record<string, ColumnClock> = {};
		this.#timeIds.forEach((id, index) => {
			const at = this.#widthCount + (index * 4);
			clocks[id] = {since: this.#bounds[at]!, sinceExtra: this.#bounds[at + 1]!, until: this.#bounds[at + 2]!, untilExtra: this.#bounds[at + 3]!};
		});
		return clocks;
	}
}
