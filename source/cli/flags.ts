/**
The command-line flags, defined once: the watch screen, `kjobs get` and `kjobs wait` parse the same connection flags
(kubeconfig, context, namespace, selector, read-only, colour) from this table, and `--help` prints its lines, so a
flag cannot mean one thing on the screen and another in a script.
*/
import {parseLabelSelector} from '../kube/labels/parser.js';

/** A flag as meow reads it, plus the line `--help` shows for it. */
export type FlagSpec = {
	readonly type: 'string' | 'boolean';
	readonly shortFlag?: string;
	readonly default?: string | boolean;
	readonly choices?: readonly string[];
	/** The left part of the help line, e.g. `-n, --namespace NAME`. */
	readonly usage: string;
	/** What the flag does, for the help line. */
	readonly text: string;
};

/** The flags that say which cluster, which objects and how to print: shared by every command that talks to a cluster. */
export const connectionFlags = {
	kubeconfig: {type: 'string', usage: '--kubeconfig FILE', text: 'Kubeconfig to use (default: $KUBECONFIG, ~/.kube/config, then the in-cluster service account)'},
	context: {type: 'string', usage: '--context NAME', text: 'Context to use (default: the current context)'},
	namespace: {type: 'string', shortFlag: 'n', usage: '-n, --namespace NAME', text: 'Namespace to watch (default: the context\'s namespace, else "default")'},
	allNamespaces: {type: 'boolean', shortFlag: 'A', default: false, usage: '-A, --all-namespaces', text: 'Watch every namespace'},
	selector: {type: 'string', shortFlag: 'l', usage: '-l, --selector QUERY', text: 'Only jobs and cron jobs matching a label selector, and those cron jobs\' runs, e.g. team=data,tier!=dev'},
	readonly: {type: 'boolean', default: false, usage: '--readonly', text: 'Refuse every change to the cluster (delete, rerun, trigger, suspend)'},
	color: {type: 'boolean', default: true, usage: '--no-color', text: 'No colours (also when NO_COLOR is set)'},
} as const satisfies Record<string, FlagSpec>;

/** The watch screen's own flags. */
export const screenFlags = {
	demo: {type: 'boolean', default: false, usage: '--demo', text: 'Open the read-only demo on the built-in simulated cluster (no cluster needed)'},
	notify: {
		type: 'string', default: 'failed', choices: ['failed', 'all', 'off'], usage: '--notify failed|all|off',
		text: 'Bell and desktop notification when a job ends: failed ones (default), all, or off (jobs marked with b always)',
	},
	archive: {type: 'boolean', default: true, usage: '--no-archive', text: 'Do not keep finished runs (logs, events, pod statuses) in $XDG_STATE_HOME/kjobs/archive'},
	archiveMaxSize: {type: 'string', default: '500MB', usage: '--archive-max-size SIZE', text: 'Most disk space the archive takes, oldest runs deleted first (default 500MB; e.g. 2GB)'},
} as const satisfies Record<string, FlagSpec>;

/** `kjobs get`'s own flags. */
export const getFlags = {
	output: {type: 'string', shortFlag: 'o', default: 'table', choices: ['table', 'wide', 'json'], usage: '-o, --output table|wide|json', text: 'Table fitted to the width (default), every column, or JSON'},
} as const satisfies Record<string, FlagSpec>;

/** `kjobs wait`'s own flags. */
export const waitFlags = {
	for: {type: 'string', default: 'complete', choices: ['complete', 'failed', 'finished'], usage: '--for complete|failed|finished', text: 'What counts as success: the job completes (default), fails, or ends either way'},
	timeout: {type: 'string', usage: '--timeout DURATION', text: 'Give up after this long, e.g. 90s, 10m, 1h30m (default: no limit)'},
	logs: {type: 'boolean', default: false, usage: '--logs', text: 'Stream the logs of every attempt while waiting'},
	run: {type: 'string', choices: ['manual'], usage: '--run manual', text: 'For a cron job: start a run now (as kubectl create job --from) and wait for it'},
} as const satisfies Record<string, FlagSpec>;

/** Flags every command answers. */
export const generalFlags = {
	// meow answers these only when they stand alone; beside other flags they would be ignored and a session
	// (perhaps read-write, on prod) opened instead of the help the user asked for.
	help: {type: 'boolean', default: false, usage: '--help', text: 'Print this help'},
	version: {type: 'boolean', default: false, usage: '--version', text: 'Print the version'},
} as const satisfies Record<string, FlagSpec>;

/** A spec as meow's types read it (so a flag with a default parses to a value, one without to value | undefined). */
export type MeowFlag<S extends FlagSpec> = S extends {type: 'boolean'}
	? (S extends {default: boolean} ? {type: 'boolean'; shortFlag?: string; default: boolean} : {type: 'boolean'; shortFlag?: string})
	: (S extends {default: string} ? {type: 'string'; shortFlag?: string; default: string; choices?: string[]} : {type: 'string'; shortFlag?: string; choices?: string[]});

/** Flag definitions as meow takes them (without the help text). */
export function meowFlags<T extends Record<string, FlagSpec>>(specs: T): {[K in keyof T]: MeowFlag<T[K]>} {
	return Object.fromEntries(Object.entries(specs).map(([name, {usage: _usage, text: _text, choices, ...flag}]) => [name, choices ? {...flag, choices: [...choices]} : flag])) as {[K in keyof T]: MeowFlag<T[K]>};
}

/** The help lines of some flags, aligned in two columns (two spaces past the longest) and indented like the rest of the help text. */
export function flagLines(...groups: ReadonlyArray<Record<string, FlagSpec>>): string {
	const specs = groups.flatMap(group => Object.values(group));
	const width = Math.max(...specs.map(spec => spec.usage.length)) + 2;
	return specs.map(spec => `\t  ${spec.usage.padEnd(width)}${spec.text}`).join('\n');
}

/**
Names in `parsed` (meow's flags, before it drops aliases) that no spec defines: meow would exit 2 on them by itself,
which for `kjobs wait` is the timeout's code, so the headless commands check and answer with their own usage error.
*/
export function unknownFlags(parsed: Record<string, unknown>, specs: Record<string, FlagSpec>): string[] {
	const known = new Set<string>();
	for (const [name, spec] of Object.entries(specs)) {
		known.add(name);
		known.add(name.replaceAll(/[A-Z]/g, letter => `-${letter.toLowerCase()}`));
		if (spec.shortFlag) {
			known.add(spec.shortFlag);
		}
	}

	return Object.keys(parsed).filter(name => !known.has(name)).map(name => (name.length === 1 ? `-${name}` : `--${name.replaceAll(/[A-Z]/g, letter => `-${letter.toLowerCase()}`)}`));
}

/**
Why a `-l` value cannot be used, or undefined when it can (or was not given): checked before anything connects, so a
typo is a usage error in one line rather than a screen whose jobs watch the API server refuses.
*/
export function selectorProblem(selector: string | undefined): string | undefined {
	if (selector === undefined) {
		return undefined;
	}

	try {
		parseLabelSelector(selector);
		return undefined;
	} catch (error) {
		return `-l: ${error instanceof Error ? error.message : String(error)}`;
	}
}
