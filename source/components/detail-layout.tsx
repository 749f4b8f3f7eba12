/**
The layout of the job and cron job detail screens: scrollable info lines on top, then a titled table of the object's
children (pods of a job, jobs of a cron job) that Enter opens.
*/
import {Box} from 'ink';
import type {Line} from '../view-model/detail/detail-lines.js';
import type {Column, Row} from '../view-model/types.js';
import {Lines} from './lines.js';
import {Table} from './table.js';

/** Props of a detail screen. */
export type DetailLayoutProps = {
	readonly info: readonly Line[];
	readonly infoOffset: number;
	readonly title: string;
	readonly columns: readonly Column[];
	readonly rows: readonly Row[];
	readonly tableHeight: number;
	readonly width: number;
	readonly height: number;
	readonly selectedIndex: number;
	readonly offset: number;
	readonly noColor: boolean;
	readonly emptyText: string;
};

/** Draws the info lines, the table's title and the table, `height` lines in all. */
export function DetailLayout(props: DetailLayoutProps) {
	const infoHeight = Math.max(0, props.height - props.tableHeight - 1);
	return (
		<Box flexDirection='column' width={props.width} height={props.height}>
			<Lines lines={props.info} width={props.width} height={infoHeight} offset={props.infoOffset} noColor={props.noColor}/>
			<Lines lines={[{key: 'title', text: props.title, bold: true}]} width={props.width} height={1} noColor={props.noColor}/>
			<Table
				columns={props.columns} rows={props.rows} width={props.width} height={props.tableHeight}
				selectedIndex={props.selectedIndex} offset={props.offset} noColor={props.noColor} emptyText={props.emptyText}
			/>
		</Box>
	);
}
