/**
Tone → Ink text props. Only the 16 basic named colours, so it reads on any terminal; with `noColor` nothing is coloured
(the words and symbols in the cells carry the meaning either way).
*/
import type {Row, Tone} from './view-model/types.js';

/** The Text props the theme sets. */
export type ToneProps = {
	readonly color?: string;
	readonly bold?: boolean;
	readonly dimColor?: boolean;
	readonly inverse?: boolean;
};

const colours: Record<Tone, ToneProps> = {
	normal: {},
	running: {color: 'cyan'},
	pending: {color: 'blue'},
	success: {color: 'green'},
	warning: {color: 'yellow'},
	error: {color: 'red'},
	muted: {dimColor: true},
};

/** The props of a tone; with `noColor` only dimming of muted text remains (it is an attribute, not a colour). */
export function toneProps(tone: Tone, noColor = false): ToneProps {
	const props = colours[tone];
	if (noColor) {
		return props.dimColor ? {dimColor: true} : {};
	}

	return props;
}

/** How a table row is drawn: its tone; dim when deleted; bold when just changed; inverse when selected. */
export function rowProps(row: Row, selected: boolean, noColor = false): ToneProps {
	const tone = row.deleted ? 'muted' : row.tone;
	const base = toneProps(tone, noColor);
	return {
		...base,
		...(row.changed && !row.deleted ? {bold: true} : {}),
		...(row.deleted || row.stale ? {dimColor: true} : {}),
		...(selected ? {inverse: true} : {}),
	};
}

/** Props for chrome: the header, badges, key letters. */
export const chrome = {
	title: (noColor: boolean): ToneProps => (noColor ? {bold: true} : {bold: true, color: 'cyan'}),
	badge: (noColor: boolean): ToneProps => (noColor ? {inverse: true} : {inverse: true, color: 'yellow'}),
	key: (noColor: boolean): ToneProps => (noColor ? {bold: true} : {bold: true, color: 'cyan'}),
	dim: (): ToneProps => ({dimColor: true}),
};
