/**
Keys that arrive in one read (a paste, `tmux send-keys`, fast typing over a slow link) are reduced one after another
before the next render. Each must see the rows of the state the previous key left, not the rows last drawn: after `Esc`
or `/name⏎` those belong to another screen. So the keys go to the store one at a time, and before each one the view is
the drawn one while the state still draws the same rows, else one computed for the state as it is now.
*/
import type {LedgerData} from '../archive/ledger.js';
import type {HistoryData} from '../archive/types.js';
import type {StoreView} from '../store/types.js';
import type {TableEngine} from '../view-model/table/engine.js';
import type {KeyPress} from './keys/keys.js';
import type {Layout} from './layout.js';
import {measure} from './screen-measure.js';
import {type DisabledFor, screenData} from './screen-model.js';
import type {ViewContext} from './ui-actions.js';
import {drawsSameRows} from './ui-state.js';
import type {UiStore} from './ui-store.js';
import type {UiState} from './types.js';

/** The screen as last drawn: the state it was drawn for, the view a key there carries, and what it was drawn from. */
export type DrawnScreen = {
	readonly state: UiState;
	readonly view: ViewContext;
	/** The whole snapshot (each state scopes it to its namespace), the terminal's layout and help's disabled reasons. */
	readonly snapshot: StoreView;
	readonly layout: Layout;
	readonly disabled: DisabledFor;
	/** The table engine the screen was drawn with (the session's). */
	readonly engine: TableEngine;
	/** The archive as drawn (the history screen's rows). */
	readonly history?: HistoryData;
	/** The cron jobs' run ledgers as drawn. */
	readonly ledgers?: LedgerData;
};

/** One key press as the keymap reads it. */
export type Press = {readonly input: string; readonly key: KeyPress};

/** The view a key pressed in `state` carries. */
export function viewFor(state: UiState, drawn: DrawnScreen): ViewContext {
	if (drawsSameRows(drawn.state, state)) {
		return drawn.view;
	}

	const snapshot = drawn.engine.scope(drawn.snapshot, state.namespace);
	const data = screenData(drawn.engine, state, snapshot, drawn.view.now, drawn.layout.width, drawn.disabled, drawn.history, drawn.ledgers);
	const {page, info} = measure(data, drawn.layout);
	const {info: _drawnInfo, ...view} = drawn.view;
	return {...view, rows: data.rowIds, page, ...(info === undefined ? {} : {info}), live: {...view.live, snapshot}};
}

/** Hands `presses` to the store one at a time, each with the view of the state the previous one left. */
export function pressKeys(store: UiStore, presses: readonly Press[], drawn: DrawnScreen): void {
	for (const press of presses) {
		store.dispatch({type: 'key-press', input: press.input, key: press.key, ...viewFor(store.getState(), drawn)});
	}
}
