/**
The `:ns` / `:ctx` picker: a boxed list of names over the current screen, the chosen one marked (so colour is not
needed), scrolled to keep it in sight, and its keys from the keymap. Render only: keys reach it through the reducer.
*/
import {Box, Text} from 'ink';
import {hintsFor} from '../state/keys/keymap-help.js';
import type {Picker} from '../state/types.js';
import {KeyHints} from './key-hints.js';
import {fit} from './text.js';

/** Props of the picker box. */
export type PickerBoxProps = {readonly picker: Picker; readonly width: number; readonly height: number; readonly noColor: boolean};

/** Draws the picker in a rounded box at most `height` lines tall; every cell inside the border is written, as it is drawn over a screen. */
export function PickerBox({picker, width, height, noColor}: PickerBoxProps) {
	const inner = Math.max(10, width - 4);
	// Border, title and key line take four lines; the names get the rest.
	const room = Math.max(1, Math.min(picker.choices.length, height - 4));
	const first = Math.min(Math.max(0, picker.index - Math.floor(room / 2)), Math.max(0, picker.choices.length - room));
	const shown = picker.choices.slice(first, first + room);
	const title = `${picker.kind === 'namespace' ? 'Namespace' : 'Context'} (${picker.index + 1}/${picker.choices.length})`;
	return (
		<Box flexDirection='column' borderStyle='round' borderColor={noColor ? undefined : 'cyan'} width={width}>
			<Text> <Text bold>{fit(title, inner)}</Text> </Text>
			{shown.map((name, offset) => {
				const selected = first + offset === picker.index;
				return (
					<Text key={name}>
						{' '}<Text inverse={selected} bold={selected}>{fit(`${selected ? '▶' : ' '} ${name}`, inner)}</Text>{' '}
					</Text>
				);
			})}
			<Text> <KeyHints hints={hintsFor('picker')} width={inner} noColor={noColor}/> </Text>
		</Box>
	);
}
