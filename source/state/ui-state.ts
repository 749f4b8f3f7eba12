/**
The UI state kjobs opens with, and the selectors every part of the state layer reads it through: the screen on top,
where keys go, the table query.
*/
import type {TableQuery} from '../view-model/table/types.js';
import type {KeyContext} from './keys/keys.js';
import type {Screen, ScreenEntry, UiState, UiStateOptions} from './types.js';

/** The state kjobs opens with: the jobs view (or the one given), sorted by name, the given namespace. */
export function initialUiState(options: UiStateOptions): UiState {
	return {
		stack: [{screen: {id: options.view ?? 'jobs'}, index: 0, scroll: 0}],
		mode: 'normal',
		filter: '',
		command: '',
		sort: 'name',
		reverse: false,
		hideCompleted: false,
		wide: false,
		wrap: false,
		shift: 0,
		namespace: options.namespace,
		requests: [],
		nextSeq: 1,
		handlesRequests: options.handlesRequests,
		quit: false,
	};
}

/** The screen on top of the stack. */
export function currentEntry(state: UiState): ScreenEntry {
	// The stack is never empty (back stops at the root), so the fallback is never used.
	return state.stack.at(-1) ?? {screen: {id: 'jobs'}, index: 0, scroll: 0};
}

/** Where keys go: an open confirmation dialog takes them all, else the input line being typed in, else the screen on top. */
export function keyContext(state: UiState): KeyContext {
	if (state.dialog !== undefined) {
		return 'dialog';
	}

	if (state.picker !== undefined) {
		return 'picker';
	}

	if (state.mode !== 'normal') {
		return state.mode;
	}

	const {screen} = currentEntry(state);
	// The open log pane has the keys, unless a text screen (help) was opened over it.
	return state.logs !== undefined && !isTextScreen(screen) ? 'logs' : screen.id;
}

/**
Whether two states draw the same rows, page and info: rows depend on the screen on top of the stack (its object, not
just its kind) and on the table query; the selection, messages, dialog and input lines do not change them.
*/
export function drawsSameRows(a: UiState, b: UiState): boolean {
	return currentEntry(a).screen === currentEntry(b).screen && a.filter === b.filter && a.sort === b.sort && a.reverse === b.reverse
		&& a.hideCompleted === b.hideCompleted && a.wide === b.wide && a.wrap === b.wrap && a.shift === b.shift && a.namespace === b.namespace;
}

/** Screens that show scrolling text (help, describe, YAML): their cursor is the first line shown. */
export function isTextScreen(screen: Screen): boolean {
	return screen.id === 'help' || screen.id === 'describe' || screen.id === 'yaml';
}

/** The table query for the list views. */
export function tableQuery(state: UiState): TableQuery {
	return {filter: state.filter, sort: state.sort, reverse: state.reverse, hideCompleted: state.hideCompleted, allNamespaces: state.namespace === undefined};
}
