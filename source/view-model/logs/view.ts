/**
The log pane's frame: which rows to draw for the buffer, the pane state and the size, plus the status line.
Following shows the tail; paused pins the view to an entry so arriving (and dropped) lines do not move it. Only the
rows on screen are built; the rest is counted (one row per entry unless wrap or JSON is on).
*/
import {logFileStem} from '../../kube/log-file-name.js';
import type {LogBufferSnapshot, LogEntry} from '../../store/log-buffer.js';
import {entryRows, type RowContext, type VerdictEntry, verdictRows} from './rows.js';
import type {LogVerdicts} from './verdicts.js';
import {entryMatches, logMatcher, logMatchSeqs} from './search.js';
import {sanitizeLogText} from './sanitize.js';
import {sinceLabel, type LogPaneState, type LogRow, type LogStatusPart, type LogViewModel} from './types.js';

/** How times are written (pure functions of epoch ms; the app passes zoned ones). */
export type LogViewOptions = {
	/** Line timestamps when `t` is on. Default UTC `HH:MM:SS.mmm`. */
	formatTime?: (ms: number) => string;
	/** Separator start times. Default UTC `HH:MM:SS`. */
	formatClock?: (ms: number) => string;
	/** How each attempt ended and how the subject did (verdicts.ts), placed after the entries they are about. */
	verdicts?: LogVerdicts;
	/** Where `s` saves when no path is typed (the save prompt shows it): the directory and the file name's start. */
	save?: SaveDefault;
	/** The entries are an archived run's, read whole from the archive: nothing follows or tails them. */
	archived?: boolean;
};

/** The default place of a saved log, as the save prompt shows it: `DIR/kjobs-NAME-TIME.log`. */
export type SaveDefault = {readonly directory: string; readonly name: string};

/**
The entries with the verdicts placed among them: each pod's after that pod's last entry, the subject's end last. Without
entries of its own a pod's verdict has no place and is left out (its attempt has not been attached yet).
*/
export function withVerdicts(entries: readonly LogEntry[], verdicts: LogVerdicts | undefined): ReadonlyArray<LogEntry | VerdictEntry> {
	if (verdicts === undefined || (verdicts.pods.size === 0 && verdicts.end === undefined)) {
		return entries;
	}

	const lastOfPod = new Map<string, number>();
	for (const [index, entry] of entries.entries()) {
		if (verdicts.pods.has(entry.podUid)) {
			lastOfPod.set(entry.podUid, index);
		}
	}

	const placed = new Map([...lastOfPod].map(([podUid, index]) => [index, podUid]));
	const out: Array<LogEntry | VerdictEntry> = [];
	for (const [index, entry] of entries.entries()) {
		out.push(entry);
		const podUid = placed.get(index);
		const verdict = podUid === undefined ? undefined : verdicts.pods.get(podUid);
		if (verdict !== undefined) {
			out.push({kind: 'verdict', seq: entry.seq + 0.5, key: `verdict-${podUid ?? ''}`, tag: entry.tag, ...verdict});
		}
	}

	if (verdicts.end !== undefined) {
		out.push({kind: 'verdict', seq: (entries.at(-1)?.seq ?? -1) + 0.75, key: 'verdict-end', tag: '', ...verdicts.end});
	}

	return out;
}

const utcTime = (ms: number) => new Date(ms).toISOString().slice(11, 23);
const utcClock = (ms: number) => new Date(ms).toISOString().slice(11, 19);

/** The index of the last entry whose seq is at most `seq` (entries are in seq order), or -1. */
function lastAtOrBefore(entries: ReadonlyArray<{readonly seq: number}>, seq: number): number {
	let lo = 0;
	let hi = entries.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (entries[mid]!.seq <= seq) {
			lo = mid + 1;
		} else {
			hi = mid;
		}
	}

	return lo - 1;
}

function rowContext(snapshot: LogFrameInput, state: LogPaneState, width: number, options: LogViewOptions): RowContext {
	const containers = [...snapshot.containers];
	return {
		width,
		wrap: state.wrap,
		shift: state.wrap ? 0 : state.shift ?? 0,
		json: state.json,
		timestamps: state.timestamps,
		tagWidth: snapshot.tagWidth,
		showContainer: containers.length > 1,
		containerWidth: Math.min(16, Math.max(0, ...containers.map(name => name.length))),
		matcher: logMatcher(state.search.term),
		currentSeq: state.search.current,
		formatTime: options.formatTime ?? utcTime,
		formatClock: options.formatClock ?? utcClock,
	};
}

