/**
Keys in an open confirmation dialog: `y` or Enter confirms the selected choice, `n` or Esc cancels, arrows and Tab
move between choices (wrapping). Every other key is ignored while the dialog is open.
*/
import type {ActionRequest} from '../../cluster/actions/types.js';
import type {ConfirmDialog} from './model.js';

/** What a key did: the dialog stays open (perhaps with another choice selected), closed, or confirmed a request. */
export type DialogOutcome =
	| {readonly type: 'open'; readonly dialog: ConfirmDialog}
	| {readonly type: 'cancel'}
	| {readonly type: 'confirm'; readonly request: ActionRequest};

const next = new Set(['right', 'down', 'tab', 'l', 'j']);
const previous = new Set(['left', 'up', 'shift+tab', 'h', 'k']);

/** Applies one key (a name from keyName: `y`, `enter`, `escape`, `left`, `tab`…) to an open dialog. */
export function dialogKey(dialog: ConfirmDialog, key: string): DialogOutcome {
	if (key === 'y' || key === 'Y' || key === 'enter') {
		const choice = dialog.choices[dialog.selected] ?? dialog.choices[0];
		return choice ? {type: 'confirm', request: choice.request} : {type: 'cancel'};
	}

	if (key === 'n' || key === 'N' || key === 'escape' || key === 'q') {
		return {type: 'cancel'};
	}

	const count = dialog.choices.length;
	if (count > 1 && (next.has(key) || previous.has(key))) {
		const step = next.has(key) ? 1 : -1;
		return {type: 'open', dialog: {...dialog, selected: (dialog.selected + step + count) % count}};
	}

	return {type: 'open', dialog};
}
