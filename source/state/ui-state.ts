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
		hideCompleted: false,
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

/** Where keys go: the input line being typed in, else the screen on top. */
export function keyContext(state: UiState): KeyContext {
	if (state.mode !== 'normal') {
		return state.mode;
	}

	const {screen} = currentEntry(state);
	// The open log pane has the keys, unless a text screen (help) was opened over it.
	return state.logs !== undefined && !isTextScreen(screen) ? 'logs' : screen.id;
}

/** Screens that show scrolling text (help, describe, YAML): their cursor is the first line shown. */
export function isTextScreen(screen: Screen): boolean {
	return screen.id === 'help' || screen.id === 'describe' || screen.id === 'yaml';
}

/** The table query for the list views. */
export function tableQuery(state: UiState): TableQuery {
	return {filter: state.filter, sort: state.sort, hideCompleted: state.hideCompleted, allNamespaces: state.namespace === undefined};
}
