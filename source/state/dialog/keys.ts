/**
What the dialog's commands do to an open confirmation dialog: confirm the selected choice, cancel, or move between the
choices (wrapping). The keys that run them are the keymap's 'dialog' context, so help, the readme and the dialog's own
key line list them.
*/
import type {DialogCommand} from '../keys/commands.js';
import type {ConfirmDialog, DialogRequest} from './model.js';

/** What a command did: the dialog stays open (perhaps with another choice selected), closed, or confirmed a request. */
export type DialogOutcome =
	| {readonly type: 'open'; readonly dialog: ConfirmDialog}
	| {readonly type: 'cancel'}
	| {readonly type: 'confirm'; readonly request: DialogRequest};

/** Applies one dialog command to an open dialog. */
export function dialogKey(dialog: ConfirmDialog, command: DialogCommand): DialogOutcome {
	switch (command) {
		case 'dialog-confirm': {
			const choice = dialog.choices[dialog.selected] ?? dialog.choices[0];
			return choice ? {type: 'confirm', request: choice.request} : {type: 'cancel'};
		}

		case 'dialog-cancel': {
			return {type: 'cancel'};
		}

		case 'dialog-next':
		case 'dialog-previous': {
			const count = dialog.choices.length;
			if (count < 2) {
				return {type: 'open', dialog};
			}

			const step = command === 'dialog-next' ? 1 : -1;
			return {type: 'open', dialog: {...dialog, selected: (dialog.selected + step + count) % count}};
		}
	}
}
