/**
The namespace and context pickers that `:ns` and `:ctx` open when typed without a name: a list to choose from with
j/k (or the arrows) and Enter, Esc to leave it. Namespaces come from the objects the store holds (`all` first),
contexts from the kubeconfig; choosing one is the same as typing `:ns NAME` or `:ctx NAME`.
*/
import type {Command} from './keys/commands.js';
import type {Picker, UiState} from './types.js';
import {message, requested} from './ui-updates.js';

/** A picker over `choices` with the cursor on `current` when it is among them, else on the first. */
export function openPicker(state: UiState, kind: Picker['kind'], choices: readonly string[], current: string | undefined, now: number): UiState {
	if (choices.length === 0) {
		return message(state, kind === 'namespace' ? 'no namespaces seen yet: :ns NAME' : 'no contexts in the kubeconfig', 'warning', now);
	}

	return {...state, picker: {kind, choices, index: Math.max(0, current === undefined ? 0 : choices.indexOf(current))}};
}

/** A key command while a picker is open: move, choose or leave it. */
export function pickerCommand(state: UiState, command: Command | undefined, now: number): UiState {
	const {picker} = state;
	if (picker === undefined) {
		return state;
	}

	const last = picker.choices.length - 1;
	switch (command) {
		case 'picker-down': return {...state, picker: {...picker, index: Math.min(last, picker.index + 1)}};
		case 'picker-up': return {...state, picker: {...picker, index: Math.max(0, picker.index - 1)}};
		case 'picker-top': return {...state, picker: {...picker, index: 0}};
		case 'picker-bottom': return {...state, picker: {...picker, index: last}};
		case 'picker-cancel': return withoutPicker(state);
		case 'picker-choose': {
			const choice = picker.choices[picker.index];
			const closed = withoutPicker(state);
			if (choice === undefined) {
				return closed;
			}

			if (picker.kind === 'context') {
				return requested(closed, {kind: 'switch-context', name: choice}, now);
			}

			const namespace = choice === allNamespaces ? undefined : choice;
			return requested({...closed, namespace}, {kind: 'set-namespace', namespace}, now);
		}

		case 'quit': return {...state, quit: true};
		default: return state;
	}
}

/** The picker's first namespace choice, standing for every namespace (as `:ns all`). */
export const allNamespaces = 'all';

function withoutPicker(state: UiState): UiState {
	const {picker: _picker, ...rest} = state;
	return rest;
}
