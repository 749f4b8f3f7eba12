/**
Lines longer than the screen in the scrolling text views (describe, YAML, the detail screens): wrapped onto rows of
their own, or shifted left so what lies past the right edge can be read (an image-pull error, a long event message).
*/
import type {Line} from './detail/detail-lines.js';

/** How the long lines of a text view are shown: wrapped, or shifted left by `shift` cells. */
export type LongLines = {readonly wrap: boolean; readonly shift: number};

/** `text` cut into pieces of at most `width` cells (one per code point); an empty line stays one empty row. */
export function wrapCells(text: string, width: number): string[] {
	const characters = [...text];
	const room = Math.max(1, width);
	if (characters.length <= room) {
		return [text];
	}

	const rows: string[] = [];
	for (let start = 0; start < characters.length; start += room) {
		rows.push(characters.slice(start, start + room).join(''));
	}

	return rows;
}

/** `text` without its first `shift` cells. */
export function shiftCells(text: string, shift: number): string {
	return shift <= 0 ? text : [...text].slice(shift).join('');
}

/** Plain text lines as the view shows them at `width`. */
export function longTextLines(lines: readonly string[], width: number, how: LongLines): string[] {
	if (how.wrap) {
		return lines.flatMap((line) => wrapCells(line.replaceAll('\t', '  '), width));
	}

	return how.shift > 0 ? lines.map((line) => shiftCells(line.replaceAll('\t', '  '), how.shift)) : [...lines];
}

/** Detail lines as the view shows them at `width`: a wrapped line's rows keep its tone, with keys of their own. */
export function longDetailLines(lines: readonly Line[], width: number, how: LongLines): Line[] {
	if (how.wrap) {
		return lines.flatMap((line) => wrapCells(line.text, width).map((text, index) => (index === 0 ? {...line, text} : {...line, key: `${line.key}~${index}`, text})));
	}

	return how.shift > 0 ? lines.map((line) => ({...line, text: shiftCells(line.text, how.shift)})) : [...lines];
}
