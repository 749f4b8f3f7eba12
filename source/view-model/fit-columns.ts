/**
Fits a table's columns into the terminal width: which columns to draw and how wide, never dropping NAME or STATUS.
*/
import type {Column} from './types.js';

/** How the table is fitted: `wide` (Ctrl+W) keeps every column and cuts cells instead. */
export type FitOptions = {readonly wide?: boolean};

/** Columns of this priority or more are extras: they go first, before anything is cut to make room. */
export const extraPriority = 5;

/**
Chooses which columns to draw and how wide, for `width` terminal cells with one-space gaps between columns.
Which columns stay depends on the width and the columns' own sizes alone, never on the cells, so one long name cannot
push a column out and a filter that leaves short names cannot bring it back:
1. the extras (priority 5 and more) drop, highest number and rightmost first, while the columns do not fit at their
   readable widths (`want`: a 20-cell name, a 28-cell status);
2. then every column makes do with its minimum (names are cut) before any other column drops, by the same order;
   priority 0 never drops.
The kept columns then grow with the room left: first the others up to their readable width, then the name, then all
of them towards their widest cell, most important first. `wide` keeps every column at least at its minimum; what does
not fit is cut at the right edge.
*/
export function fitColumns(columns: readonly Column[], width: number, options: FitOptions = {}): Array<Column & {readonly width: number}> {
	const kept = [...columns];
	if (options.wide !== true) {
		dropWhile(kept, (column) => column.priority >= extraPriority, () => needed(kept, wantOf) > width);
		dropWhile(kept, (column) => column.priority > 0, () => needed(kept, (column) => column.minWidth) > width);
	}

	const widths = kept.map((column) => column.minWidth);
	let spare = width - needed(kept, (column) => column.minWidth);
	if (spare < 0 && options.wide !== true) {
		shrink(widths, -spare);
	}

	spare = Math.max(0, spare);
	const byImportance = kept.map((column, index) => ({column, index})).sort((a, b) => a.column.priority - b.column.priority || a.index - b.index);
	const names = byImportance.filter(({column}) => column.id === 'name');
	const others = byImportance.filter(({column}) => column.id !== 'name');
	const steps: Array<[typeof byImportance, (column: Column) => number]> = [[others, readable], [names, readable], [byImportance, (column) => column.maxWidth]];
	for (const [group, limit] of steps) {
		for (const {column, index} of group) {
			const grow = Math.min(spare, Math.max(0, limit(column) - (widths[index] ?? 0)));
			widths[index] = (widths[index] ?? 0) + grow;
			spare -= grow;
		}
	}

	return kept.map((column, index) => ({...column, width: widths[index] ?? column.minWidth}));
}

// The readable width the column set is chosen by: the column's own, whatever its cells hold.
function wantOf(column: Column): number {
	return Math.max(column.minWidth, column.want ?? column.minWidth);
}

// How far a column grows before the name does: its readable width, or less when its widest cell is narrower.
function readable(column: Column): number {
	return Math.min(column.maxWidth, wantOf(column));
}

function needed(columns: readonly Column[], widthOf: (column: Column) => number): number {
	if (columns.length === 0) {
		return 0;
	}

	return columns.reduce((sum, column) => sum + widthOf(column), 0) + columns.length - 1;
}

// Drops the columns `may` allows, highest priority number and rightmost first, while `over` says they do not fit.
function dropWhile(columns: Column[], may: (column: Column) => boolean, over: () => boolean): void {
	while (over()) {
		let candidate: number | undefined;
		for (const [index, column] of columns.entries()) {
			if (may(column) && (candidate === undefined || column.priority >= columns[candidate]!.priority)) {
				candidate = index;
			}
		}

		if (candidate === undefined) {
			return;
		}

		columns.splice(candidate, 1);
	}
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
