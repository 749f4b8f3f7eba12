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
import {KeyHints} from './key-hints.js';
import {fit} from './text.js';

/** Props of the dialog box. */
export type DialogBoxProps = {readonly dialog: ConfirmDialog; readonly width: number; readonly noColor: boolean};

/** Draws the dialog in a rounded box `width` columns wide. */
export function DialogBox({dialog, width, noColor}: DialogBoxProps) {
	const inner = Math.max(10, width - 4);
	const selected = dialog.choices[dialog.selected];
	const several = dialog.choices.length > 1;
	return (
		<Box flexDirection='column' borderStyle='round' borderColor={noColor ? undefined : (dialog.dangerous ? 'red' : 'yellow')} paddingX={1} width={width}>
			<Text bold {...(dialog.dangerous ? toneProps('error', noColor) : {})}>{fit(dialog.title, inner)}</Text>
			<Text wrap='wrap'>{printable(dialog.question)}</Text>
			{dialog.details.map((line) => <Text key={line} wrap='wrap'>{printable(line)}</Text>)}
			{several ? (
				<Box flexDirection='column' marginTop={1}>
					{dialog.choices.map((choice, index) => (
						<Text key={choice.label} inverse={index === dialog.selected} bold={index === dialog.selected}>
							{fit(`${index === dialog.selected ? '▶' : ' '} ${choice.label}${index === 0 ? ' (default)' : ''}`, inner)}
						</Text>
					))}
				</Box>
			) : null}
			{selected ? <Text wrap='wrap' dimColor>{printable(selected.explanation)}</Text> : null}
			<Box marginTop={1}>
				<KeyHints hints={dialogHints(dialog)} width={inner} noColor={noColor}/>
			</Box>
		</Box>
	);
}
