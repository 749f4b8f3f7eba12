/**
Draws the log pane from logView's output: one Ink Text per row, with the pod tag in its colour (and its text, so the
colour is never the only cue), the sanitized segments in their translated SGR styles, search hits marked, and the
status line. Render only: keys reach the pane reducer through the app's single input hook.
*/
import {Box, Text} from 'ink';
import {toneProps} from '../theme.js';
import type {MarkedSegment} from '../view-model/logs/search.js';
import type {LogRow, LogViewModel} from '../view-model/logs/types.js';
import {printable} from '../view-model/printable.js';

/** Props of the log pane. `view` was computed for `height` minus the title row when a title is given. */
export type LogPaneProps = {
	readonly view: LogViewModel;
	readonly width: number;
	readonly height: number;
	readonly title?: string;
	readonly noColor?: boolean;
};

function segmentProps(segment: MarkedSegment, noColor: boolean) {
	if (segment.match) {
		// A hit stays visible without colour: inverse for the current one, underline for the others.
		return segment.match === 'current' ? {inverse: true, bold: true} : noColor ? {underline: true} : {color: 'black', backgroundColor: 'yellow'};
	}

	if (segment.escaped) {
		return {dimColor: true};
	}

	return {
		color: noColor ? undefined : segment.color,
		backgroundColor: noColor ? undefined : segment.backgroundColor,
		bold: segment.bold,
		dimColor: segment.dim,
		italic: segment.italic,
		underline: segment.underline,
		inverse: segment.inverse,
		strikethrough: segment.strikethrough,
	};
}

function Row({row, noColor}: {readonly row: LogRow; readonly noColor: boolean}) {
	const tone = row.tone ? toneProps(row.tone, noColor) : {};
	return (
		<Text wrap='truncate-end' {...tone}>
			{row.tag ? <Text color={noColor ? undefined : row.tag.color} bold>{`${row.tag.text} `}</Text> : null}
			{row.time ? <Text dimColor>{`${row.time} `}</Text> : null}
			{row.container ? <Text dimColor>{`${printable(row.container)} `}</Text> : null}
			{row.indent > 0 ? ' '.repeat(row.indent) : null}
			{row.segments.map((segment, index) => (
				// Segments of a row never reorder, so their index is a stable key.
				// eslint-disable-next-line react/no-array-index-key
				<Text key={index} {...segmentProps(segment, noColor)}>{segment.text}</Text>
			))}
		</Text>
	);
}

/** The log pane: optional title, `height` rows in all, the status line last. */
export function LogPane({view, width, height, title, noColor = false}: LogPaneProps) {
	const body = Math.max(0, height - 1 - (title === undefined ? 0 : 1));
	const rows = view.rows.slice(-body);
	return (
		<Box flexDirection='column' width={width} height={height}>
			{title === undefined ? null : <Text bold wrap='truncate-end' {...(noColor ? {} : {color: 'cyan'})}>{printable(title)}</Text>}
			{rows.map(row => <Row key={row.key} row={row} noColor={noColor}/>)}
			{Array.from({length: Math.max(0, body - rows.length)}, (_unused, index) => <Text key={`blank-${index}`}> </Text>)}
			<Text wrap='truncate-end'>
				{view.status.map((part, index) => (
					<Text key={`status-${index}`} {...toneProps(part.tone, noColor)}>{`${index > 0 ? ' · ' : ''}${printable(part.text)}`}</Text>
				))}
			</Text>
		</Box>
	);
}
