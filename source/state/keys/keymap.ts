/**
The one table of key bindings. Input resolution, the footer hints, the help screen and the readme's key table are all
generated from it, so a key cannot be documented in one place and bound differently in another.
*/
import type {Command} from './commands.js';
import {type KeyContext, type KeyPress, keyName} from './keys.js';

export type {Command} from './commands.js';
export type {KeyContext, KeyPress} from './keys.js';

/** One binding: the keys (see keys.ts for names), the command, the contexts where it applies and how help shows it. */
export type Binding = {
	readonly keys: readonly string[];
	readonly command: Command;
	readonly when: readonly KeyContext[];
	readonly description: string;
	readonly group: 'Navigation' | 'Views' | 'Table' | 'Text' | 'Actions' | 'Log pane' | 'Input line' | 'Confirmation dialog' | 'Picker' | 'General';
	/** Shown in the footer (the dialog's key line for dialog keys), with this short label. */
	readonly hint?: string;
	/** How many of the keys the hint shows, joined by `/` (default 1). */
	readonly hintKeys?: number;
	/** Destroys something: help marks it. */
	readonly dangerous?: boolean;
	/** Changes the cluster: refused in read-only mode by the cluster layer. */
	readonly mutating?: boolean;
};

const lists = ['jobs', 'cronjobs', 'pods'] as const;
const details = ['job-detail', 'cronjob-detail', 'pod-detail'] as const;
const screens = [...lists, ...details] as const;
const texts = ['help', 'describe', 'yaml'] as const;
// The archive's screens: its list of runs and one archived job.
const archive = ['history', 'archived-job'] as const;
// Every screen plus the log pane: where keys run commands rather than type into a line or answer a dialog.
const normal = [...screens, ...archive, ...texts, 'logs'] as const;
const inputs = ['filter', 'command'] as const;

