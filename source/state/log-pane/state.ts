/**
How the UI state holds the log pane: which object it shows, the pane reducer's state, and how a key press becomes a
pane action while the pane has the keys. The pane's keys come from the keymap's 'logs' context (its search line uses the
input line's keys), so help, hints and the readme stay the one table. Opening, closing, since changes and saving are
requests the session carries out: it owns the streams and the buffer.
*/
import {logMatchSeqs} from '../../view-model/logs/search.js';
import type {Command} from '../keys/commands.js';
import {resolveKey} from '../keys/keymap.js';
import type {KeyPress} from '../keys/keys.js';
import {initialLogPaneState, logPaneReducer, type LogPaneAction} from './reducer.js';
import {keyContext} from '../ui-state.js';
import type {LogKeyContext, OpenLogPane, UiRequest, UiState} from '../types.js';
import {requested} from '../ui-updates.js';

/** The pane's key press: the same fields as the UI reducer's key action. */
type PanePress = {readonly input: string; readonly key: KeyPress; readonly now: number; readonly logs?: LogKeyContext};

/**
After a command ran: when it queued an `open-logs` request and the app can show logs, the pane opens for it (a new
pane, following, with the default since preset).
*/
export function withOpenedPane(before: UiState, after: UiState): UiState {
	if (after.nextSeq === before.nextSeq) {
		return after;
	}

	const request = after.requests.at(-1)?.request;
	if (request?.kind !== 'open-logs') {
		return after;
	}

	return {...after, logs: {target: request.target, previous: request.previous, pane: initialLogPaneState()}};
}

/** Whether the pane has the keys now (it is open and no help screen is drawn over it). */
export function paneHasKeys(state: UiState): boolean {
	return keyContext(state) === 'logs';
}

/**
A key press while the pane has the keys, or undefined for the UI reducer to handle (help, quit). Unbound keys do
nothing; while a search term is typed, the input line's keys edit it and other keys type.
*/
export function logPaneKey(state: UiState, press: PanePress): UiState | undefined {
	const open = state.logs;
	if (open === undefined || !paneHasKeys(state)) {
		return undefined;
	}

	const context = press.logs ?? {bounds: {newestSeq: 0, maxOffset: 0, minOffset: 0}, page: 1, entries: []};
	const {bounds} = context;
	const {search} = open.pane;
	if (open.pane.saveDraft !== undefined) {
		return saveKey(state, press, open.pane.saveDraft, open.pane.timestamps);
	}

	if (search.draft !== undefined) {
		const command = resolveKey(press.input, press.key, 'filter');
		switch (command) {
			case 'input-submit': return pane(state, {type: 'search-submit', matches: logMatchSeqs(context.entries, search.draft), bounds});
			case 'input-cancel': return pane(state, {type: 'search-cancel'});
			case 'input-backspace': return pane(state, {type: 'search-backspace'});
			case 'input-clear': return pane(state, {type: 'search-start'});
			case 'quit': return undefined;
			case undefined: {
				const {key} = press;
				const text = [...press.input].filter(character => character >= ' ' && character !== '\u007F').join('');
				return key.ctrl || key.meta || text === '' ? state : pane(state, {type: 'search-type', text});
			}

			default: return state;
		}
	}

	const command = resolveKey(press.input, press.key, 'logs');
	// A notice ('one container only') lasts until the next key the pane takes.
	const base = open.pane.notice === undefined || command === undefined ? state : pane(state, {type: 'clear-notice'});
	return command === undefined ? state : paneCommand(base, base.logs ?? open, command, context, press.now);
}

