/**
The help screen as lines: a title per group, then one line per binding, so it scrolls like any list.
*/
import {type DisabledReasons, type HelpEntry, helpFor} from './keymap-help.js';
import type {KeyContext} from './keys.js';

/** One line of help. */
export type HelpLine =
	| {readonly kind: 'title'; readonly text: string}
	| {readonly kind: 'entry'; readonly entry: HelpEntry}
	| {readonly kind: 'blank'};

/** The help lines for the screen help was opened from. */
export function helpLines(context: KeyContext, disabled: DisabledReasons = {}): HelpLine[] {
	const lines: HelpLine[] = [];
	for (const group of helpFor(context, disabled)) {
		if (lines.length > 0) {
			lines.push({kind: 'blank'});
		}

		lines.push({kind: 'title', text: group.title});
		for (const entry of group.entries) {
			lines.push({kind: 'entry', entry});
		}
	}

	return lines;
}
