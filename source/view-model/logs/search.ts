/**
Search and filter over a log pane's lines. Matching runs on the sanitized text (what the user sees), smart-case:
a term with no capital letter matches any case. Sanitizing is cached per entry, so searching 10,000 lines again on
every render costs a string scan, not a re-parse.
*/
import type {LogEntry, LogLineEntry} from '../../store/log-buffer.js';
import {sanitizeLogText, type LogSegment, type SanitizedLine} from './sanitize.js';

// Module-level on purpose, unlike the table engine's state (view-model/table/engine.ts): a line entry never changes and
// its sanitized form is a function of its text alone, so any caller at any time gets an equal line; no result depends
// on an earlier call. Keyed weakly by the entry, the line goes when the buffer drops it.
const sanitized = new WeakMap<LogLineEntry, SanitizedLine>();

/** The sanitized form of a line entry, computed once per entry. */
export function sanitizedEntry(entry: LogLineEntry): SanitizedLine {
	let line = sanitized.get(entry);
	if (!line) {
		// The note counts what the stream and the buffer already cut off too: the line's whole length, not the stored part's.
		line = sanitizeLogText(entry.text, {alreadyCut: entry.cut});
		sanitized.set(entry, line);
	}

	return line;
}

/** Finds where a term occurs in text: start offsets of non-overlapping matches. */
export type LogMatcher = {readonly term: string; test(text: string): boolean; ranges(text: string): Array<[number, number]>};

/** A smart-case substring matcher, or undefined for an empty term. */
export function logMatcher(term: string): LogMatcher | undefined {
	if (term === '') {
		return undefined;
	}

	const foldCase = term === term.toLowerCase();
	const needle = foldCase ? term.toLowerCase() : term;
	const prepare = (text: string) => (foldCase ? text.toLowerCase() : text);
	return {
		term,
		test: text => prepare(text).includes(needle),
		ranges(text) {
			const haystack = prepare(text);
			const out: Array<[number, number]> = [];
			let from = 0;
			for (;;) {
				const at = haystack.indexOf(needle, from);
				if (at === -1) {
					return out;
				}

				out.push([at, at + needle.length]);
				from = at + needle.length;
			}
		},
	};
}

/** Whether an entry is a line that matches. Separators and markers never match. */
export function entryMatches(entry: LogEntry, matcher: LogMatcher): boolean {
	return entry.kind === 'line' && matcher.test(sanitizedEntry(entry).plain);
}

/** The seqs of the matching lines, oldest first: what n/N step through. */
export function logMatchSeqs(entries: readonly LogEntry[], term: string): number[] {
	const matcher = logMatcher(term);
	if (!matcher) {
		return [];
	}

	const out: number[] = [];
	for (const entry of entries) {
		if (entryMatches(entry, matcher)) {
			out.push(entry.seq);
		}
	}

	return out;
}

/** A segment that may be marked as a search hit (`current` for the one n/N moved to). */
export type MarkedSegment = LogSegment & {readonly match?: 'current' | 'other'};

/** Splits segments at the matches of `matcher` in their joined text and marks the pieces that match. */
export function highlightSegments(segments: readonly LogSegment[], matcher: LogMatcher | undefined, current: boolean): MarkedSegment[] {
	if (!matcher) {
		return [...segments];
	}

	const ranges = matcher.ranges(segments.map(segment => segment.text).join(''));
	if (ranges.length === 0) {
		return [...segments];
	}

	const out: MarkedSegment[] = [];
	let offset = 0;
	for (const segment of segments) {
		const end = offset + segment.text.length;
		let cursor = offset;
		for (const [from, to] of ranges) {
			if (to <= cursor || from >= end) {
				continue;
			}

			const start = Math.max(from, cursor);
			if (start > cursor) {
				out.push({...segment, text: segment.text.slice(cursor - offset, start - offset)});
			}

			const stop = Math.min(to, end);
			out.push({...segment, text: segment.text.slice(start - offset, stop - offset), match: current ? 'current' : 'other'});
			cursor = stop;
		}

		if (cursor < end) {
			out.push({...segment, text: segment.text.slice(cursor - offset)});
		}

		offset = end;
	}

	return out;
}

/** Pretty-prints a line that is a JSON object or array (two-space indent), or undefined when it is not JSON. */
export function prettyJson(text: string): string[] | undefined {
	const trimmed = text.trim();
	if (!(trimmed.startsWith('{') && trimmed.endsWith('}')) && !(trimmed.startsWith('[') && trimmed.endsWith(']'))) {
		return undefined;
	}

	try {
		// JSON.stringify escapes control characters again (\u001b), so the result is as safe to sanitize as the input.
		return JSON.stringify(JSON.parse(trimmed), undefined, 2).split('\n');
	} catch {
		return undefined;
	}
}
