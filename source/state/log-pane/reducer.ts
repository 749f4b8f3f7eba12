/**
The log pane's state machine, pure: follow and pause, scrolling, search with n/N, filter and its inversion, wrap,
timestamps, JSON, the since preset, split or full screen, and the save notice. Actions that depend on the buffer carry
what they need (the bounds logView reported, the list of matches), so the reducer never reads the buffer itself.
*/
import type {Tone} from '../../view-model/types.js';
import {sincePresets, type LogPaneState, type ScrollBounds, type SincePreset} from '../../view-model/logs/types.js';

/** Everything the pane can be told. */
export type LogPaneAction =
	/** Move the view `delta` rows: positive is up (older). Scrolling up while following pauses; reaching the newest line resumes. */
	| {readonly type: 'scroll'; readonly delta: number; readonly bounds: ScrollBounds}
	/** Jump to the oldest line (g / Home). */
	| {readonly type: 'top'; readonly bounds: ScrollBounds}
	/** Stop following where the view is. */
	| {readonly type: 'pause'; readonly bounds: ScrollBounds}
	/** Resume following (G / f / End). */
	| {readonly type: 'follow'}
	| {readonly type: 'search-start'}
	| {readonly type: 'search-type'; readonly text: string}
	| {readonly type: 'search-backspace'}
	| {readonly type: 'search-cancel'}
	/** Apply the draft; `matches` are the matching seqs for it, oldest first (logMatchSeqs). Jumps to the newest. */
	| {readonly type: 'search-submit'; readonly matches: readonly number[]; readonly bounds: ScrollBounds}
	/** One hit on: newer (n, down the text) or older (N, up), wrapping around. */
	| {readonly type: 'search-step'; readonly direction: 'older' | 'newer'; readonly matches: readonly number[]; readonly bounds: ScrollBounds}
	/** Forget the term (and so the filter). */
	| {readonly type: 'search-clear'}
	| {readonly type: 'toggle-filter'}
	| {readonly type: 'toggle-invert'}
	| {readonly type: 'toggle-wrap'}
	/** Scroll the unwrapped lines sideways by `delta` cells (never left of their start). */
	| {readonly type: 'shift'; readonly delta: number}
	| {readonly type: 'toggle-timestamps'}
	| {readonly type: 'toggle-json'}
	| {readonly type: 'toggle-layout'}
	/** Pick a since preset, or the next one; the app restarts the session with sinceOptions(state.since). */
	| {readonly type: 'set-since'; readonly preset?: SincePreset}
	/** `s`: start typing the path to save to (empty: Enter saves to the default place). */
	| {readonly type: 'save-start'}
	| {readonly type: 'save-type'; readonly text: string}
	| {readonly type: 'save-backspace'}
	/** The prompt closes: saved (the request is on its way) or cancelled. */
	| {readonly type: 'save-end'}
	| {readonly type: 'notice'; readonly text: string; readonly tone: Tone}
	| {readonly type: 'clear-notice'};

/** A fresh pane: following, tail 1000 unless told otherwise. */
export function initialLogPaneState(overrides: Partial<LogPaneState> = {}): LogPaneState {
	return {
		follow: true,
		offset: 0,
		pausedAtSeq: 0,
		search: {term: ''},
		filter: false,
		invert: false,
		wrap: false,
		timestamps: false,
		json: false,
		since: 'tail-1000',
		layout: 'split',
		...overrides,
	};
}

function clamp(value: number, low: number, high: number): number {
	return Math.min(Math.max(value, low), Math.max(low, high));
}

function paused(state: LogPaneState, bounds: ScrollBounds): LogPaneState {
	return state.follow ? {...state, follow: false, anchor: {seq: bounds.newestSeq, align: 'bottom'}, offset: 0, pausedAtSeq: bounds.newestSeq} : state;
}

function jumpTo(state: LogPaneState, seq: number | undefined, bounds: ScrollBounds): LogPaneState {
	if (seq === undefined) {
		return {...state, search: {...state.search, current: undefined}};
	}

	const base = paused(state, bounds);
	return {...base, anchor: {seq, align: 'center'}, offset: 0, search: {...base.search, current: seq}};
}

