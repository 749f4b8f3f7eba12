/**
The line above the key hints: the command line or filter line while typing, else the latest message, else the kept
filter, else what is wrong with the connection.
*/
import {Text} from 'ink';
import type {CompletionNames} from '../state/command-line.js';
import {completionCandidates} from '../state/command-line.js';
import type {UiState} from '../state/types.js';
import {CommandLine} from './command-line.js';
import {FilterLine} from './filter-line.js';
import {MessageLine} from './message-line.js';
import {toneProps} from '../theme.js';
import {fit} from './text.js';

/** Props of the bottom line. */
export type BottomLineProps = {
	readonly state: UiState;
	readonly now: number;
	readonly names: CompletionNames;
	readonly matches: number;
	readonly filterError: string | undefined;
	readonly onList: boolean;
	/** What is wrong with the connection (view-model connectionProblem), shown when nothing else needs the line. */
	readonly problem?: string;
	readonly width: number;
	readonly noColor: boolean;
};

/** How long an informational message stays; errors stay until the next key. */
export const messageLifetimeMs = 10_000;

/** Draws the bottom line. */
export function BottomLine({state, now, names, matches, filterError, onList, problem, width, noColor}: BottomLineProps) {
	if (state.mode === 'command') {
		return <CommandLine text={state.command} candidates={completionCandidates(state.command, names)} width={width} noColor={noColor}/>;
	}

	if (state.mode === 'filter') {
		return <FilterLine text={state.filter} editing matches={matches} error={filterError} width={width} noColor={noColor}/>;
	}

	const message = state.message && (state.message.tone === 'error' || now - state.message.at < messageLifetimeMs) ? state.message : undefined;
	if (message === undefined && onList && state.filter !== '') {
		return <FilterLine text={state.filter} editing={false} matches={matches} error={filterError} width={width} noColor={noColor}/>;
	}

	if (message === undefined && problem !== undefined) {
		return <Text wrap='truncate' {...toneProps('warning', noColor)}>{fit(problem, width)}</Text>;
	}

	return <MessageLine message={message} fallback='' width={width} noColor={noColor}/>;
}
