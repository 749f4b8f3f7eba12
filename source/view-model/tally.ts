/**
The largest of a changing collection of numbers, kept as a count per value so taking one away can lower it. A table
sizes a column by its widest cell over every row: when the widest row goes, the next widest is at hand.
*/

/** Counts of values with their maximum. */
export class MaxTally {
	readonly #counts = new Map<number, number>();
	#max = Number.NEGATIVE_INFINITY;

	/** The largest value counted (negative infinity when none is). */
	get max(): number {
		return this.#max;
	}

	/** Whether nothing is counted. */
	get empty(): boolean {
		return this.#counts.size === 0;
	}

	/** Counts one more `value`. */
	add(value: number): void {
		this.#counts.set(value, (this.#counts.get(value) ?? 0) + 1);
		if (value > this.#max) {
			this.#max = value;
		}
	}

	/** Counts one `value` fewer (it must have been added). */
	remove(value: number): void {
		const count = (this.#counts.get(value) ?? 0) - 1;
		if (count > 0) {
			this.#counts.set(value, count);
			return;
		}

		this.#counts.delete(value);
		if (value === this.#max) {
			// Rare (the very largest went) and a pass over the distinct values, which are few for widths.
			let max = Number.NEGATIVE_INFINITY;
			for (const key of this.#counts.keys()) {
				if (key > max) {
					max = key;
				}
			}

			this.#max = max;
		}
	}
}
