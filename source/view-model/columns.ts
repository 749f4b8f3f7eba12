/**
Column definitions shared by the table views, and the step that sizes them to their content.
*/
import type {Column, Row} from './types.js';

/** A column before sizing: `cap` is the most it may ever take; the content decides its actual maximum. */
export type ColumnSpec = {
	readonly id: string;
	readonly title: string;
	readonly minWidth: number;
	readonly cap: number;
	readonly priority: number;
	readonly align?: 'left' | 'right';
	/**
	`name` for names: a name made by a controller keeps its start and its end when cut (`db-bac…23401`), because the
	runs of a cron job and the pods of a job differ only at the end, and cut at the end they would all read alike.
	*/
	readonly cut?: 'end' | 'name';
	/** A time cell (an age, a countdown): it changes with the clock, so list tables build it only for the rows on screen. */
	readonly time?: boolean;
	/** How wide it reads well (see Column.want); the minimum when absent. */
	readonly want?: number;
	/** What the column shows, for the help screen and the readme's column table (one sentence or two). */
	readonly help: string;
};

/** Gives every column the width its widest cell (or title) needs, within its cap and never below its minimum. */
export function sizeColumns(specs: readonly ColumnSpec[], rows: readonly Row[]): Column[] {
	return specs.map((spec) => {
		let widest = 0;
		for (const row of rows) {
			widest = Math.max(widest, textWidth(row.cells[spec.id] ?? ''));
		}

		return sizedColumn(spec, widest);
	});
}

/**
A column sized for cells at most `widest` wide (its title always fits), within its cap. It is never drawn wider than its
cells and title need, even below its minimum: six-letter names leave their spare cells to the columns that need them.
*/
export function sizedColumn(spec: ColumnSpec, widest: number): Column {
	const maxWidth = Math.min(Math.max(spec.cap, spec.title.length), Math.max(widest, spec.title.length));
	const column: Column = {id: spec.id, title: spec.title, minWidth: Math.min(spec.minWidth, maxWidth), maxWidth, priority: spec.priority, ...(spec.want === undefined ? {} : {want: spec.want})};
	return {...column, ...(spec.align ? {align: spec.align} : {}), ...(spec.cut ? {cut: spec.cut} : {})};
}

/** How many terminal cells a cell's text takes (one per code point, as the table cuts it). */
export function textWidth(text: string): number {
	// Without surrogate pairs every UTF-16 unit is a code point; this runs for every cell of every object a list holds.
	return surrogate.test(text) ? [...text].length : text.length;
}

const surrogate = /[\uD800-\uDFFF]/;

/** The NAMESPACE column, shown only when every namespace is listed. */
export const namespaceColumn: ColumnSpec = {id: 'namespace', title: 'NAMESPACE', minWidth: 9, cap: 30, priority: 2, help: 'The namespace, shown when all namespaces are listed (`-A`, `0`).'};
