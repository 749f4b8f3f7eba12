/**
Parses a terminal screen captured with `tmux capture-pane -e -p` into styled runs of cells. tmux writes only the SGR
changes, and a style carries over from one line to the next, so the whole capture is parsed as one stream.
*/
import stringWidth from 'string-width';

/** A colour: an index into the 256-colour palette, or a `#rrggbb` true colour. */
export type Colour = number | string;

/** The SGR attributes of a cell. */
export type Style = {
	readonly fg?: Colour;
	readonly bg?: Colour;
	readonly bold?: boolean;
	readonly dim?: boolean;
	readonly italic?: boolean;
	readonly underline?: boolean;
	readonly inverse?: boolean;
};

/** Cells of one style on one line: the first column, the width in columns and the text. */
export type Run = {readonly col: number; readonly width: number; readonly text: string; readonly style: Style};

/** One screen line as runs in column order (columns not covered are blank in the default style). */
export type StyledLine = readonly Run[];

type Mutable<T> = {-readonly [K in keyof T]: T[K]};

function extendedColour(parameters: number[], index: number): {colour?: Colour; used: number} {
	const mode = parameters[index + 1];
	if (mode === 5) {
		const value = parameters[index + 2];
		return {colour: value === undefined ? undefined : value & 255, used: 2};
	}

	if (mode === 2) {
		const [r = 0, g = 0, b = 0] = parameters.slice(index + 2, index + 5);
		const hex = [r, g, b].map((part) => (part & 255).toString(16).padStart(2, '0')).join('');
		return {colour: `#${hex}`, used: 4};
	}

	return {used: 0};
}

/** Applies one SGR sequence's parameters (`ESC [ … m`) to a style and returns the new style. */
export function applySgr(style: Style, parameterText: string): Style {
	const parameters = parameterText === '' ? [0] : parameterText.split(/[;:]/).map((part) => (part === '' ? 0 : Number(part)));
	let next: Mutable<Style> = {...style};
	for (let index = 0; index < parameters.length; index++) {
		const code = parameters[index] ?? 0;
		if (code === 0) {
			next = {};
		} else if (code === 1) {
			next.bold = true;
		} else if (code === 2) {
			next.dim = true;
		} else if (code === 3) {
			next.italic = true;
		} else if (code === 4) {
			next.underline = true;
		} else if (code === 7) {
			next.inverse = true;
		} else if (code === 22) {
			delete next.bold;
			delete next.dim;
		} else if (code === 23) {
			delete next.italic;
		} else if (code === 24) {
			delete next.underline;
		} else if (code === 27) {
			delete next.inverse;
		} else if (code >= 30 && code <= 37) {
			next.fg = code - 30;
		} else if (code >= 90 && code <= 97) {
			next.fg = code - 90 + 8;
		} else if (code === 39) {
			delete next.fg;
		} else if (code >= 40 && code <= 47) {
			next.bg = code - 40;
		} else if (code >= 100 && code <= 107) {
			next.bg = code - 100 + 8;
		} else if (code === 49) {
			delete next.bg;
		} else if (code === 38 || code === 48) {
			const {colour, used} = extendedColour(parameters, index);
			index += used;
			if (colour !== undefined) {
				next[code === 38 ? 'fg' : 'bg'] = colour;
			}
		}
	}

	return next;
}

function sameStyle(a: Style, b: Style): boolean {
	return a.fg === b.fg && a.bg === b.bg && a.bold === b.bold && a.dim === b.dim && a.italic === b.italic
		&& a.underline === b.underline && a.inverse === b.inverse;
}

const segmenter = new Intl.Segmenter('en', {granularity: 'grapheme'});

// CSI (other than SGR) and OSC sequences carry no cell content; they are skipped.
const escape = /\u001B\[([\d;:?]*)([@-~])|\u001B\][^\u0007\u001B]*(?:\u0007|\u001B\\)|\u001B[@-Z\\-_]/g;

/** Parses a captured screen into styled lines (one per `\n`-separated line of the capture). */
export function parseScreen(capture: string): StyledLine[] {
	const lines: StyledLine[] = [];
	let style: Style = {};
	for (const raw of capture.replace(/\r/g, '').split('\n')) {
		const runs: Array<Mutable<Run>> = [];
		let col = 0;
		const addText = (text: string) => {
			for (const {segment} of segmenter.segment(text)) {
				const width = stringWidth(segment);
				const last = runs.at(-1);
				if (width === 0 && last) {
					last.text += segment;
				} else if (last && sameStyle(last.style, style) && last.col + last.width === col) {
					last.text += segment;
					last.width += width;
				} else {
					runs.push({col, width, text: segment, style});
				}

				col += width;
			}
		};

		let last = 0;
		for (const match of raw.matchAll(escape)) {
			addText(raw.slice(last, match.index));
			last = match.index + match[0].length;
			if (match[2] === 'm') {
				style = applySgr(style, match[1] ?? '');
			}
		}

		addText(raw.slice(last));
		lines.push(runs);
	}

	return lines;
}
