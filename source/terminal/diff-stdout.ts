/**
Writes only the lines that changed between Ink frames. Ink 6.8 erases and rewrites its whole frame on every update
(≈5.5 KB at 120×40 in colour), and its incremental mode misplaces lines: in 6.8.0 log-update moves the cursor up one
line too few, so changed lines land a row low (Ink 7 fixes it). kjobs draws a full-screen frame in the alternate
screen starting at the top-left cell, so each frame line has a fixed row: this wrapper takes Ink's "erase the previous
frame, print the new one" writes and turns them into cursor moves plus the changed lines. Anything it does not
recognise passes through untouched and makes the next frame a full redraw. It is also the last guard for untrusted
text: in frame lines only SGR colour codes survive; any other escape sequence, control character or bidi control that
got past the components is dropped before it reaches the terminal.

After a resize Ink draws the frame it already had, laid out for the old size, before the app lays out for the new one.
Written as is, its long lines would wrap and its extra lines scroll the screen, and every later diff would land on the
wrong rows. So a frame that does not fit the terminal is drawn clipped (autowrap off, only the rows there are) and not
remembered: the next frame is drawn whole. `redrawScreen` draws the last frame whole again (Ctrl+L).
*/
import stringWidth from 'string-width';

import {asciiGlyphs} from './glyphs.js';

/** The parts of a TTY write stream Ink uses. */
export type FrameStream = NodeJS.WriteStream;

const eraseFrame = /^(?:\u001B\[2K\u001B\[1A)*\u001B\[2K\u001B\[G/;
const clearTerminal = '\u001B[2J\u001B[3J\u001B[H';
const controlOnly = /^(?:\u001B\[[?\d;]*[A-Za-z])*$/;

// An ESC that does not start an SGR sequence, C0 controls except newline, DEL, C1 controls, bidi controls.
const unsafeInFrame = /\u001B(?!\[[\d;]*m)|[\u0000-\u0009\u000B-\u001A\u001C-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/** A frame's text with everything but SGR codes, printable characters and newlines removed. */
function safeFrameText(text: string): string {
	return text.replaceAll(unsafeInFrame, '');
}

/** Turns one full frame into the writes that change `previous` into it (row numbers are 1-based screen rows). */
export function frameDiff(previous: readonly string[], next: readonly string[]): string {
	let out = '';
	for (let i = 0; i < next.length; i++) {
		if (next[i] !== previous[i]) {
			out += `\u001B[${i + 1};1H${next[i]}\u001B[K`;
		}
	}

	if (next.length < previous.length) {
		out += `\u001B[${next.length + 1};1H\u001B[J`;
	}

	return out;
}

/** Frame lines as Ink prints them: the text split on newlines, without the empty piece after a final newline. */
function frameLines(text: string): string[] {
	const lines = text.split('\n');
	if (lines.length > 1 && lines.at(-1) === '') {
		lines.pop();
	}

	return lines;
}

const redraw = Symbol('redraw the whole screen');

/** Draws the whole last frame again on a stdout made by diffStdout (after something else wrote over the screen). */
export function redrawScreen(stream: unknown): void {
	(stream as {[redraw]?: () => void})[redraw]?.();
}

/** Whether every line of the frame fits the terminal (when its size is known). */
function fits(lines: readonly string[], stream: FrameStream): boolean {
	const {columns, rows} = stream;
	return (!rows || lines.length <= rows) && (!columns || lines.every(line => stringWidth(line) <= columns));
}

/** The writes that draw `lines` whole from the top-left cell. */
function wholeFrame(lines: readonly string[]): string {
	return `\u001B[H\u001B[J${lines.map(line => `${line}\u001B[K`).join('\r\n')}`;
}

/** The same, clipped to `rows` lines and, with autowrap off while it is written, to the terminal's width. */
function clippedFrame(lines: readonly string[], rows: number | undefined): string {
	return `\u001B[?7l${wholeFrame(rows ? lines.slice(0, rows) : lines)}\u001B[?7h`;
}
/** How frames are written: `ascii` puts ASCII stand-ins in place of the symbols a console font lacks (glyphs.ts). */
export type DiffOptions = {readonly ascii?: boolean};

/** A stdout for Ink's render() that forwards everything to `stream` but sends only changed frame lines. */
export function diffStdout(stream: FrameStream, options: DiffOptions = {}): FrameStream {
	const glyphs = options.ascii === true ? asciiGlyphs : (text: string) => text;
	let previous: string[] | undefined;
	const reset = () => {
		previous = undefined;
	};

	const redrawLast = () => {
		if (previous !== undefined) {
			stream.write(wholeFrame(previous));
		}
	};

	stream.on('resize', reset);
	const write = (chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
		const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
		const callback = rest.find(arg => typeof arg === 'function') as ((error?: Error | null) => void) | undefined;
		if (controlOnly.test(text) && !text.includes('\u001B[2K')) {
			return stream.write(text, callback);
		}

		const lead = text.startsWith(clearTerminal) ? clearTerminal : (eraseFrame.exec(text)?.[0] ?? '');
		const body = lead || previous === undefined ? glyphs(safeFrameText(text.slice(lead.length))) : undefined;
		if (body === undefined || body === '') {
			reset();
			return stream.write(text, callback);
		}

		const next = frameLines(body);
		if (!fits(next, stream)) {
			// A frame laid out for another size: shown clipped, and the next one is drawn whole over it.
			previous = undefined;
			return stream.write(clippedFrame(next, stream.rows), callback);
		}

		// The first frame (or the first after a resize) is drawn whole, from the top-left cell.
		const out = previous === undefined ? wholeFrame(next) : frameDiff(previous, next);
		previous = next;
		return stream.write(out, callback);
	};

	return new Proxy(stream, {
		get(target, property) {
			if (property === 'write') {
				return write;
			}

			if (property === redraw) {
				return redrawLast;
			}

			const value = Reflect.get(target, property, target) as unknown;
			return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
		},
	});
}
