/**
One log entry to the terminal rows it takes: a coloured tag, optional time and container, then the sanitized text,
pretty-printed when it is JSON and asked for, wrapped or cut to the width, with search hits marked.
*/
import stringWidth from 'string-width';
import type {LogEntry} from '../../store/log-buffer.js';
import type {AnsiColor} from './sgr.js';
import {highlightSegments, prettyJson, sanitizedEntry, type LogMatcher, type MarkedSegment} from './search.js';
import {sanitizeLogText} from './sanitize.js';
import type {LogRow, LogTag} from './types.js';
import type {Tone} from '../types.js';

/** What every entry of one frame shares. */
export type RowContext = {
	readonly width: number;
	readonly wrap: boolean;
	/** Cells of each line's text skipped from its start (unwrapped, scrolled right). */
	readonly shift?: number;
	readonly json: boolean;
	readonly timestamps: boolean;
	readonly tagWidth: number;
	readonly showContainer: boolean;
	readonly containerWidth: number;
	readonly matcher?: LogMatcher;
	readonly currentSeq?: number;
	readonly formatTime: (ms: number) => string;
	readonly formatClock: (ms: number) => string;
};

const tagColors: readonly AnsiColor[] = ['cyan', 'magenta', 'yellow', 'green', 'blueBright', 'magentaBright', 'cyanBright', 'yellowBright'];

/** The colour of a pod tag: attempts and indices cycle through eight colours (never red, which means trouble). */
export function tagColor(tag: string): AnsiColor {
	const number = Number.parseInt(tag.replace(/^\D+/, ''), 10);
	const index = Number.isNaN(number) ? [...tag].reduce((sum, ch) => sum + ch.codePointAt(0)!, 0) : (tag.startsWith('#') ? number - 1 : number);
	return tagColors[((index % tagColors.length) + tagColors.length) % tagColors.length]!;
}

function charWidth(ch: string): number {
	const code = ch.codePointAt(0)!;
	return code >= 0x20 && code < 0x300 ? 1 : stringWidth(ch);
}

// The segments without their first `cells` cells: a line scrolled right.
function skipCells(segments: readonly MarkedSegment[], cells: number): MarkedSegment[] {
	if (cells <= 0) {
		return [...segments];
	}

	let left = cells;
	const kept: MarkedSegment[] = [];
	for (const segment of segments) {
		let text = '';
		for (const ch of segment.text) {
			if (left > 0) {
				left -= charWidth(ch);
			} else {
				text += ch;
			}
		}

		if (text !== '') {
			kept.push({...segment, text});
		}
	}

	return kept;
}

/** Cuts segments into rows of at most `width` cells (wrap) or keeps the first row only, ending in `…` when cut. */
function fit(segments: readonly MarkedSegment[], width: number, wrap: boolean): MarkedSegment[][] {
	const rows: MarkedSegment[][] = [[]];
	let used = 0;
	for (const segment of segments) {
		let run = '';
		const flush = () => {
			if (run) {
				rows.at(-1)!.push({...segment, text: run});
				run = '';
			}
		};

		for (const ch of segment.text) {
			const w = charWidth(ch);
			if (used + w > width) {
				if (!wrap) {
					// Make room for the ellipsis that says the line goes on.
					run = run.slice(0, Math.max(0, run.length - 1));
					flush();
					rows.at(-1)!.push({text: '…', escaped: true});
					return rows;
				}

				flush();
				rows.push([]);
				used = 0;
			}

			run += ch;
			used += w;
		}

		flush();
	}

	return rows;
}

function tagOf(entry: {readonly tag: string}, context: RowContext): LogTag | undefined {
	return context.tagWidth === 0 ? undefined : {text: entry.tag.padEnd(context.tagWidth), color: tagColor(entry.tag)};
}

/**
A verdict placed among the entries: after the last entry of its pod (`seq` half a step past it, so a pinned view keeps
its place), or last for the subject's end. The view makes these; the buffer never holds them.
*/
export type VerdictEntry = {readonly kind: 'verdict'; readonly seq: number; readonly key: string; readonly tag: string; readonly text: string; readonly tone: Tone};

/** The rows of a verdict: `■ exited 3 (Error) after 4s · next attempt in 20s`, cut to the width or wrapped. */
export function verdictRows(entry: VerdictEntry, context: RowContext): LogRow[] {
	const tag = tagOf(entry, context);
	const tagCells = tag ? context.tagWidth + 1 : 0;
	const text = [{text: `■ ${sanitizeLogText(entry.text).plain}`}];
	const pieces = fit(context.wrap ? text : skipCells(text, context.shift ?? 0), Math.max(1, context.width - tagCells), context.wrap);
	return pieces.map((segments, index) => ({key: `${entry.key}:${index}`, kind: 'marker', tag: index === 0 ? tag : undefined, indent: index === 0 ? 0 : tagCells, tone: entry.tone, segments}));
}

/** The rows of one entry. */
export function entryRows(entry: LogEntry, context: RowContext): LogRow[] {
	const tag = tagOf(entry, context);
	const tagCells = tag ? context.tagWidth + 1 : 0;
	if (entry.kind === 'separator') {
		const started = entry.startedAt === undefined ? '' : ` · started ${context.formatClock(entry.startedAt)}`;
		const text = `── ${entry.label} · ${sanitizeLogText(entry.podName).plain}${started} `;
		const fill = Math.max(2, context.width - tagCells - stringWidth(text));
		return [{key: `${entry.seq}`, kind: 'separator', tag, indent: 0, tone: 'muted', segments: fit([{text: text + '─'.repeat(fill)}], Math.max(1, context.width - tagCells), false)[0]!}];
	}

	if (entry.kind === 'marker') {
		const tone = entry.severity === 'error' ? 'error' : entry.severity === 'warning' ? 'warning' : 'muted';
		const text = skipCells([{text: `▲ ${sanitizeLogText(entry.text).plain}`}], context.wrap ? 0 : context.shift ?? 0);
		// Wrapped like a line when w is on: a marker may carry a long event message (an image-pull error).
		return fit(text, Math.max(1, context.width - tagCells), context.wrap).map((segments, index) => ({
			key: index === 0 ? `${entry.seq}` : `${entry.seq}:${index}`, kind: 'marker', tag: index === 0 ? tag : undefined, indent: index === 0 ? 0 : tagCells, tone, segments,
		}));
	}

	const time = context.timestamps ? (entry.time === undefined ? '?'.padEnd(context.formatTime(0).length) : context.formatTime(entry.time)) : undefined;
	const container = context.showContainer ? sanitizeLogText(entry.container).plain.padEnd(context.containerWidth) : undefined;
	const indent = tagCells + (time ? time.length + 1 : 0) + (container ? context.containerWidth + 1 : 0);
	const available = Math.max(1, context.width - indent);
	const pretty = context.json ? prettyJson(entry.text) : undefined;
	const pieces = pretty ? pretty.map(text => sanitizeLogText(text).segments) : [sanitizedEntry(entry).segments];
	const current = entry.seq === context.currentSeq;
	const rows: LogRow[] = [];
	for (const piece of pieces) {
		const marked = highlightSegments(piece, context.matcher, current);
		for (const segments of fit(context.wrap ? marked : skipCells(marked, context.shift ?? 0), available, context.wrap)) {
			const first = rows.length === 0;
			rows.push({key: `${entry.seq}:${rows.length}`, kind: 'line', tag: first ? tag : undefined, time: first ? time : undefined, container: first ? container : undefined, indent: first ? 0 : indent, segments});
		}
	}

	return rows;
}
