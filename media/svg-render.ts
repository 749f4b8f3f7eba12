/**
Renders parsed terminal frames into one animated SVG: a dark terminal window, one `<g>` per frame, and CSS keyframes that
show each frame in turn for its duration. Every run of text is anchored at its column, and every non-ASCII symbol
(✓ ● ⚠ …) gets its own anchor, so a fallback font with other glyph widths cannot shift the columns after it.
*/
import stringWidth from 'string-width';
import type {AnsiColor} from '../source/view-model/logs/sgr.js';
import type {Run, StyledLine} from './ansi-parse.js';

/** One frame: its lines and how long it stays on screen, in milliseconds. */
export type Frame = {readonly lines: readonly StyledLine[]; readonly duration: number};

/** The terminal's size and the window title. */
export type SvgOptions = {readonly cols: number; readonly rows: number; readonly title: string};

// GitHub's dark terminal palette: readable on the dark background and close to what most terminals ship.
const background = '#0d1117';
const foreground = '#c9d1d9';
const basic: Readonly<Record<AnsiColor, string>> = {
	black: '#484f58', red: '#ff7b72', green: '#3fb950', yellow: '#d29922', blue: '#58a6ff', magenta: '#bc8cff', cyan: '#39c5cf', white: '#b1bac4',
	gray: '#6e7681', redBright: '#ffa198', greenBright: '#56d364', yellowBright: '#e3b341', blueBright: '#79c0ff', magentaBright: '#d2a8ff', cyanBright: '#56d4dd', whiteBright: '#ffffff',
};

const cellWidth = 7.8;
const lineHeight = 17;
const fontSize = 13;
const padding = 12;
const titleHeight = 28;

/** The `#rrggbb` of one of the 16 terminal colours. */
export function colourHex(colour: AnsiColor): string {
	return basic[colour];
}

