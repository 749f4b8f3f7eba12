/**
Parses a terminal screen captured with `tmux capture-pane -e -p` into styled runs of cells. tmux writes only the SGR
changes, and a style carries over from one line to the next, so the whole capture is parsed as one stream. SGR codes
are read by the log pane's parser (kjobs draws in the 16 colours, so nothing is lost).
*/
import stringWidth from 'string-width';
import {type SegmentStyle, sgrStyle, styleKey} from '../source/view-model/logs/sgr.js';

/** Cells of one style on one line: the first column, the width in columns and the text. */
export type Run = {readonly col: number; readonly width: number; readonly text: string; readonly style: SegmentStyle};

/** One screen line as runs in column order (columns not covered are blank in the default style). */
export type StyledLine = readonly Run[];

type Mutable<T> = {-readonly [K in keyof T]: T[K]};

const segmenter = new Intl.Segmenter('en', {granularity: 'grapheme'});

// CSI (other than SGR) and OSC sequences carry no cell content; they are skipped.
const escape = /\u001B\[([\d;:?]*)([@-~])|\u001B\][^\u0007\u001B]*(?:\u0007|\u001B\\)|\u001B[@-Z\\-_]/g;

/** Parses a captured screen into styled lines (one per `\n`-separated line of the capture). */
export function parseScreen(capture: string): StyledLine[] {
	const lines: StyledLine[] = [];
	let style: SegmentStyle = {};
	for (const raw of capture.replace(/\r/g, '').split('\n')) {
		const runs: Array<Mutable<Run>> = [];
		let col = 0;
		const addText = (text: string) => {
			for (const {segment} of segmenter.segment(text)) {
				const width = stringWidth(segment);
				const last = runs.at(-1);
				if (width === 0 && last) {
					last.text += segment;
				} else if (last && styleKey(last.style) === styleKey(style) && last.col + last.width === col) {
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
				style = sgrStyle(style, match[1] ?? '');
			}
		}

		addText(raw.slice(last));
		lines.push(runs);
	}

	return lines;
}