/** Every binding, in the order help lists them. */
export const keymap: readonly Binding[] = [
	{keys: ['j', 'down'], command: 'cursor-down', when: normal, description: 'Down', group: 'Navigation'},
	{keys: ['k', 'up'], command: 'cursor-up', when: normal, description: 'Up', group: 'Navigation'},
	{keys: ['g', 'home'], command: 'cursor-top', when: normal, description: 'Top', group: 'Navigation'},
	{keys: ['G', 'end'], command: 'cursor-bottom', when: [...screens, ...archive, ...texts], description: 'Bottom', group: 'Navigation'},
	{keys: ['pagedown', 'ctrl+f'], command: 'page-down', when: normal, description: 'Page down', group: 'Navigation'},
	{keys: ['pageup', 'ctrl+b'], command: 'page-up', when: normal, description: 'Page up', group: 'Navigation'},
	{keys: ['enter'], command: 'open', when: [...lists, 'job-detail', 'cronjob-detail', 'history'], description: 'Open', group: 'Navigation', hint: 'Open'},
	{keys: ['escape'], command: 'back', when: normal, description: 'Back (a list: clear its filter)', group: 'Navigation', hint: 'Back'},
	{keys: [':'], command: 'command-line', when: normal, description: 'Command (:jobs :cj :pods :history :ns :ctx :q)', group: 'Views', hint: 'Command'},
	{keys: ['/'], command: 'filter', when: [...lists, 'history'], description: 'Filter (/re/, !neg, -l k=v)', group: 'Table', hint: 'Filter'},
	{keys: ['N'], command: 'sort-name', when: lists, description: 'Sort by name (again: reverse)', group: 'Table'},
	{keys: ['A'], command: 'sort-age', when: lists, description: 'Sort by age (newest first; again: reverse)', group: 'Table'},
	{keys: ['S'], command: 'sort-status', when: lists, description: 'Sort by status (worst first; again: reverse)', group: 'Table'},
	{keys: ['0'], command: 'all-namespaces', when: lists, description: 'All namespaces', group: 'Table'},
	{keys: ['c'], command: 'toggle-completed', when: ['jobs', 'pods'], description: 'Hide/show completed', group: 'Table'},
	{keys: ['l'], command: 'logs', when: [...screens, ...archive], description: 'Logs', group: 'Actions', hint: 'Logs'},
	{keys: ['p'], command: 'previous-logs', when: ['pods', 'pod-detail', 'job-detail'], description: 'Previous container logs', group: 'Actions'},
	{keys: ['d'], command: 'describe', when: [...screens, 'yaml'], description: 'Describe', group: 'Actions'},
	{keys: ['y'], command: 'yaml', when: [...screens, 'describe'], description: 'YAML', group: 'Actions'},
	{keys: ['ctrl+d'], command: 'delete', when: [...screens], description: 'Delete', group: 'Actions', dangerous: true, mutating: true},
	{keys: ['r'], command: 'rerun', when: ['jobs', 'job-detail'], description: 'Rerun job', group: 'Actions', mutating: true},
	{keys: ['t'], command: 'trigger', when: ['cronjobs', 'cronjob-detail'], description: 'Trigger now', group: 'Actions', mutating: true},
	{keys: ['s'], command: 'suspend', when: ['jobs', 'cronjobs', 'job-detail', 'cronjob-detail'], description: 'Suspend/resume', group: 'Actions', mutating: true},
	{keys: ['b'], command: 'notify', when: ['jobs', 'job-detail'], description: 'Notify (bell) when this job ends, however it ends', group: 'Actions'},
	{keys: ['f', 'G', 'end'], command: 'log-follow', when: ['logs'], description: 'Follow (resume)', group: 'Log pane', hint: 'Follow'},
	{keys: ['t'], command: 'log-timestamps', when: ['logs'], description: 'Timestamps', group: 'Log pane'},
	{keys: ['w'], command: 'log-wrap', when: ['logs'], description: 'Wrap', group: 'Log pane'},
	{keys: ['T'], command: 'log-since', when: ['logs'], description: 'Since: tail 100/1000/all, last 1m/5m/1h', group: 'Log pane'},
	{keys: ['/'], command: 'log-search', when: ['logs'], description: 'Search', group: 'Log pane', hint: 'Search'},
	{keys: ['n'], command: 'log-next-match', when: ['logs'], description: 'Next match', group: 'Log pane'},
	{keys: ['N'], command: 'log-previous-match', when: ['logs'], description: 'Previous match', group: 'Log pane'},
	{keys: ['m'], command: 'log-filter', when: ['logs'], description: 'Only matching lines', group: 'Log pane'},
	{keys: ['!'], command: 'log-invert', when: ['logs'], description: 'Invert filter', group: 'Log pane'},
	{keys: ['J'], command: 'log-json', when: ['logs'], description: 'Pretty-print JSON', group: 'Log pane'},
	{keys: ['s'], command: 'log-save', when: ['logs'], description: 'Save to a new file (asks where; Enter: ~/kjobs-logs)', group: 'Log pane'},
	{keys: ['z'], command: 'log-zoom', when: ['logs'], description: 'Split/full screen', group: 'Log pane', hint: 'Split/full'},
	{keys: ['c'], command: 'log-container', when: ['logs'], description: 'Container: each in turn, or all (pod logs)', group: 'Log pane'},
	{keys: ['enter'], command: 'input-submit', when: inputs, description: 'Keep filter / run command', group: 'Input line', hint: 'Keep / run'},
	{keys: ['escape'], command: 'input-cancel', when: inputs, description: 'Clear filter / cancel', group: 'Input line', hint: 'Clear / cancel'},
	{keys: ['tab'], command: 'input-complete', when: ['command'], description: 'Complete', group: 'Input line', hint: 'Complete'},
	{keys: ['backspace'], command: 'input-backspace', when: inputs, description: 'Delete a character', group: 'Input line'},
	{keys: ['ctrl+u'], command: 'input-clear', when: inputs, description: 'Clear the line', group: 'Input line'},
	// While a dialog is open every key goes to it; keys it does not bind do nothing.
	{keys: ['y', 'enter', 'Y'], command: 'dialog-confirm', when: ['dialog'], description: 'Confirm the selected choice', group: 'Confirmation dialog', hint: 'Confirm', hintKeys: 2},
	{keys: ['n', 'escape', 'N', 'q'], command: 'dialog-cancel', when: ['dialog'], description: 'Cancel', group: 'Confirmation dialog', hint: 'Cancel', hintKeys: 2},
	{keys: ['right', 'tab', 'down', 'l', 'j'], command: 'dialog-next', when: ['dialog'], description: 'Next choice (wraps)', group: 'Confirmation dialog', hint: 'Next', hintKeys: 2},
	{keys: ['left', 'shift+tab', 'up', 'h', 'k'], command: 'dialog-previous', when: ['dialog'], description: 'Previous choice (wraps)', group: 'Confirmation dialog', hint: 'Previous'},
	// :ns or :ctx without a name: every key goes to the list until a choice is made or Esc leaves it.
	{keys: ['j', 'down'], command: 'picker-down', when: ['picker'], description: 'Next name', group: 'Picker', hint: 'Move', hintKeys: 2},
	{keys: ['k', 'up'], command: 'picker-up', when: ['picker'], description: 'Previous name', group: 'Picker'},
	{keys: ['g', 'home'], command: 'picker-top', when: ['picker'], description: 'First name', group: 'Picker'},
	{keys: ['G', 'end'], command: 'picker-bottom', when: ['picker'], description: 'Last name', group: 'Picker'},
	{keys: ['enter'], command: 'picker-choose', when: ['picker'], description: 'Switch to the chosen name (:ns or :ctx alone opens this list)', group: 'Picker', hint: 'Choose'},
	{keys: ['escape', 'q'], command: 'picker-cancel', when: ['picker'], description: 'Leave the list, nothing changed', group: 'Picker', hint: 'Cancel'},
	{keys: ['?'], command: 'help', when: normal, description: 'Help', group: 'General', hint: 'Help'},
	// q leaves what is open, as in less and k9s; it quits only from a list, the first screen. Ctrl+C quits from anywhere.
	{keys: ['q'], command: 'quit', when: lists, description: 'Quit (from a list)', group: 'General', hint: 'Quit'},
	{keys: ['q'], command: 'leave', when: [...details, ...archive, ...texts, 'logs'], description: 'Back (quits only from a list)', group: 'General'},
	{keys: ['ctrl+c'], command: 'quit', when: [...normal, ...inputs, 'dialog', 'picker'], description: 'Quit from anywhere (so does :q)', group: 'General'},
	// Screen state: redraw, and how q, filters and the pickers behave (one block, so other tables merge cleanly).
	{keys: ['ctrl+l'], command: 'redraw', when: [...normal, ...inputs, 'dialog', 'picker'], description: 'Redraw the screen', group: 'General'},
	{keys: ['w'], command: 'text-wrap', when: [...details, 'archived-job', ...texts], description: 'Wrap long lines', group: 'Text'},
	{keys: ['right'], command: 'text-right', when: [...details, 'archived-job', ...texts, 'logs'], description: 'Scroll right (unwrapped)', group: 'Text'},
	{keys: ['left'], command: 'text-left', when: [...details, 'archived-job', ...texts, 'logs'], description: 'Scroll left', group: 'Text'},
	{keys: ['ctrl+w'], command: 'toggle-wide', when: lists, description: 'Wide: all columns, cut to fit (again: those that fit)', group: 'Table'},
	// The archive: runs kept on this machine, also of jobs the cluster has deleted.
	{keys: ['H'], command: 'history', when: [...lists, ...details, 'history'], description: 'History: archived runs, deleted jobs too (:history)', group: 'Views'},
	{keys: ['ctrl+d'], command: 'forget-run', when: archive, description: 'Delete from the archive (local copy only; asks first)', group: 'Actions', dangerous: true, hint: 'Delete'},
];

/** The command a key press runs in a context, or undefined when nothing is bound (text typed into an input line). */
export function resolveKey(input: string, key: KeyPress, context: KeyContext): Command | undefined {
	const name = keyName(input, key);
	if (name === undefined) {
		return undefined;
	}

	return keymap.find((binding) => binding.when.includes(context) && binding.keys.includes(name))?.command;
}

/** The bindings that apply in a context, in table order. */
export function bindingsFor(context: KeyContext): Binding[] {
	return keymap.filter((binding) => binding.when.includes(context));
}
