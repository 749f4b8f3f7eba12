/**
Shown instead of the screen when the terminal is too small to draw it without garbling.
*/
import {Box, Text} from 'ink';
import {minimumSize} from '../state/layout.js';
import {cut} from './text.js';

/** Props of the too-small notice. */
export type TooSmallProps = {readonly columns: number; readonly rows: number; readonly height: number};

/** Draws the notice, cut to the width and height. */
export function TooSmall({columns, rows, height}: TooSmallProps) {
	const lines = [
		`Terminal too small: ${columns}×${rows}.`,
		`kjobs needs at least ${minimumSize.columns}×${minimumSize.rows}.`,
		'Enlarge the window, or press q to quit.',
	].slice(0, height);
	return (
		<Box flexDirection='column' width={columns} height={height}>
			{lines.map((line) => <Text key={line} wrap='truncate'>{cut(line, columns)}</Text>)}
		</Box>
	);
}
