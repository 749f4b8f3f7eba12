/**
The body of the frame: the current screen's table, detail or help, exactly `height` lines.
*/
import {Box, Text} from 'ink';
import type {ScreenModel} from '../state/screen-model.js';
import {DescribeView} from './describe-view.js';
import {DetailLayout} from './detail-layout.js';
import {Help} from './help.js';
import {Lines} from './lines.js';
import {Table} from './table.js';
import {fit} from './text.js';

/** Props of the body. */
export type ScreenBodyProps = {
	readonly model: ScreenModel;
	readonly width: number;
	readonly height: number;
	readonly tableHeight: number;
	readonly selectedIndex: number;
	readonly offset: number;
	readonly infoOffset: number;
	readonly noColor: boolean;
	/** What an empty list view says (view-model emptyTableText). */
	readonly emptyText: string;
	/** A list view shows every column, cut to fit (Ctrl+W). */
	readonly wide?: boolean;
};

/** Draws the body. */
export function ScreenBody(props: ScreenBodyProps) {
	const {model, width, height, noColor} = props;
	const common = {
		width, height, tableHeight: props.tableHeight, selectedIndex: props.selectedIndex, offset: props.offset,
		infoOffset: props.infoOffset, noColor,
	};
	switch (model.kind) {
		case 'table': {
			const {table} = model;
			return (
				<Table
					columns={table.columns} rows={table.rows} width={width} height={height} selectedIndex={props.selectedIndex}
					offset={props.offset} noColor={noColor} emptyText={props.emptyText} wide={props.wide ?? false}
				/>
			);
		}

		case 'history': {
			const {table, problems} = model;
			// Run files that could not be read are named above the table: the others are still listed.
			return (
				<Box flexDirection='column' width={width} height={height}>
					{problems === '' ? null : <Text color={noColor ? undefined : 'yellow'} wrap='truncate'>{fit(`⚠ ${problems}`, width)}</Text>}
					<Table
						columns={table.columns} rows={table.rows} width={width} height={problems === '' ? height : Math.max(0, height - 1)}
						selectedIndex={props.selectedIndex} offset={props.offset} noColor={noColor} emptyText={model.emptyText} wide={props.wide ?? false}
					/>
				</Box>
			);
		}

		case 'job-detail': {
			const pods = model.model?.pods;
			return pods
				? <DetailLayout info={model.lines} title={`Pods (${pods.rows.length})`} columns={pods.columns} rows={pods.rows} emptyText='no pods' {...common}/>
				: <Gone width={width} height={height}/>;
		}

		case 'cronjob-detail': {
			const jobs = model.model?.jobs;
			return jobs
				? <DetailLayout info={model.lines} title={`Jobs (${jobs.rows.length})`} columns={jobs.columns} rows={jobs.rows} emptyText='no jobs' {...common}/>
				: <Gone width={width} height={height}/>;
		}

		case 'pod-detail': {
			return model.model
				? <Lines lines={model.lines} width={width} height={height} offset={props.infoOffset} noColor={noColor}/>
				: <Gone width={width} height={height}/>;
		}

		case 'text': {
			return model.gone
				? <Gone width={width} height={height}/>
				: <DescribeView title={model.title} lines={model.lines} width={width} height={height} offset={props.offset} deleted={model.deleted} noColor={noColor}/>;
		}

		case 'help': return <Help lines={model.lines} width={width} height={height} offset={props.offset} noColor={noColor}/>;
	}
}

// The object went (deleted and its tombstone expired): say so rather than draw an empty screen.
function Gone({width, height}: {readonly width: number; readonly height: number}) {
	return (
		<Box flexDirection='column' width={width} height={height}>
			<Text dimColor wrap='truncate'>{fit('This object no longer exists (deleted). Esc goes back.', width)}</Text>
		</Box>
	);
}
