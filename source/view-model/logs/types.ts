/**
The log pane's state (owned by the pane reducer) and the shapes logView produces from it for the component.
*/
import type {Tone} from '../types.js';
import type {AnsiColor} from './sgr.js';
import type {MarkedSegment} from './search.js';

/** Where a session starts reading: the last N lines, the last minutes/hour, or everything. */
export type SincePreset = 'tail-100' | 'tail-1000' | 'all' | 'last-1m' | 'last-5m' | 'last-1h';

/** The presets in the order a key cycles through them. */
export const sincePresets: readonly SincePreset[] = ['tail-100', 'tail-1000', 'all', 'last-1m', 'last-5m', 'last-1h'];

/** The request options of a preset, as the log session takes them. */
export function sinceOptions(preset: SincePreset): {tailLines?: number; sinceSeconds?: number} {
	switch (preset) {
		case 'tail-100': {
			return {tailLines: 100};
		}

		case 'tail-1000': {
			return {tailLines: 1000};
		}

		case 'last-1m': {
			return {sinceSeconds: 60};
		}

		case 'last-5m': {
			return {sinceSeconds: 300};
		}

		case 'last-1h': {
			return {sinceSeconds: 3600};
		}

		default: {
			return {};
		}
	}
}

/** How a preset reads in the status line. */
export function sinceLabel(preset: SincePreset): string {
	return {'tail-100': 'tail 100', 'tail-1000': 'tail 1000', all: 'all', 'last-1m': 'last 1m', 'last-5m': 'last 5m', 'last-1h': 'last 1h'}[preset];
}

/** The pane's state. While paused the view is pinned to an entry, so new lines and dropped old ones do not move it. */
export type LogPaneState = {
	readonly follow: boolean;
	/** The entry the paused view is pinned to: its last row at the bottom, or its first row in the middle (a search hit). */
	readonly anchor?: {readonly seq: number; readonly align: 'bottom' | 'center'};
	/** Rows scrolled up (positive) or down (negative) from the anchor position. */
	readonly offset: number;
	/** The newest seq when following stopped: later entries are "new lines". */
	readonly pausedAtSeq: number;
	/** The applied term, the draft while typing after `/`, and the seq of the current hit. */
	readonly search: {readonly term: string; readonly draft?: string; readonly current?: number};
	/** Show only lines that match (`!` inverts: only lines that do not). */
	readonly filter: boolean;
	readonly invert: boolean;
	readonly wrap: boolean;
	/** Unwrapped, the lines' text is shown this many cells shifted left (← →), so a long line can be read to its end. */
	readonly shift?: number;
	readonly timestamps: boolean;
	readonly json: boolean;
	readonly since: SincePreset;
	readonly layout: 'split' | 'full';
	/** The path being typed after `s` ('' until something is typed: Enter then saves to the default). */
	readonly saveDraft?: string;
	/** A one-off message (the saved file's path, an error). */
	readonly notice?: {readonly text: string; readonly tone: Tone};
};

/** What the last frame knew about scrolling, handed back with scroll actions so the reducer can clamp. */
export type ScrollBounds = {
	/** The newest entry's seq (where a pause pins the view). */
	readonly newestSeq: number;
	/** The largest offset that still shows something (the top of the buffer reached). */
	readonly maxOffset: number;
	/** The offset at which the newest entry is at the bottom. */
	readonly minOffset: number;
};

/** The coloured tag in front of a line: the colour and the text both tell pods apart (never the colour alone). */
export type LogTag = {readonly text: string; readonly color: AnsiColor};

/** One terminal row of the pane. */
export type LogRow = {
	readonly key: string;
	readonly kind: 'line' | 'separator' | 'marker';
	/** Shown on an entry's first row; continuation rows get `indent` spaces instead. */
	readonly tag?: LogTag;
	readonly time?: string;
	readonly container?: string;
	readonly indent: number;
	readonly segments: readonly MarkedSegment[];
	/** For separators and markers. */
	readonly tone?: Tone;
};

/** One part of the status line. */
export type LogStatusPart = {readonly text: string; readonly tone: Tone};

/** Everything the pane component draws. */
export type LogViewModel = {
	readonly rows: readonly LogRow[];
	readonly status: readonly LogStatusPart[];
	readonly scroll: ScrollBounds;
	/** Matching lines and the position of the current one (1-based, 0 when none is current). */
	readonly matches: {readonly count: number; readonly current: number};
};