/** The parts of a buffer snapshot a frame reads. */
export type LogFrameInput = Pick<LogBufferSnapshot, 'entries' | 'dropped' | 'nextSeq' | 'activity' | 'containers' | 'tagWidth'>;

/** Computes what the pane draws. `height` includes the status line. */
export function logView(snapshot: LogFrameInput, state: LogPaneState, width: number, height: number, options: LogViewOptions = {}): LogViewModel {
	const all = snapshot.entries;
	const context = rowContext(snapshot, state, width, options);
	const matcher = context.matcher;
	const filtered = state.filter && matcher ? all.filter(entry => entry.kind !== 'line' || entryMatches(entry, matcher) !== state.invert) : all;
	const visible = withVerdicts(filtered, options.verdicts);
	const newestSeq = snapshot.nextSeq - 1;
	const matchSeqs = logMatchSeqs(all, state.search.term);
	const matches = {count: matchSeqs.length, current: state.search.current === undefined ? 0 : matchSeqs.indexOf(state.search.current) + 1};
	const status = state.saveDraft === undefined ? statusLine(snapshot, state, matches, options.archived === true) : savePrompt(state.saveDraft, options.save);
	const avail = Math.max(1, height - 1);
	if (visible.length === 0) {
		return {rows: [], status, scroll: {newestSeq, maxOffset: 0, minOffset: 0}, matches};
	}

	const cache = new Map<number, LogRow[]>();
	const rowsOf = (index: number) => {
		let rows = cache.get(index);
		if (!rows) {
			const entry = visible[index]!;
			rows = entry.kind === 'verdict' ? verdictRows(entry, context) : entryRows(entry, context);
			cache.set(index, rows);
		}

		return rows;
	};

	const countOf = (index: number) => (state.wrap || state.json ? rowsOf(index).length : 1);
	const anchorIndex = state.follow || !state.anchor ? visible.length - 1 : Math.max(0, lastAtOrBefore(visible, state.anchor.seq));
	const offset = state.follow ? 0 : state.offset;
	// k = how many rows the bottom of the view lies below the anchor entry's last row.
	let k = -offset;
	if (!state.follow && state.anchor?.align === 'center') {
		// The hit's first row goes to the middle row; k counts from its last row.
		k += avail - 1 - Math.floor(avail / 2) - (countOf(anchorIndex) - 1);
	}

	// Find the bottom row: (entry index, row within it).
	let bottomIndex = anchorIndex;
	let bottomRow = countOf(anchorIndex) - 1;
	while (k > 0 && bottomIndex < visible.length - 1) {
		bottomIndex++;
		const count = countOf(bottomIndex);
		bottomRow = Math.min(count, k) - 1;
		k -= Math.min(count, k);
	}

	while (k < 0 && (bottomIndex > 0 || bottomRow > 0)) {
		if (bottomRow > 0) {
			const step = Math.min(bottomRow, -k);
			bottomRow -= step;
			k += step;
		} else {
			bottomIndex--;
			bottomRow = countOf(bottomIndex) - 1;
			k++;
		}
	}

	// Collect rows upward from the bottom; when the top is reached first, show the top of the buffer instead.
	const rows: LogRow[] = [];
	let index = bottomIndex;
	let take = bottomRow + 1;
	while (rows.length < avail && index >= 0) {
		const entryRowsHere = rowsOf(index).slice(0, take);
		rows.unshift(...entryRowsHere.slice(Math.max(0, entryRowsHere.length - (avail - rows.length))));
		index--;
		take = Number.POSITIVE_INFINITY;
	}

	// One row per entry unless wrap or JSON is on: then the rows beyond the screen are counted one entry at a time.
	const countRange = (from: number, to: number) => {
		if (!state.wrap && !state.json) {
			return Math.max(0, to - from);
		}

		let sum = 0;
		for (let i = from; i < to; i++) {
			sum += countOf(i);
		}

		return sum;
	};

	let rowsBelow = countOf(bottomIndex) - 1 - bottomRow + countRange(bottomIndex + 1, visible.length);

	if (rows.length < avail) {
		// At the top with room to spare: fill downward so the pane is never half empty while there is more.
		for (let i = bottomIndex, from = bottomRow + 1; i < visible.length && rows.length < avail; i++, from = 0) {
			const extra = rowsOf(i).slice(from, from + avail - rows.length);
			rows.push(...extra);
			rowsBelow -= extra.length;
		}
	}

	let rowsAbove = 0;
	const topKey = rows[0]?.key ?? '';
	const topIndex = index + 1;
	rowsAbove += rowsOf(topIndex).findIndex(row => row.key === topKey) + countRange(0, topIndex);

	return {rows, status, scroll: {newestSeq, maxOffset: offset + Math.max(0, rowsAbove), minOffset: offset - rowsBelow}, matches};
}