function paneCommand(state: UiState, open: OpenLogPane, command: Command, context: LogKeyContext, now: number): UiState | undefined {
	const {bounds, page} = context;
	switch (command) {
		// Positive deltas scroll up (older lines).
		case 'cursor-up': return pane(state, {type: 'scroll', delta: 1, bounds});
		case 'cursor-down': return pane(state, {type: 'scroll', delta: -1, bounds});
		case 'page-up': return pane(state, {type: 'scroll', delta: page, bounds});
		case 'page-down': return pane(state, {type: 'scroll', delta: -page, bounds});
		case 'cursor-top': return pane(state, {type: 'top', bounds});
		case 'log-follow': return pane(state, {type: 'follow'});
		case 'log-search': return pane(state, {type: 'search-start'});
		// As in less and vim, n goes down the text (to newer lines) and N up; Enter lands on the newest hit, where a following pane is.
		case 'log-next-match': return pane(state, {type: 'search-step', direction: 'newer', matches: logMatchSeqs(context.entries, open.pane.search.term), bounds});
		case 'log-previous-match': return pane(state, {type: 'search-step', direction: 'older', matches: logMatchSeqs(context.entries, open.pane.search.term), bounds});
		case 'log-filter': return pane(state, {type: 'toggle-filter'});
		case 'log-invert': return pane(state, {type: 'toggle-invert'});
		case 'log-wrap': return pane(state, {type: 'toggle-wrap'});
		case 'text-right': return open.pane.wrap ? pane(state, {type: 'notice', text: 'lines are wrapped (w unwraps them)', tone: 'muted'}) : pane(state, {type: 'shift', delta: logShiftStep});
		case 'text-left': return pane(state, {type: 'shift', delta: -logShiftStep});
		case 'log-timestamps': return pane(state, {type: 'toggle-timestamps'});
		case 'log-json': return pane(state, {type: 'toggle-json'});
		case 'log-zoom': return pane(state, {type: 'toggle-layout'});
		case 'log-since': {
			const next = pane(state, {type: 'set-since'});
			return reopen(next, next.logs!, now);
		}

		case 'log-container': {
			const choices = context.containers ?? [];
			if (choices.length === 0) {
				return pane(state, {type: 'notice', text: 'one container only', tone: 'muted'});
			}

			// The default (main containers) first, then each choice, then round again.
			const cycle: Array<string | undefined> = [undefined, ...choices];
			const container = cycle[(cycle.indexOf(open.container) + 1) % cycle.length];
			const {container: _previous, ...rest} = open;
			const next = {...state, logs: {...rest, ...(container === undefined ? {} : {container}), pane: logPaneReducer(open.pane, {type: 'set-since', preset: open.pane.since})}};
			return reopen(next, next.logs, now);
		}

		// s asks where first (the prompt shows the default); the save itself is the session's, on Enter.
		case 'log-save': return pane(state, {type: 'save-start'});
		case 'back': {
			// Esc forgets a search first; with nothing left to cancel it closes the pane (and its streams).
			if (open.pane.search.term !== '') {
				return pane(state, {type: 'search-clear'});
			}

			return closeLogPane(state, now);
		}

		// q closes the pane at once, whatever search is set (Esc peels the search off first).
		case 'leave': return closeLogPane(state, now);
		case 'help':
		case 'command-line':
		case 'quit': return undefined;
		default: return state;
	}
}

// While the save path is typed the input line's keys edit it; Enter saves there (nothing typed: the default place).
function saveKey(state: UiState, press: PanePress, draft: string, timestamps: boolean): UiState | undefined {
	const command = resolveKey(press.input, press.key, 'filter');
	switch (command) {
		case 'input-submit': return requested(pane(state, {type: 'save-end'}), {kind: 'save-logs', timestamps, path: draft}, press.now);
		case 'input-cancel': return pane(state, {type: 'save-end'});
		case 'input-backspace': return pane(state, {type: 'save-backspace'});
		case 'input-clear': return pane(state, {type: 'save-start'});
		case 'quit': return undefined;
		case undefined: {
			const text = [...press.input].filter(character => character >= ' ' && character !== '\u007F').join('');
			return press.key.ctrl || press.key.meta || text === '' ? state : pane(state, {type: 'save-type', text});
		}

		default: return state;
	}
}

// How far ← and → move the log lines: a few words at a time, as in the text screens.
const logShiftStep = 16;

/** Closes the pane and asks the session to close its streams. */
export function closeLogPane(state: UiState, now: number): UiState {
	if (state.logs === undefined) {
		return state;
	}

	const {logs: _closed, ...rest} = state;
	const request: UiRequest = {kind: 'close-logs'};
	return requested(rest, request, now);
}

function reopen(state: UiState, open: OpenLogPane, now: number): UiState {
	const request: UiRequest = {
		kind: 'open-logs', target: open.target, previous: open.previous, since: open.pane.since,
		...(open.container === undefined ? {} : {container: open.container}),
	};
	return requested(state, request, now);
}

function pane(state: UiState, action: LogPaneAction): UiState {
	const open = state.logs;
	return open === undefined ? state : {...state, logs: {...open, pane: logPaneReducer(open.pane, action)}};
}
