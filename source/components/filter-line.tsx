/**
The `/` filter line: the filter as it is typed (or kept), its match count and any error in it.
*/
import {Text} from 'ink';
import {chrome, toneProps} from '../theme.js';
import {fit} from './text.js';

/** Props of the filter line. */
export type FilterLineProps = {
	readonly text: string;
	readonly editing: boolean;
	readonly matches: number;
	readonly error: string | undefined;
	readonly width: number;
	readonly noColor: boolean;
};

/** Draws `/text▏  3 matches` while typing, or `filter: text (Esc clears)` once kept. */
export function FilterLine({text, editing, matches, error, width, noColor}: FilterLineProps) {
	const status = error === undefined ? `${matches} ${matches === 1 ? 'match' : 'matches'}` : `✗ ${error}`;
	const body = editing ? `${text}▏  ${status}` : `filter: ${text}  ${status}  (/ edits, Esc clears)`;
	return (
		<Text wrap='truncate' {...(error === undefined ? {} : toneProps('error', noColor))}>
			{editing && <Text {...chrome.key(noColor)}>/</Text>}
			{fit(body, Math.max(0, width - (editing ? 1 : 0)))}
		</Text>
	);
}
