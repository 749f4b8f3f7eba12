/**
Turns untrusted container output into text that is safe to draw. Pod output may carry terminal control sequences
(clipboard writes through OSC 52, window titles, screen clears, cursor moves); none of them may reach the terminal.
A small ECMA-48 state machine reads the text like a terminal would: SGR colours become styled segments, `\r`,
backspace and tab are applied to a line of cells, every other sequence is shown as a dim visible token (`␛[2J`,
`␛]52…`, `^G`) or dropped (erase-in-line, OSC 8 hyperlink wrappers), and over-long input is cut, not parsed to the end.
*/
import {sgrStyle, styleKey, type SegmentStyle} from './sgr.js';
import {isBidiControl, visibleControl} from '../printable.js';

export type {AnsiColor, SegmentStyle} from './sgr.js';

/** A run of safe text with one style. `escaped` marks a neutralised control shown in place (draw it dim). */
export type LogSegment = SegmentStyle & {readonly text: string; readonly escaped?: boolean};

/** A sanitized line: segments, their plain text (for search and saving), and how much was cut. */
export type SanitizedLine = {readonly segments: readonly LogSegment[]; readonly plain: string; readonly cut: number};

/** Limits for one line. */
export type SanitizeOptions = {
	/** Most characters (cells) shown; the rest is replaced by a `… +N chars` note. @default 4096 */
	maxChars?: number;
	/** Most input characters parsed; a 1 MB line is not read to the end. @default 65536 */
	maxInput?: number;
	/** Characters cut off the text before it got here (the line splitter's and the buffer's caps): counted in the note. */
	alreadyCut?: number;
};

type Cell = {ch: string; style: SegmentStyle; escaped: boolean};

const plainStyle: SegmentStyle = {};

/** Cuts a shown escape token short so a long OSC payload (a clipboard write) is not spelled out. */
function token(text: string): string {
	return text.length > 12 ? `${text.slice(0, 11)}…` : text;
}

/** Sanitizes one line of container output into styled, control-free segments. */
export function sanitizeLogText(text: string, options: SanitizeOptions = {}): SanitizedLine {
	const maxChars = options.maxChars ?? 4096;
	const maxInput = options.maxInput ?? 65_536;
	const input = text.length > maxInput ? text.slice(0, maxInput) : text;
	const cells: Cell[] = [];
	let cursor = 0;
	let style = plainStyle;
	const put = (ch: string, escaped = false) => {
		const cell = {ch, style: escaped ? plainStyle : style, escaped};
		if (cursor < cells.length) {
			cells[cursor] = cell;
		} else {
			cells.push(cell);
		}

		cursor++;
	};

	const putToken = (shown: string) => {
		for (const ch of shown) {
			put(ch, true);
		}
	};

	let i = 0;
	// Where parsing stopped because the shown width was exceeded: the rest of the input is counted, not read.
	let stoppedAt = input.length;
	while (i < input.length) {
		if (cells.length > maxChars) {
			stoppedAt = i;
			break;
		}

		const code = input.codePointAt(i)!;
		const ch = String.fromCodePoint(code);
		i += ch.length;
		if (code === 0x1B || code === 0x9B || code === 0x9D || code === 0x90 || code === 0x98 || code === 0x9E || code === 0x9F) {
			const parsed = readEscape(input, i - ch.length);
			i = parsed.end;
			if (parsed.kind === 'sgr') {
				style = sgrStyle(style, parsed.params);
			} else if (parsed.shown) {
				putToken(token(parsed.shown));
			}

			continue;
		}

		if (code === 0x0D) {
			cursor = 0;
		} else if (code === 0x08) {
			cursor = Math.max(0, cursor - 1);
		} else if (code === 0x09) {
			const stop = (Math.floor(cursor / 8) + 1) * 8;
			while (cursor < stop) {
				put(' ');
			}
		} else if (code < 0x20 || (code >= 0x7F && code <= 0x9F) || isBidiControl(code)) {
			putToken(visibleControl(code));
		} else {
			put(ch);
		}
	}

	const alreadyCut = options.alreadyCut ?? 0;
	let cut = text.length - input.length + alreadyCut;
	if (cells.length > maxChars) {
		// The cell past the limit came from the character just before the stop; count from there.
		cut = text.length - Math.max(0, stoppedAt - 1) + alreadyCut;
		cells.length = maxChars;
	}

	const segments: LogSegment[] = [];
	let plain = '';
	let run = '';
	let runStyle: SegmentStyle | undefined;
	let runKey = '';
	let runEscaped = false;
	const close = () => {
		if (run && runStyle) {
			segments.push(runEscaped ? {text: run, escaped: true} : {...runStyle, text: run});
		}

		run = '';
	};

	for (const cell of cells) {
		const key = cell.escaped ? '!' : styleKey(cell.style);
		if (runStyle === undefined || key !== runKey) {
			close();
			runStyle = cell.style;
			runKey = key;
			runEscaped = cell.escaped;
		}

		run += cell.ch;
		plain += cell.ch;
	}

	close();
	if (cut > 0) {
		const note = ` … +${cut} chars`;
		segments.push({text: note, escaped: true});
		plain += note;
	}

	return {segments, plain, cut};
}

