/**
A confirmation dialog: the question naming the object, what will happen, the choices (the selected one marked, so
colour is not needed) and its keys, generated from the keymap. Render only: keys reach the dialog through the app's one
input hook and the reducer.
*/
import {Box, Text} from 'ink';
import {dialogHints} from '../state/dialog/hints.js';
import type {ConfirmDialog} from '../state/dialog/model.js';
import {toneProps} from '../theme.js';
import {printable} from '../view-model/printable.js';
import {wordWrap} from '../view-model/word-wrap.js';
import {KeyHints} from './key-hints.js';
import {fit} from './text.js';

/** Props of the dialog box. */
export type DialogBoxProps = {readonly dialog: ConfirmDialog; readonly width: number; readonly noColor: boolean};

/**
Draws the dialog in a rounded box `width` columns wide. Every cell inside the border is written (text padded with spaces,
blank lines as spaces), because the box is drawn over the screen it was opened from and nothing of that may show through.
*/
export function DialogBox({dialog, width, noColor}: DialogBoxProps) {
	const inner = Math.max(10, width - 4);
	const selected = dialog.choices[dialog.selected];
	const several = dialog.choices.length > 1;
	const prose = (text: string, dim = false) => wordWrap(printable(text), inner).map((line, index) => (
		<Text key={`${index}:${line}`} dimColor={dim}>{` ${fit(line, inner)} `}</Text>
	));
	const blank = <Text>{' '.repeat(inner + 2)}</Text>;
	return (
		<Box flexDirection='column' borderStyle='round' borderColor={noColor ? undefined : (dialog.dangerous ? 'red' : 'yellow')} width={width}>
			<Text> <Text bold {...(dialog.dangerous ? toneProps('error', noColor) : {})}>{fit(dialog.title, inner)}</Text> </Text>
			{prose(dialog.question)}
			{dialog.details.map((line) => <Box key={line} flexDirection='column'>{prose(line)}</Box>)}
			{several ? (
				<Box flexDirection='column'>
					{blank}
					{dialog.choices.map((choice, index) => (
						<Text key={choice.label}>
							{' '}
							<Text inverse={index === dialog.selected} bold={index === dialog.selected}>
								{fit(`${index === dialog.selected ? '▶' : ' '} ${choice.label}${index === 0 ? ' (default)' : ''}`, inner)}
							</Text>
							{' '}
						</Text>
					))}
				</Box>
			) : null}
			{selected ? prose(selected.explanation, true) : null}
			{blank}
			<Text> <KeyHints hints={dialogHints(dialog)} width={inner} noColor={noColor}/> </Text>
		</Box>
	);
}
