/**
The describe (`d`) and YAML (`y`) screens: a title line and a window of the text lines from `offset`. Render only.
*/
import {Box, Text} from 'ink';
import {toneProps} from '../theme.js';
import {describeLineTone} from '../view-model/describe/line-tone.js';
import {fit} from './text.js';

function toneOf(line: string, noColor: boolean) {
	const tone = describeLineTone(line);
	return tone === undefined ? {} : toneProps(tone, noColor);
}

/** Props of the text view. */
export type DescribeViewProps = {
	readonly title: string;
	readonly lines: readonly string[];
	readonly width: number;
	/** Rows available, title included. */
	readonly height: number;
	readonly offset: number;
	/** True when the object has been deleted since (the text is its last known state). */
	readonly deleted?: boolean;
	readonly noColor?: boolean;
};

/** Draws the title (with the scroll position) and `height - 1` lines; tabs are expanded so columns stay aligned. */
export function DescribeView({title, lines, width, height, offset, deleted = false, noColor = false}: DescribeViewProps) {
	const rows = Math.max(0, height - 1);
	const start = Math.max(0, Math.min(offset, Math.max(0, lines.length - rows)));
	const shown = lines.slice(start, start + rows);
	const position = lines.length > rows ? `  ${start + 1}-${start + shown.length}/${lines.length}` : '';
	return (
		<Box flexDirection='column' width={width} height={height}>
			<Text bold wrap='truncate'>{fit(`${title}${deleted ? ' (deleted)' : ''}${position}`, width)}</Text>
			{shown.map((line, index) => (
				// eslint-disable-next-line react/no-array-index-key -- lines are positional; the same text may repeat.
				<Text key={start + index} wrap='truncate' {...toneOf(line, noColor)}>{fit(line.replaceAll('\t', '  '), width)}</Text>
			))}
		</Box>
	);
}
