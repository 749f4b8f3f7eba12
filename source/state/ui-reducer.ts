/**
The pure UI reducer: every key command and input event becomes a new state. Row ids, page size and the snapshot an
action's dialog is built from come in the action as data, so the reducer never calls out and can be tested with plain
objects.
*/
import {pressDialogKey, requestDone, selectCreated, startAction} from './dialog/flow.js';
import {startForget} from './dialog/forget.js';
import {completeCommand, parseCommand} from './command-line.js';
import {isDialogCommand, isLogCommand, isPickerCommand} from './keys/commands.js';
import {resolveKey} from './keys/keymap.js';
import {logPaneKey, withOpenedPane} from './log-pane/state.js';
import {move, open} from './navigation.js';
import {allNamespaces, openPicker, pickerCommand} from './picker.js';
import {objectRequest, objectTarget} from './requests.js';
import type {CommandAction, KeyAction, UiAction} from './ui-actions.js';
import type {UiState} from './types.js';
import {currentEntry, keyContext} from './ui-state.js';
import {message, push, replaceTop, requested, withoutMessage} from './ui-updates.js';
import {sortArrow} from '../view-model/table/tables.js';

/** The UI reducer. */
export function uiReducer(state: UiState, action: UiAction): UiState {
	switch (action.type) {
		case 'input-text': {
			return typeText(state, action.text);
		}

		case 'key-press': {
			return pressKey(state, action);
		}

		case 'show-message': {
			return {...state, message: {text: action.text, tone: action.tone, at: action.now}};
		}

		case 'request-done': {
			return requestDone(state, action.request, action.result, action.now);
		}

		case 'created-arrived': {
			return selectCreated(state, action.uid, action.rows, action.page);
		}

		case 'clear-message': {
			return withoutMessage(state);
		}

		default: {
			const next = runCommand(withoutMessage(state), action);
			return action.logs === undefined ? next : withOpenedPane(state, next);
		}
	}
}

// Resolving here, against the state as it is after the previous key, keeps a run of keys that arrived in one read
// right: in `:cj⏎` the `c` must go to the command line that `:` just opened. (The rows each key sees are its caller's
// business: see key-burst.ts.)
function pressKey(state: UiState, action: KeyAction): UiState {
	const context = keyContext(state);
	// A redraw is asked for the same way wherever the keys go (a dialog, the log pane, an input line).
	if (resolveKey(action.input, action.key, context) === 'redraw') {
		return {...state, redraws: (state.redraws ?? 0) + 1};
	}

	if (context === 'dialog') {
		return pressDialogKey(state, resolveKey(action.input, action.key, context), action.now);
	}

	if (context === 'picker') {
		return pickerCommand(state, resolveKey(action.input, action.key, context), action.now);
	}

	const pane = logPaneKey(state, action);
	if (pane !== undefined) {
		return pane;
	}

	const command = resolveKey(action.input, action.key, context);
	if (command === undefined) {
		// Only plain typing goes into a line: an unbound Ctrl/Alt chord or special key is ignored, not typed.
		const {key} = action;
		const typed = !key.ctrl && !key.meta && !key.escape && !key.return && !key.tab && action.input !== '';
		return typed ? typeText(state, action.input) : state;
	}

	// The log pane's own commands belong to the pane (state/log-pane/), and dialog and picker commands mean nothing
	// without a dialog or a picker.
	if (isLogCommand(command) || isDialogCommand(command) || isPickerCommand(command)) {
		return state;
	}

	const {input: _input, key: _key, ...view} = action;
	return uiReducer(state, {...view, type: command});
}

