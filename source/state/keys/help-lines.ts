/**
The help screen as lines: a title per group, then one line per binding, so it scrolls like any list. Screens with a
table end with what each of its columns means, wrapped to the screen's width.
*/
import {columnSpecs} from '../../view-model/table/tables.js';
import type {ViewId} from '../../view-model/table/types.js';
import type {Line} from '../../view-model/detail/detail-lines.js';
import {wordWrap} from '../../view-model/word-wrap.js';
import {type DisabledReasons, type HelpEntry, helpFor} from './keymap-help.js';
import type {KeyContext} from './keys.js';

/** One line of help; a column's meaning takes several lines, the first with its title, the rest with `title: ''`. */
export type HelpLine =
	| {readonly kind: 'title'; readonly text: string}
	| {readonly kind: 'entry'; readonly entry: HelpEntry}
	| {readonly kind: 'column'; readonly title: string; readonly text: string}
	| {readonly kind: 'blank'};

const tableViews: Partial<Record<KeyContext, ViewId>> = {jobs: 'jobs', cronjobs: 'cronjobs', pods: 'pods'};

/** The help lines for the screen help was opened from, column meanings wrapped to `width` cells. */
export function helpLines(context: KeyContext, disabled: DisabledReasons = {}, width = 120): HelpLine[] {
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

	const view = tableViews[context];
	if (view !== undefined) {
		const columns = columnSpecs(view, true);
		const keysWidth = helpKeysWidth([...lines, ...columns.map((spec) => ({kind: 'column' as const, title: spec.title, text: ''}))]);
		lines.push({kind: 'blank'}, {kind: 'title', text: 'Columns'});
		for (const spec of columns) {
			// The same indent as an entry: two spaces, the keys column, two spaces.
			wordWrap(spec.help, width - keysWidth - 4).forEach((text, index) => {
				lines.push({kind: 'column', title: index === 0 ? spec.title : '', text});
			});
		}
	}

	return lines;
}

/**
The help lines as the screen draws them: titles bold, entries as `  KEYS  what it does` with dangerous ones marked and
disabled ones dimmed with the reason, column meanings indented under their title.
*/
export function helpTextLines(lines: readonly HelpLine[]): Line[] {
	const keysWidth = helpKeysWidth(lines);
	return lines.map((line, index) => {
		switch (line.kind) {
			case 'title': return {key: String(index), text: line.text, bold: true};
			case 'blank': return {key: String(index), text: ''};
			case 'column': return {key: String(index), text: `  ${line.title.padEnd(keysWidth)}  ${line.text}`};
			case 'entry': {
				const {entry} = line;
				const marks = `${entry.dangerous ? '  ⚠ dangerous' : ''}${entry.disabled === undefined ? '' : `  (disabled: ${entry.disabled})`}`;
				return {
					key: String(index),
					text: `  ${entry.keys.padEnd(keysWidth)}  ${entry.description}${marks}`,
					...(entry.disabled === undefined ? (entry.dangerous ? {tone: 'warning' as const} : {}) : {tone: 'muted' as const}),
				};
			}
		}
	});
}

/** The width of the help screen's first column: its widest key label or column title. */
export function helpKeysWidth(lines: readonly HelpLine[]): number {
	return Math.max(0, ...lines.map((line) => (line.kind === 'entry' ? [...line.entry.keys].length : (line.kind === 'column' ? [...line.title].length : 0))));
}
