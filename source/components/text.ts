/**
Fitting text into terminal cells: cut with … and pad, so nothing wraps and columns line up. Both make the text
printable first (control characters become visible tokens), so text fitted here can never drive the terminal.
*/
import {printable} from '../view-model/printable.js';

/** The number of terminal cells a string takes (one per code point: kjobs draws no wide characters). */
export function cellWidth(text: string): number {
	return [...text].length;
}

/** Cuts text to `width` cells, ending in … when cut. */
export function cut(text: string, width: number): string {
	if (width <= 0) {
		return '';
	}

	const safe = printable(text);
	const characters = [...safe];
	return characters.length <= width ? safe : `${characters.slice(0, width - 1).join('')}…`;
}

/** Cuts and pads text to exactly `width` cells (right-aligned when asked). */
export function fit(text: string, width: number, align: 'left' | 'right' = 'left'): string {
	const clipped = cut(text, width);
	const padding = ' '.repeat(Math.max(0, width - cellWidth(clipped)));
	return align === 'right' ? padding + clipped : clipped + padding;
}