/** Escapes text for XML character data and attribute values. */
export function escapeXml(text: string): string {
	return text.replace(/[&<>"']/g, (character) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\'': '&apos;'})[character] ?? character);
}

const round = (value: number) => String(Math.round(value * 10) / 10);

// Inverse swaps the colours, with the terminal defaults standing in for unset ones.
function effectiveColours(run: Run): {fg?: string; bg?: string} {
	const fg = run.style.color === undefined ? undefined : colourHex(run.style.color);
	const bg = run.style.backgroundColor === undefined ? undefined : colourHex(run.style.backgroundColor);
	return run.style.inverse ? {fg: bg ?? background, bg: fg ?? foreground} : {fg, bg};
}

const segmenter = new Intl.Segmenter('en', {granularity: 'grapheme'});

// Splits a run into ASCII stretches and single non-ASCII graphemes, each at its own column, without blank ends.
function anchoredPieces(run: Run): Array<{col: number; text: string}> {
	const pieces: Array<{col: number; text: string}> = [];
	let col = run.col;
	let ascii = '';
	let asciiCol = col;
	const flush = () => {
		const trimmed = ascii.trimStart();
		if (trimmed.trimEnd() !== '') {
			pieces.push({col: asciiCol + ascii.length - trimmed.length, text: trimmed.trimEnd()});
		}

		ascii = '';
	};

	for (const {segment} of segmenter.segment(run.text)) {
		if (/^[\u0020-\u007E]$/.test(segment)) {
			if (ascii === '') {
				asciiCol = col;
			}

			ascii += segment;
			col += 1;
		} else {
			flush();
			pieces.push({col, text: segment});
			col += stringWidth(segment);
		}
	}

	flush();
	return pieces;
}

function renderLine(line: StyledLine, row: number, top: number): {rects: string; text: string} {
	const y = top + (row * lineHeight);
	let rects = '';
	let spans = '';
	for (const run of line) {
		const {fg, bg} = effectiveColours(run);
		if (bg !== undefined) {
			rects += `<rect x="${round(padding + (run.col * cellWidth))}" y="${round(y)}" width="${round(run.width * cellWidth)}" height="${lineHeight}" fill="${bg}"/>`;
		}

		const classes = [run.style.bold ? 'b' : '', run.style.dim ? 'd' : '', run.style.italic ? 'i' : '', run.style.underline ? 'u' : ''].filter(Boolean).join(' ');
		const attributes = `${fg === undefined ? '' : ` fill="${fg}"`}${classes === '' ? '' : ` class="${classes}"`}`;
		for (const piece of anchoredPieces(run)) {
			const length = /^[\u0020-\u007E]{2,}$/.test(piece.text) ? ` textLength="${round(piece.text.length * cellWidth)}"` : '';
			spans += `<tspan x="${round(padding + (piece.col * cellWidth))}"${length}${attributes}>${escapeXml(piece.text)}</tspan>`;
		}
	}

	// The baseline sits about three quarters down the cell.
	return {rects, text: spans === '' ? '' : `<text y="${round(y + (lineHeight * 0.76))}">${spans}</text>`};
}

/** One frame's SVG content (background rectangles first, then text), positioned below the title bar. */
export function renderFrameBody(lines: readonly StyledLine[], rows: number): string {
	const top = titleHeight + padding;
	let rects = '';
	let text = '';
	for (const [row, line] of lines.slice(0, rows).entries()) {
		const rendered = renderLine(line, row, top);
		rects += rendered.rects;
		text += rendered.text;
	}

	return rects + text;
}

// A frame is visible from its start to its end (as fractions of the loop); step-end keeps each value until the next key.
function keyframes(name: string, start: number, end: number): string {
	const percent = (value: number) => `${Math.round(value * 100_000) / 1000}%`;
	const steps = start === 0 ? [`0%{visibility:visible}`] : [`0%{visibility:hidden}`, `${percent(start)}{visibility:visible}`];
	steps.push(end >= 1 ? `100%{visibility:visible}` : `${percent(end)}{visibility:hidden}`);
	return `@keyframes ${name}{${steps.join('')}}`;
}

/** The whole animated SVG for frames shown in order, looping. Consecutive identical frames are merged. */
export function renderSvg(frames: readonly Frame[], options: SvgOptions): string {
	const bodies: Array<{body: string; duration: number}> = [];
	for (const frame of frames) {
		const body = renderFrameBody(frame.lines, options.rows);
		const last = bodies.at(-1);
		if (last && last.body === body) {
			last.duration += frame.duration;
		} else {
			bodies.push({body, duration: frame.duration});
		}
	}

	const width = (padding * 2) + (options.cols * cellWidth);
	const height = titleHeight + (padding * 2) + (options.rows * lineHeight);
	const total = bodies.reduce((sum, {duration}) => sum + duration, 0);
	const animated = bodies.length > 1;
	let css = `text{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,'DejaVu Sans Mono','Liberation Mono',monospace;font-size:${fontSize}px;fill:${foreground};white-space:pre}`
		+ '.b{font-weight:bold}.d{opacity:.55}.i{font-style:italic}.u{text-decoration:underline}';
	if (animated) {
		css += `g.f{visibility:hidden;animation-duration:${total}ms;animation-iteration-count:infinite;animation-timing-function:step-end}`;
	}

	let groups = '';
	let elapsed = 0;
	for (const [index, {body, duration}] of bodies.entries()) {
		if (animated) {
			css += `#f${index}{animation-name:k${index}}${keyframes(`k${index}`, elapsed / total, (elapsed + duration) / total)}`;
		}

		groups += `<g id="f${index}"${animated ? ' class="f"' : ''}>${body}</g>`;
		elapsed += duration;
	}

	const title = `<circle cx="${padding + 6}" cy="14" r="6" fill="#ff5f56"/><circle cx="${padding + 26}" cy="14" r="6" fill="#ffbd2e"/>`
		+ `<circle cx="${padding + 46}" cy="14" r="6" fill="#27c93f"/>`
		+ `<text x="${round(width / 2)}" y="18" text-anchor="middle" class="d">${escapeXml(options.title)}</text>`;
	return `<svg xmlns="http://www.w3.org/2000/svg" width="${round(width)}" height="${round(height)}" viewBox="0 0 ${round(width)} ${round(height)}" xml:space="preserve">`
		+ `<style>${css}</style><rect width="100%" height="100%" rx="8" fill="${background}"/>${title}${groups}</svg>\n`;
}
