/**
`kjobs get`'s table as plain lines: the very columns and rows the watch screen draws (view-model/rows through the table
engine), fitted to a width the way the screen fits them, or every column as wide as its widest cell for `-o wide` (nothing cut, as kubectl's wide output). Cells pass
through the screen's fit(), which makes cluster text printable, so a hostile name cannot drive the terminal.
*/
import {cellWidth, fit} from '../components/text.js';
import {printable} from '../view-model/printable.js';
import {toneProps} from '../theme.js';
import {fitColumns} from '../view-model/fit-columns.js';
import type {Column, Row, Tone} from '../view-model/types.js';

/** How the table is laid out: fitted to `width` terminal cells, or (`wide`) every column as wide as its content. */
export type TableLayout = {readonly width: number; readonly wide: boolean; readonly colour: boolean};

// The basic ANSI colours theme.ts names, as SGR foreground codes.
const sgr: Readonly<Record<string, number>> = {red: 31, green: 32, yellow: 33, blue: 34, magenta: 35, cyan: 36};

/** A line in a tone's colour (theme.ts decides which), or as is without colour. */
export function coloured(text: string, tone: Tone, colour: boolean): string {
	if (!colour) {
		return text;
	}

	const props = toneProps(tone);
	const codes = [props.dimColor ? 2 : undefined, props.color === undefined ? undefined : sgr[props.color]].filter(code => code !== undefined);
	return codes.length === 0 ? text : `\u001B[${codes.join(';')}m${text}\u001B[0m`;
}

// How wide a column's title and cells are.
function widest(column: Column, rows: readonly Row[]): number {
	return Math.max(column.title.length, ...rows.map(row => cellWidth(printable(row.cells[column.id] ?? ''))));
}

/*
The screen sizes a column for the cells it may come to hold (a countdown grows, a long name may arrive) and picks the
column set by readable widths whatever the cells, so columns do not come and go while the user watches. Printed once,
a column needs room only for the cells printed: short names leave room for the columns a wide name would push out.
*/
function printedOnce(column: Column, needed: number): Column {
	const maxWidth = Math.min(column.maxWidth, needed);
	return {...column, maxWidth, minWidth: Math.min(column.minWidth, maxWidth), want: Math.min(column.want ?? column.minWidth, maxWidth)};
}

/** The title line and one line per row, trailing spaces trimmed. */
export function tableLines(columns: readonly Column[], rows: readonly Row[], layout: TableLayout): string[] {
	const shown = layout.wide
		? columns.map(column => ({...column, width: widest(column, rows)}))
		: fitColumns(columns.map(column => printedOnce(column, widest(column, rows))), layout.width);
	const line = (cell: (column: Column) => string) => shown.map(column => fit(cell(column), column.width, column.align, column.cut)).join(' ').trimEnd();
	const title = line(column => column.title);
	return [
		layout.colour ? `\u001B[1m${title}\u001B[0m` : title,
		...rows.map(row => coloured(line(column => row.cells[column.id] ?? ''), row.tone, layout.colour)),
	];
}
