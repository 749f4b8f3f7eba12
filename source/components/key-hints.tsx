/**
The footer: key hints generated from the keymap for the current screen or input line.
*/
import {Text} from 'ink';
import type {KeyHint} from '../state/keys/keymap-help.js';
import {chrome} from '../theme.js';
import {cellWidth} from './text.js';

/** Props of the footer. */
export type KeyHintsProps = {readonly hints: readonly KeyHint[]; readonly width: number; readonly noColor: boolean};

/** Draws as many whole hints as fit the width. */
export function KeyHints({hints, width, noColor}: KeyHintsProps) {
	const shown: KeyHint[] = [];
	let used = 0;
	for (const hint of hints) {
		const size = cellWidth(`${hint.keys} ${hint.description}`) + (shown.length > 0 ? 2 : 0);
		if (used + size > width) {
			break;
		}

		shown.push(hint);
		used += size;
	}

	return (
		<Text wrap='truncate'>
			{shown.map((hint, index) => (
				<Text key={hint.keys + hint.description}>
					{index > 0 ? '  ' : ''}<Text {...chrome.key(noColor)}>{hint.keys}</Text> {hint.description}
				</Text>
			))}
			{' '.repeat(Math.max(0, width - used))}
		</Text>
	);
}