type Escape = {kind: 'sgr'; params: string; end: number} | {kind: 'other'; shown: string; end: number};

/** Reads one escape sequence starting at `start` (ESC or a C1 introducer) and says how to show it. */
function readEscape(input: string, start: number): Escape {
	const first = input.codePointAt(start)!;
	let i = start + 1;
	let kind: 'csi' | 'osc' | 'string' | 'esc';
	if (first === 0x9B) {
		kind = 'csi';
	} else if (first === 0x9D) {
		kind = 'osc';
	} else if (first !== 0x1B) {
		kind = 'string';
	} else {
		const next = input[i];
		if (next === '[') {
			kind = 'csi';
			i++;
		} else if (next === ']') {
			kind = 'osc';
			i++;
		} else if (next === 'P' || next === 'X' || next === '^' || next === '_') {
			kind = 'string';
			i++;
		} else {
			kind = 'esc';
		}
	}

	if (kind === 'csi') {
		// Parameters and intermediates (0x20–0x3F), then one final byte (0x40–0x7E). Anything else aborts the sequence.
		const bodyStart = i;
		while (i < input.length && input.charCodeAt(i) >= 0x20 && input.charCodeAt(i) <= 0x3F) {
			i++;
		}

		const final = input[i];
		const params = input.slice(bodyStart, i);
		if (final === undefined || input.charCodeAt(i) < 0x40 || input.charCodeAt(i) > 0x7E) {
			return {kind: 'other', shown: `␛[${params}`, end: i};
		}

		i++;
		if (final === 'm' && /^[\d;:]*$/.test(params)) {
			return {kind: 'sgr', params, end: i};
		}

		// Erase-in-line is what progress bars send after `\r`; it changes nothing once `\r` is applied.
		return {kind: 'other', shown: final === 'K' ? '' : `␛[${params}${final}`, end: i};
	}

	if (kind === 'osc' || kind === 'string') {
		// Runs to BEL (OSC only), ST (ESC \ or 0x9C), or the end of the line.
		const bodyStart = i;
		while (i < input.length) {
			const c = input.charCodeAt(i);
			if ((c === 0x07 && kind === 'osc') || c === 0x9C) {
				break;
			}

			if (c === 0x1B && input[i + 1] === '\\') {
				break;
			}

			i++;
		}

		const body = input.slice(bodyStart, i);
		const end = i >= input.length ? i : i + (input.charCodeAt(i) === 0x1B ? 2 : 1);
		if (kind === 'string') {
			return {kind: 'other', shown: '␛P…', end};
		}

		const number = /^\d*/.exec(body)?.[0] ?? '';
		// OSC 8 wraps a hyperlink around visible text: keep the text, drop the link.
		return {kind: 'other', shown: number === '8' ? '' : `␛]${number}…`, end};
	}

	// ESC, intermediates (0x20–0x2F), final (0x30–0x7E): charset switches, save/restore cursor, full reset (ESC c).
	while (i < input.length && input.charCodeAt(i) >= 0x20 && input.charCodeAt(i) <= 0x2F) {
		i++;
	}

	if (i < input.length && input.charCodeAt(i) >= 0x30 && input.charCodeAt(i) <= 0x7E) {
		i++;
	}

	return {kind: 'other', shown: `␛${input.slice(start + 1, i)}`, end: i};
}