// While a path is typed after `s` the status line is the prompt alone: what Enter does now, and where a relative path goes.
function savePrompt(draft: string, save: SaveDefault | undefined): LogStatusPart[] {
	const shown = sanitizeLogText(draft, {maxChars: 200}).plain;
	const directory = save === undefined ? 'the log directory' : sanitizeLogText(save.directory, {maxChars: 200}).plain;
	const where = draft === ''
		? `(Enter: ${save === undefined ? directory : `${directory}/${logFileStem(save.name)}-TIME.log`})`
		: `(relative to ${directory}; an existing file is never replaced)`;
	return [{text: `save to ${shown}▏ ${where}`, tone: 'normal'}];
}

function statusLine(snapshot: Pick<LogBufferSnapshot, 'entries' | 'dropped' | 'activity'>, state: LogPaneState, matches: {count: number; current: number}, archived: boolean): LogStatusPart[] {
	const parts: LogStatusPart[] = [];
	if (archived) {
		parts.push({text: `archived run · ${snapshot.entries.length} ${snapshot.entries.length === 1 ? 'entry' : 'entries'}`, tone: 'muted'});
	}

	if (state.follow) {
		parts.push({text: 'following', tone: 'running'});
	} else {
		const newer = snapshot.entries.length - 1 - lastAtOrBefore(snapshot.entries, state.pausedAtSeq);
		parts.push({text: newer > 0 ? `paused · ${newer} new ${newer === 1 ? 'line' : 'lines'}` : 'paused', tone: 'warning'});
	}

	if (snapshot.dropped > 0) {
		parts.push({text: `${snapshot.dropped} dropped`, tone: 'warning'});
	}

	const deleted = snapshot.entries.filter(entry => entry.kind === 'marker' && entry.text === 'pod deleted').length;
	if (deleted > 0) {
		parts.push({text: deleted === 1 ? 'pod deleted' : `${deleted} pods deleted`, tone: 'muted'});
	}

	if (snapshot.activity.reconnecting > 0) {
		parts.push({text: 'reconnecting', tone: 'warning'});
	}

	const error = snapshot.activity.errors.at(-1);
	if (error) {
		parts.push({text: sanitizeLogText(error, {maxChars: 80}).plain, tone: 'error'});
	}

	const shown = (text: string) => sanitizeLogText(text, {maxChars: 40}).plain;
	if (state.search.draft !== undefined) {
		parts.push({text: `/${shown(state.search.draft)}▏`, tone: 'normal'});
	} else if (state.search.term) {
		const where = matches.count === 0 ? 'no match' : matches.current > 0 ? `${matches.current}/${matches.count} · n down · N up` : `${matches.count} matches`;
		parts.push({text: `/${shown(state.search.term)} · ${where}`, tone: matches.count === 0 ? 'warning' : 'normal'});
	}

	if (state.filter && state.search.term) {
		parts.push({text: state.invert ? 'filter: not matching' : 'filter: matching', tone: 'pending'});
	}

	// An archived run is read whole: no since preset applies to it.
	if (!archived) {
		parts.push({text: sinceLabel(state.since), tone: 'muted'});
	}

	const shift = state.wrap ? 0 : state.shift ?? 0;
	const flags = [state.wrap ? 'wrap' : '', shift > 0 ? `→${shift}` : '', state.timestamps ? 'time' : '', state.json ? 'json' : ''].filter(Boolean);
	if (flags.length > 0) {
		parts.push({text: flags.join(' '), tone: 'muted'});
	}

	if (state.notice) {
		parts.push({text: shown(state.notice.text), tone: state.notice.tone});
	}

	return parts;
}
