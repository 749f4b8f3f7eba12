/**
The key line at the bottom of a confirmation dialog, generated from the keymap's 'dialog' context: the confirm hint names
what confirming does, and the choice keys are listed only when there is a choice to make.
*/
import {hintsFor, type KeyHint} from '../keys/keymap-help.js';
import type {ConfirmDialog} from './model.js';

/** The hints of an open dialog, e.g. `y/Enter Delete (Background)  n/Esc Cancel  →/Tab Next  ← Previous`. */
export function dialogHints(dialog: ConfirmDialog): KeyHint[] {
	const several = dialog.choices.length > 1;
	const selected = dialog.choices[dialog.selected];
	return hintsFor('dialog').flatMap((hint): KeyHint[] => {
		switch (hint.command) {
			case 'dialog-confirm': {
				return [{...hint, description: `${dialog.confirmLabel}${several && selected ? ` (${selected.label})` : ''}`}];
			}

			case 'dialog-next':
			case 'dialog-previous': {
				return several ? [hint] : [];
			}

			default: {
				return [hint];
			}
		}
	});
}
