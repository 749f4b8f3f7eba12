/**
Fits a table's columns into the terminal width by dropping the least important ones, never NAME or STATUS.
*/
import type {Column} from './types.js';

/**
Chooses which columns to draw and how wide, for `width` terminal cells with one-space gaps between columns.
Columns with the highest priority number drop first (the rightmost first among equals); priority 0 never drops.
Optional columns are dropped until NAME and STATUS get a fair share (up to 30% of the width each, or what they need),
so a narrow terminal shows fewer columns rather than cut names. The kept columns then grow from their minimum towards
their maximum, most important first.
*/
export function fitColumns(columns: readonly Column[], width: number): Array<Column & {readonly width: number}> {
	const fairShare = Math.floor(width * 0.3);
	const wanted = (column: Column) => column.priority === 0 ? Math.min(column.maxWidth, Math.max(column.minWidth, fairShare)) : column.minWidth;
	const kept = [...columns];
	while (needed(kept, wanted) > width) {
		const victim = dropCandidate(kept);
		if (victim === undefined) {
			break;
		}

		kept.splice(victim, 1);
	}

	const widths = kept.map((column) => column.minWidth);
	let spare = width - needed(kept, (column) => column.minWidth);
	if (spare < 0) {
		shrink(widths, -spare);
		spare = 0;
	}

	// First every column up to its fair want, then the most important ones on towards their maximum.
	const order = kept.map((column, index) => ({column, index})).sort((a, b) => a.column.priority - b.column.priority || a.index - b.index);
	for (const limit of [wanted, (column: Column) => column.maxWidth]) {
		for (const {column, index} of order) {
			const grow = Math.min(spare, Math.max(0, limit(column) - (widths[index] ?? 0)));
			widths[index] = (widths[index] ?? 0) + grow;
			spare -= grow;
		}
	}

	return kept.map((column, index) => ({...column, width: widths[index] ?? column.minWidth}));
}

function needed(columns: readonly Column[], widthOf: (column: Column) => number): number {
	if (columns.length === 0) {
		return 0;
	}

	return columns.reduce((sum, column) => sum + widthOf(column), 0) + columns.length - 1;
}

function dropCandidate(columns: readonly Column[]): number | undefined {
	let candidate: number | undefined;
	for (const [index, column] of columns.entries()) {
		if (column.priority === 0) {
			continue;
		}

		const current = candidate === undefined ? undefined : columns[candidate];
		if (current === undefined || column.priority >= current.priority) {
			candidate = index;
		}
	}

	return candidate;
}

// Even the never-dropped columns do not fit: take cells from the widest until they do (each keeps at least one).
function shrink(widths: number[], excess: number): void {
	let left = excess;
	while (left > 0) {
		let widest = -1;
		for (const [index, value] of widths.entries()) {
			if (value > 1 && (widest === -1 || value > (widths[widest] ?? 0))) {
				widest = index;
			}
		}

		if (widest === -1) {
			return;
		}

		widths[widest] = (widths[widest] ?? 1) - 1;
		left--;
	}
}
