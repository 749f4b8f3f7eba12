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
};

/** Gives every column the width its widest cell (or title) needs, within its cap and never below its minimum. */
export function sizeColumns(specs: readonly ColumnSpec[], rows: readonly Row[]): Column[] {
	return specs.map((spec) => {
		let widest = spec.title.length;
		for (const row of rows) {
			widest = Math.max(widest, [...(row.cells[spec.id] ?? '')].length);
		}

		const maxWidth = Math.max(spec.minWidth, Math.min(spec.cap, widest));
		const column: Column = {id: spec.id, title: spec.title, minWidth: Math.min(spec.minWidth, maxWidth), maxWidth, priority: spec.priority};
		return spec.align ? {...column, align: spec.align} : column;
	});
}

/** The NAMESPACE column, shown only when every namespace is listed. */
export const namespaceColumn: ColumnSpec = {id: 'namespace', title: 'NAMESPACE', minWidth: 9, cap: 30, priority: 2};
