/**
The table: fixed-width columns fitted to the width, cells cut with …, a window that keeps the selection in view, and
exactly `height` lines (the column titles plus rows, padded with blank lines).
*/
import {Box, Text} from 'ink';
import {windowStart} from '../state/selection.js';
import {rowProps} from '../theme.js';
import {fitColumns} from '../view-model/fit-columns.js';
import type {RowList} from '../view-model/table/tables.js';
import type {Column, Row} from '../view-model/types.js';
import {fit} from './text.js';

/** Props of the table. */
export type TableProps = {
	readonly columns: readonly Column[];
	/** The rows by index; only the window drawn is asked for (a list view builds its rows on demand). */
	readonly rows: RowList;
	readonly width: number;
	/** Lines including the title line. */
	readonly height: number;
	/** -1 when nothing is selected. */
	readonly selectedIndex: number;
	/** The first row shown last time (kept unless the selection leaves the window). */
	readonly offset: number;
	readonly noColor: boolean;
	/** Shown when there are no rows. */
	readonly emptyText: string;
	/** Every column, cut to fit, instead of the ones that fit (fitColumns). */
	readonly wide?: boolean;
};

/** Draws the table. */
export function Table(props: TableProps) {
	const {rows, width, height, selectedIndex, noColor} = props;
	const columns = fitColumns(props.columns, width, {wide: props.wide ?? false});
	const line = (cells: (column: Column) => string) => fit(columns.map((column) => fit(cells(column), column.width, column.align, column.cut)).join(' '), width);
	const bodyHeight = Math.max(0, height - 1);
	const start = windowStart(props.offset, selectedIndex, bodyHeight, rows.length);
	const visible: Row[] = [];
	for (let index = start; index < Math.min(rows.length, start + bodyHeight); index++) {
		const row = rows.at(index);
		if (row) {
			visible.push(row);
		}
	}

	const blanks = bodyHeight - visible.length;
	return (
		<Box flexDirection='column' width={width} height={height}>
			{height > 0 && <Text bold wrap='truncate'>{line((column) => column.title)}</Text>}
			{visible.map((row, position) => (
				<Text key={row.id} wrap='truncate' {...rowProps(row, start + position === selectedIndex, noColor)}>
					{line((column) => row.cells[column.id] ?? '')}
				</Text>
			))}
			{Array.from({length: blanks}, (_unused, index) => (
				<Text key={`blank-${index}`} dimColor wrap='truncate'>{index === 0 && rows.length === 0 ? fit(props.emptyText, width) : ' '}</Text>
			))}
		</Box>
	);
}
