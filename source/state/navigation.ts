/**
Moving around: the cursor over a screen's rows (by uid), scrolling detail info, and drilling down with Enter.
*/
import type {CommandAction} from './ui-actions.js';
import {selectedIndex, windowStart} from './selection.js';
import {currentEntry, isTextScreen} from './ui-state.js';
import type {Screen, UiState} from './types.js';
import {clamp, push, replaceTop} from './ui-updates.js';

const detailScreens: ReadonlySet<string> = new Set(['job-detail', 'cronjob-detail', 'pod-detail']);

// On detail screens PgUp/PgDn scroll the info above the table (a pod's screen has no table, so every move scrolls it).
/** Moves the cursor (or scrolls a detail screen's info) by a line, a page or to an end. */
export function move(state: UiState, action: CommandAction, direction: 1 | -1, unit: 'line' | 'page' | 'end'): UiState {
	const entry = currentEntry(state);
	const {info} = action;
	if (info !== undefined && detailScreens.has(entry.screen.id) && (unit === 'page' || entry.screen.id === 'pod-detail')) {
		const step = unit === 'line' ? 1 : unit === 'page' ? Math.max(1, info.height - 1) : Number.MAX_SAFE_INTEGER;
		const detailScroll = clamp((entry.detailScroll ?? 0) + (direction * step), 0, Math.max(0, info.lines - info.height));
		return replaceTop(state, {...entry, detailScroll});
	}

	const page = Math.max(1, action.page);
	const step = unit === 'line' ? 1 : unit === 'page' ? page : Number.MAX_SAFE_INTEGER;
	return moveCursor(state, action, direction * step);
}

function moveCursor(state: UiState, action: CommandAction, delta: number): UiState {
	const entry = currentEntry(state);
	if (isTextScreen(entry.screen)) {
		const maxScroll = Math.max(0, action.rows.length - action.page);
		return replaceTop(state, {...entry, scroll: clamp(entry.scroll + delta, 0, maxScroll)});
	}

	if (action.rows.length === 0) {
		return state;
	}

	const from = selectedIndex(action.rows, entry.selected, entry.index);
	const index = clamp(from + delta, 0, action.rows.length - 1);
	// The window moves only as far as needed to keep the cursor in view, with the same rule the table draws with.
	const scroll = windowStart(entry.scroll, index, action.page, action.rows.length);
	return replaceTop(state, {...entry, selected: action.rows[index], index, scroll});
}

/** Enter: opens the selected row's detail screen. */
export function open(state: UiState, action: CommandAction): UiState {
	const entry = currentEntry(state);
	const index = selectedIndex(action.rows, entry.selected, entry.index);
	const uid = action.rows[index];
	if (uid === undefined) {
		return state;
	}

	const next: Record<string, Screen['id'] | undefined> = {
		jobs: 'job-detail', cronjobs: 'cronjob-detail', pods: 'pod-detail', 'job-detail': 'pod-detail', 'cronjob-detail': 'job-detail', history: 'archived-job',
	};
	const id = next[entry.screen.id];
	if (id !== 'job-detail' && id !== 'cronjob-detail' && id !== 'pod-detail' && id !== 'archived-job') {
		return state;
	}

	// Remember the row the cursor was on, so Esc comes back to it.
	const marked = replaceTop(state, {...entry, selected: uid, index});
	return push(marked, {id, uid});
}
