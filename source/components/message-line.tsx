/**
The message line: the latest result or error, in its tone.
*/
import {Text} from 'ink';
import type {Message} from '../state/types.js';
import {toneProps} from '../theme.js';
import {fit} from './text.js';

/** Props of the message line. */
export type MessageLineProps = {readonly message: Message | undefined; readonly fallback: string; readonly width: number; readonly noColor: boolean};

const marks = {error: '✗ ', warning: '! ', success: '✓ '} as const;

/** Draws the message (errors and warnings start with a symbol, so colour is not needed), or the fallback text dimmed. */
export function MessageLine({message, fallback, width, noColor}: MessageLineProps) {
	if (message === undefined) {
		return <Text wrap='truncate' dimColor>{fit(fallback, width)}</Text>;
	}

	const mark = message.tone in marks ? marks[message.tone as keyof typeof marks] : '';
	return <Text wrap='truncate' {...toneProps(message.tone, noColor)}>{fit(mark + message.text, width)}</Text>;
}
