/**
Text generated from the keymap: the footer's hints, the help screen's groups and the readme's key table.
*/
import type {Command} from './commands.js';
import {type Binding, bindingsFor, keymap} from './keymap.js';
import {type KeyContext, keyLabel} from './keys.js';

/** One footer hint, e.g. `{keys: 'Enter', command: 'open', description: 'Open'}`. */
export type KeyHint = {readonly keys: string; readonly command: Command; readonly description: string};

/** One help entry: its keys as shown, what it does, and why it is disabled if it is. */
export type HelpEntry = {
	readonly keys: string;
	readonly command: Command;
	readonly description: string;
	readonly dangerous: boolean;
	readonly mutating: boolean;
	readonly disabled?: string;
};

/** A titled group of help entries. */
export type HelpGroup = {readonly title: string; readonly entries: readonly HelpEntry[]};

/** Why commands are unavailable (read-only mode, RBAC), by command. */
export type DisabledReasons = Partial<Record<Command, string>>;

function keysText(binding: Binding, short: boolean): string {
	const keys = short ? binding.keys.slice(0, binding.hintKeys ?? 1) : binding.keys;
	return keys.map((key) => keyLabel(key)).join(short ? '/' : ' ');
}

/** The footer hints for a context: the bindings with a `hint` label, their first key (or `hintKeys` keys), in table order. */
export function hintsFor(context: KeyContext): KeyHint[] {
	return bindingsFor(context).flatMap((binding) => (binding.hint === undefined ? [] : [{keys: keysText(binding, true), command: binding.command, description: binding.hint}]));
}

function entry(binding: Binding, disabled: DisabledReasons): HelpEntry {
	const reason = disabled[binding.command];
	return {
		keys: keysText(binding, false),
		command: binding.command,
		description: binding.description,
		dangerous: binding.dangerous === true,
		mutating: binding.mutating === true,
		...(reason === undefined ? {} : {disabled: reason}),
	};
}

function grouped(bindings: readonly Binding[], disabled: DisabledReasons): HelpGroup[] {
	const groups: HelpGroup[] = [];
	for (const binding of bindings) {
		const group = groups.find((candidate) => candidate.title === binding.group);
		if (group) {
			(group.entries as HelpEntry[]).push(entry(binding, disabled));
		} else {
			groups.push({title: binding.group, entries: [entry(binding, disabled)]});
		}
	}

	return groups;
}

const dialogActions: ReadonlySet<Command> = new Set(['delete', 'rerun', 'trigger', 'suspend', 'forget-run']);

/**
Every key of a screen, grouped, with the disabled reasons given. Screens that can open the log pane or a confirmation
dialog also list the pane's or the dialog's keys, so help shows them before either is open (the dialog takes every key,
help included, so they could not be looked up later).
*/
export function helpFor(context: KeyContext, disabled: DisabledReasons = {}): HelpGroup[] {
	const own = bindingsFor(context);
	const opensLogs = own.some((binding) => binding.command === 'logs') && context !== 'logs';
	const pane = opensLogs ? bindingsFor('logs').filter((binding) => binding.group === 'Log pane') : [];
	const opensDialog = own.some((binding) => dialogActions.has(binding.command));
	const dialog = opensDialog ? bindingsFor('dialog').filter((binding) => binding.group === 'Confirmation dialog') : [];
	return grouped([...own, ...pane, ...dialog], disabled);
}

const contextTitles: Record<KeyContext, string> = {
	jobs: 'Jobs', cronjobs: 'CronJobs', pods: 'Pods', 'job-detail': 'Job detail', 'cronjob-detail': 'CronJob detail',
	'pod-detail': 'Pod detail', history: 'History', 'archived-job': 'Archived job', help: 'Help', describe: 'Describe', yaml: 'YAML', logs: 'Log pane', filter: 'Filter line', command: 'Command line',
	dialog: 'Confirmation dialog', picker: 'Namespace/context picker',
};

/** The readme's key table, one row per binding, generated so that it cannot drift from the keymap. */
export function keymapMarkdownTable(): string {
	const lines = ['| Keys | Action | Where |', '| --- | --- | --- |'];
	for (const binding of keymap) {
		const keys = binding.keys.map((key) => `\`${keyLabel(key).replace('|', '\\|')}\``).join(' ');
		const marks = `${binding.mutating ? ' (changes the cluster)' : ''}`;
		const where = binding.when.map((context) => contextTitles[context]).join(', ');
		lines.push(`| ${keys} | ${binding.description}${marks} | ${where} |`);
	}

	return lines.join('\n');
}
