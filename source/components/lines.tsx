/**
A block of exactly `height` one-line texts, cut to the width: the building block of the detail and help screens.
*/
import {Box, Text} from 'ink';
import type {Line} from '../view-model/detail/detail-lines.js';
import {toneProps} from '../theme.js';
import {fit} from './text.js';

/** Props of a block of lines. */
export type LinesProps = {
	readonly lines: readonly Line[];
	readonly width: number;
	readonly height: number;
	readonly noColor: boolean;
	/** The first line to show. */
	readonly offset?: number;
};

/** Draws `height` lines from `offset`; when lines are left over below, the last one says how many. */
export function Lines({lines, width, height, noColor, offset = 0}: LinesProps) {
	let shown = lines.slice(offset, offset + height);
	const hidden = lines.length - offset - shown.length;
	if (hidden > 0 && shown.length > 0) {
		shown = [...shown.slice(0, -1), {key: 'more', text: `… ${hidden + 1} more lines (PgDn)`, dim: true}];
	}

	const blanks = Math.max(0, height - shown.length);
	return (
		<Box flexDirection='column' width={width} height={height}>
			{shown.map((line) => (
				<Text key={line.key} wrap='truncate' bold={line.bold} dimColor={line.dim} {...(line.tone ? toneProps(line.tone, noColor) : {})}>
					{fit(line.text, width)}
				</Text>
			))}
			{Array.from({length: blanks}, (_unused, index) => <Text key={`blank-${index}`}> </Text>)}
		</Box>
	);
}