/** The pane reducer. */
export function logPaneReducer(state: LogPaneState, action: LogPaneAction): LogPaneState {
	switch (action.type) {
		case 'scroll': {
			if (action.delta === 0 || (state.follow && action.delta < 0)) {
				return state;
			}

			const base = paused(state, action.bounds);
			// The bounds were measured for the frame on screen; a pause from following starts at offset 0 either way.
			const offset = clamp(base.offset + action.delta, action.bounds.minOffset, action.bounds.maxOffset);
			if (action.delta < 0 && offset <= action.bounds.minOffset) {
				return logPaneReducer(base, {type: 'follow'});
			}

			return {...base, offset};
		}

		case 'top': {
			const base = paused(state, action.bounds);
			return {...base, offset: action.bounds.maxOffset};
		}

		case 'pause': {
			return paused(state, action.bounds);
		}

		case 'follow': {
			const {anchor: _anchor, ...rest} = state;
			return {...rest, follow: true, offset: 0};
		}

		case 'search-start': {
			return {...state, search: {...state.search, draft: ''}};
		}

		case 'search-type': {
			return state.search.draft === undefined ? state : {...state, search: {...state.search, draft: state.search.draft + action.text}};
		}

		case 'search-backspace': {
			return state.search.draft === undefined ? state : {...state, search: {...state.search, draft: [...state.search.draft].slice(0, -1).join('')}};
		}

		case 'search-cancel': {
			return {...state, search: {term: state.search.term, current: state.search.current}};
		}

		case 'search-submit': {
			const term = state.search.draft ?? state.search.term;
			const next = {...state, search: {term}};
			return term === '' ? {...next, filter: false} : jumpTo(next, action.matches.at(-1), action.bounds);
		}

		case 'search-step': {
			if (action.matches.length === 0) {
				return state;
			}

			const at = state.search.current === undefined ? -1 : action.matches.indexOf(state.search.current);
			const count = action.matches.length;
			// Without a current hit (it scrolled out of the buffer), start from the newest end: older is the newest hit,
			// newer wraps round to the oldest.
			const older = action.direction === 'older';
			const index = at === -1 ? (older ? count - 1 : 0) : (older ? (at - 1 + count) % count : (at + 1) % count);
			return jumpTo(state, action.matches[index], action.bounds);
		}

		case 'search-clear': {
			return {...state, search: {term: ''}, filter: false, invert: false};
		}

		case 'toggle-filter': {
			return {...state, filter: !state.filter};
		}

		case 'toggle-invert': {
			// `!` means "filter out what matches", so it turns the filter on too.
			return {...state, invert: !state.invert, filter: true};
		}

		case 'toggle-wrap': {
			const {shift: _shift, ...rest} = state;
			return {...rest, wrap: !state.wrap};
		}

		case 'shift': {
			const shift = Math.max(0, (state.shift ?? 0) + action.delta);
			const {shift: _shift, ...rest} = state;
			return state.wrap ? state : (shift === 0 ? rest : {...rest, shift});
		}

		case 'toggle-timestamps': {
			return {...state, timestamps: !state.timestamps};
		}

		case 'toggle-json': {
			return {...state, json: !state.json};
		}

		case 'toggle-layout': {
			return {...state, layout: state.layout === 'split' ? 'full' : 'split'};
		}

		case 'set-since': {
			const preset = action.preset ?? sincePresets[(sincePresets.indexOf(state.since) + 1) % sincePresets.length]!;
			const {anchor: _anchor, ...rest} = state;
			// A new session starts from an empty buffer: follow its tail, keep the search and display toggles.
			return {...rest, since: preset, follow: true, offset: 0, pausedAtSeq: 0, search: {term: state.search.term}};
		}

		case 'save-start': {
			return {...state, saveDraft: ''};
		}

		case 'save-type': {
			return state.saveDraft === undefined ? state : {...state, saveDraft: state.saveDraft + action.text};
		}

		case 'save-backspace': {
			return state.saveDraft === undefined ? state : {...state, saveDraft: [...state.saveDraft].slice(0, -1).join('')};
		}

		case 'save-end': {
			const {saveDraft: _draft, ...rest} = state;
			return rest;
		}

		case 'notice': {
			return {...state, notice: {text: action.text, tone: action.tone}};
		}

		case 'clear-notice': {
			const {notice: _notice, ...rest} = state;
			return rest;
		}
	}
}
