/**
The `:` command line being typed, with what Tab would complete to.
*/
import {Text} from 'ink';
import {chrome} from '../theme.js';
import {fit} from './text.js';

/** Props of the command line. */
export type CommandLineProps = {readonly text: string; readonly candidates: readonly string[]; readonly width: number; readonly noColor: boolean};

/** Draws `:text▏` and the completion candidates. */
export function CommandLine({text, candidates, width, noColor}: CommandLineProps) {
	const hint = candidates.length > 0 && candidates.length <= 12 ? `   Tab: ${candidates.join(' ')}` : '';
	return (
		<Text wrap='truncate'>
			<Text {...chrome.key(noColor)}>:</Text>
			{fit(`${text}▏${hint}`, Math.max(0, width - 1))}
		</Text>
	);
}
