/**
Fitting text into terminal cells: cut with … and pad, so nothing wraps and columns line up. Both make the text
printable first (control characters become visible tokens), so text fitted here can never drive the terminal.
*/
import stringWidth from 'string-width';
import {printable} from '../view-model/printable.js';

// Text of these characters takes one cell per UTF-16 unit: measuring it needs no width tables.
const narrow = /^[\u0020-\u007E\u00A0-\u02FF]*$/;
const graphemes = new Intl.Segmenter();

/** The number of terminal cells a string takes (wide CJK and emoji count two, combining marks none). */
export function cellWidth(text: string): number {
	return narrow.test(text) ? text.length : stringWidth(text);
}

/** Cuts text to `width` cells, ending in … when cut; never splits a character or a grapheme. */
export function cut(text: string, width: number): string {
	if (width <= 0) {
		return '';
	}

	const safe = printable(text);
	if (cellWidth(safe) <= width) {
		return safe;
	}

	if (narrow.test(safe)) {
		return `${safe.slice(0, width - 1)}…`;
	}

	let out = '';
	let used = 0;
	for (const {segment} of graphemes.segment(safe)) {
		const cells = stringWidth(segment);
		if (used + cells > width - 1) {
			break;
		}

		out += segment;
		used += cells;
	}

	return `${out}…`;
}

/** Cuts and pads text to exactly `width` cells (right-aligned when asked). */
export function fit(text: string, width: number, align: 'left' | 'right' = 'left'): string {
	const clipped = cut(text, width);
	const padding = ' '.repeat(Math.max(0, width - cellWidth(clipped)));
	return align === 'right' ? padding + clipped : clipped + padding;
}
