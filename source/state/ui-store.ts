/**
The UI state held outside React: `dispatch` reduces at once, so whoever dispatches can read the state a key left before
passing the next one (see key-burst.ts); the screen subscribes with useSyncExternalStore. One store per app instance.
*/
import {uiReducer} from './ui-reducer.js';
import type {UiAction} from './ui-actions.js';
import type {UiState} from './types.js';

/** The state, a dispatch that reduces synchronously, and a subscription for the screen. */
export type UiStore = {
	readonly getState: () => UiState;
	readonly dispatch: (action: UiAction) => void;
	readonly subscribe: (listener: () => void) => () => void;
};

/** Creates a store starting at `initial`. */
export function createUiStore(initial: UiState): UiStore {
	let state = initial;
	const listeners = new Set<() => void>();
	return {
		getState: () => state,
		dispatch(action) {
			const next = uiReducer(state, action);
			if (next === state) {
				return;
			}

			state = next;
			for (const listener of listeners) {
				listener();
			}
		},
		subscribe(listener) {
			listeners.add(listener);
			return () => {
				listeners.delete(listener);
			};
		},
	};
}