function runCommand(state: UiState, action: CommandAction): UiState {
	const entry = currentEntry(state);
	switch (action.type) {
		case 'cursor-down': return move(state, action, 1, 'line');
		case 'cursor-up': return move(state, action, -1, 'line');
		case 'page-down': return move(state, action, 1, 'page');
		case 'page-up': return move(state, action, -1, 'page');
		case 'cursor-top': return move(state, action, -1, 'end');
		case 'cursor-bottom': return move(state, action, 1, 'end');
		case 'open': return open(state, action);
		case 'back': {
			if (state.stack.length > 1) {
				return pop(state);
			}

			// At the root, Esc clears a kept filter (as in k9s) before it has nothing left to do.
			return state.filter === '' ? state : {...state, filter: ''};
		}

		// q: the screen on top closes (the log pane's own q closes the pane: state/log-pane/); a list is never above another screen.
		case 'leave': return state.stack.length > 1 ? pop(state) : state;
		case 'help': {
			return entry.screen.id === 'help' ? {...state, stack: state.stack.slice(0, -1)} : push(state, {id: 'help'});
		}

		case 'describe':
		case 'yaml': {
			const target = objectTarget(action.type, entry, action.rows);
			if (target === undefined) {
				return message(state, 'nothing selected', 'warning', action.now);
			}

			// d and y swap the text screen in place, so Esc still goes back to where it was opened.
			const onText = entry.screen.id === 'describe' || entry.screen.id === 'yaml';
			return onText ? replaceTop(state, {screen: {id: action.type, target}, index: 0, scroll: 0}) : push(state, {id: action.type, target});
		}

		case 'delete':
		case 'rerun':
		case 'trigger':
		case 'suspend': {
			return startAction(state, action.type, entry, action.rows, action.now, action.live);
		}

		// The filter line starts empty: typing after / never appends to the filter that was kept.
		case 'filter': return {...state, mode: 'filter', filter: ''};
		case 'command-line': return {...state, mode: 'command', command: ''};
		case 'input-submit': return state.mode === 'command' ? runCommandLine({...state, mode: 'normal'}, action) : {...state, mode: 'normal'};
		case 'input-cancel': return state.mode === 'filter' ? {...state, mode: 'normal', filter: ''} : {...state, mode: 'normal', command: ''};
		case 'input-backspace': return backspace(state);
		case 'input-clear': return state.mode === 'filter' ? {...state, filter: ''} : {...state, command: ''};
		case 'input-complete': return state.mode === 'command' ? {...state, command: completeCommand(state.command, action.names)} : state;
		case 'sort-name': return sorted(state, 'name', action.now);
		case 'sort-age': return sorted(state, 'age', action.now);
		case 'sort-status': return sorted(state, 'status', action.now);
		case 'all-namespaces': return setNamespace(state, undefined, action.now);
		case 'toggle-completed': {
			const hideCompleted = !state.hideCompleted;
			return message({...state, hideCompleted}, hideCompleted ? 'completed hidden (c shows them)' : 'completed shown', 'normal', action.now);
		}

		case 'text-wrap': {
			const wrap = !state.wrap;
			return message({...state, wrap, shift: 0}, wrap ? 'long lines wrapped (w: one row each)' : 'long lines cut (← → scroll)', 'normal', action.now);
		}

		case 'text-right': return state.wrap ? message(state, 'lines are wrapped (w unwraps them)', 'normal', action.now) : {...state, shift: state.shift + shiftStep};
		case 'text-left': return {...state, shift: Math.max(0, state.shift - shiftStep)};
		case 'toggle-wide': {
			const wide = !state.wide;
			return message({...state, wide}, wide ? 'wide: every column (Ctrl+W again: the ones that fit)' : 'columns that fit', 'normal', action.now);
		}

		case 'history': return openHistory(state, action.now);
		case 'forget-run': return startForget(state, entry, action.rows, action.now, action.live);
		case 'quit': return {...state, quit: true};
		case 'redraw': return {...state, redraws: (state.redraws ?? 0) + 1};
		default: {
			const request = objectRequest(action.type, entry, action.rows);
			return request === undefined ? message(state, 'nothing selected', 'warning', action.now) : requested(state, request, action.now);
		}
	}
}

function runCommandLine(state: UiState, action: CommandAction): UiState {
	const parsed = parseCommand(state.command);
	const cleared = {...state, command: ''};
	switch (parsed.kind) {
		case 'view': {
			// A filter belongs to the list it was typed on: the next view starts unfiltered, as in k9s.
			return {...cleared, filter: '', stack: [{screen: {id: parsed.view}, index: 0, scroll: 0}]};
		}

		case 'namespace': return setNamespace(cleared, parsed.namespace, action.now);
		case 'context': return requested(cleared, {kind: 'switch-context', name: parsed.name}, action.now);
		case 'pick': {
			return parsed.what === 'namespace'
				? openPicker(cleared, 'namespace', [allNamespaces, ...(action.names?.namespaces ?? [])], cleared.namespace ?? allNamespaces, action.now)
				: openPicker(cleared, 'context', action.names?.contexts ?? [], action.names?.currentContext, action.now);
		}

		case 'help': return currentEntry(cleared).screen.id === 'help' ? cleared : push(cleared, {id: 'help'});
		case 'history': return openHistory(cleared, action.now);
		case 'quit': return {...cleared, quit: true};
		case 'error': return message(cleared, parsed.message, 'error', action.now);
	}
}

// Closes the screen on top. A filter typed on the history belongs to it, as one typed on a list belongs to that list.
function pop(state: UiState): UiState {
	const closed = {...state, stack: state.stack.slice(0, -1)};
	return currentEntry(state).screen.id === 'history' ? {...closed, filter: ''} : closed;
}

// H or :history: the archive's runs over the screen the user was on (Esc comes back to it), read again from disk. The
// filter typed on a list belongs to that list.
function openHistory(state: UiState, now: number): UiState {
	const onHistory = currentEntry(state).screen.id === 'history';
	const opened = onHistory ? state : push({...state, filter: ''}, {id: 'history'});
	return requested(opened, {kind: 'load-history'}, now);
}

function typeText(state: UiState, text: string): UiState {
	// Pasted text may carry line breaks or control bytes: only printable characters go into a one-line input.
	const clean = [...text].filter((character) => character >= ' ' && character !== '\u007F').join('');
	switch (state.mode) {
		case 'filter': return {...state, filter: state.filter + clean};
		case 'command': return {...state, command: state.command + clean};
		default: return state;
	}
}

function backspace(state: UiState): UiState {
	if (state.mode === 'filter') {
		return {...state, filter: [...state.filter].slice(0, -1).join('')};
	}

	if (state.mode === 'command') {
		// Backspace on an empty command line closes it, as in vim and k9s.
		return state.command === '' ? {...state, mode: 'normal'} : {...state, command: [...state.command].slice(0, -1).join('')};
	}

	return state;
}

// How far ← and → move the text views' lines: a few words at a time.
const shiftStep = 16;

// The same sort key again turns the order around (as in k9s); another key starts that sort the usual way round.
function sorted(state: UiState, sort: UiState['sort'], now: number): UiState {
	const reverse = state.sort === sort ? !state.reverse : false;
	return message({...state, sort, reverse}, `sorted by ${sort}${sortArrow({sort, reverse, allNamespaces: false})}`, 'normal', now);
}

function setNamespace(state: UiState, namespace: string | undefined, now: number): UiState {
	return requested({...state, namespace}, {kind: 'set-namespace', namespace}, now);
}
