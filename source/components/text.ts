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

/**
Cuts a name to `width` cells. A name that ends in a generated part keeps its start and its end with … in between, so
the rows of one cron job or job stay told apart; any other name is cut at the end, where it reads best. Never splits a
grapheme.
*/
/**
What follows a name's last `-` when Kubernetes or kjobs generated it: anything with a digit (a cron job's run
`-29937024`, a pod's `-x7k2p`), or five characters of the alphabet Kubernetes draws random suffixes from, which has no
vowels (`kubectl create job --from` and a rerun's `-manual-kfbhp`, a pod's `-bqzcm`).
*/
const generatedEnd = /-(?:[^-]*\d[^-]*|[bcdfghjklmnpqrstvwxz]{5})$/;

export function cutName(text: string, width: number): string {
	const safe = printable(text);
	if (width < 5 || cellWidth(safe) <= width || !generatedEnd.test(safe)) {
		return cut(safe, width);
	}

	const parts = [...graphemes.segment(safe)].map(({segment}) => segment);
	const room = width - 1;
	let tail = '';
	let tailCells = 0;
	for (let index = parts.length - 1; index >= 0; index--) {
		const cells = stringWidth(parts[index]!);
		if (tailCells + cells > Math.floor(room / 2)) {
			break;
		}

		tail = parts[index]! + tail;
		tailCells += cells;
	}

	let head = '';
	let headCells = 0;
	for (const part of parts) {
		const cells = stringWidth(part);
		if (headCells + cells > room - tailCells) {
			break;
		}

		head += part;
		headCells += cells;
	}

	return `${head}…${tail}`;
}

/** Cuts and pads text to exactly `width` cells (right-aligned when asked; cut as a name when asked, see cutName). */
export function fit(text: string, width: number, align: 'left' | 'right' = 'left', where: 'end' | 'name' = 'end'): string {
	const clipped = where === 'name' ? cutName(text, width) : cut(text, width);
	const padding = ' '.repeat(Math.max(0, width - cellWidth(clipped)));
	return align === 'right' ? padding + clipped : clipped + padding;
}
