/**
The `:` command line: what each command means, and Tab completion of command names and of namespace/context names.
*/
import type {ViewId} from '../view-model/table/types.js';

/** A parsed command line. */
export type ParsedCommand =
	| {readonly kind: 'view'; readonly view: ViewId}
	| {readonly kind: 'namespace'; readonly namespace: string | undefined}
	| {readonly kind: 'context'; readonly name: string}
	/** `:ns` or `:ctx` alone: open the list to pick from. */
	| {readonly kind: 'pick'; readonly what: 'namespace' | 'context'}
	| {readonly kind: 'help'}
	/** `:history`: the archive's runs. */
	| {readonly kind: 'history'}
	| {readonly kind: 'quit'}
	| {readonly kind: 'error'; readonly message: string};

/** Names to complete arguments from. */
export type CompletionNames = {readonly namespaces?: readonly string[]; readonly contexts?: readonly string[]; readonly currentContext?: string};

const views: Record<string, ViewId> = {
	jobs: 'jobs', job: 'jobs', jo: 'jobs',
	cronjobs: 'cronjobs', cronjob: 'cronjobs', cj: 'cronjobs',
	pods: 'pods', pod: 'pods', po: 'pods',
};

/** The command names Tab completes, in the order they are offered. */
export const commandNames = ['jobs', 'cronjobs', 'cj', 'pods', 'history', 'ns', 'ctx', 'help', 'q', 'quit'] as const;

const usage = 'try :jobs, :cj, :pods, :history, :ns NAME, :ctx NAME, :q';

/** Parses what was typed after the colon. */
export function parseCommand(text: string): ParsedCommand {
	const [name = '', ...rest] = text.trim().split(/\s+/);
	const argument = rest.join(' ');
	const view = views[name];
	if (view !== undefined) {
		return argument === '' ? {kind: 'view', view} : {kind: 'error', message: `:${name} takes no argument`};
	}

	switch (name) {
		case 'ns':
		case 'namespace': {
			if (argument === '') {
				return {kind: 'pick', what: 'namespace'};
			}

			return {kind: 'namespace', namespace: argument === 'all' || argument === '-A' ? undefined : argument};
		}

		case 'ctx':
		case 'context': {
			return argument === '' ? {kind: 'pick', what: 'context'} : {kind: 'context', name: argument};
		}

		case 'help':
		case '?': {
			return {kind: 'help'};
		}

		case 'history':
		case 'hist': {
			return argument === '' ? {kind: 'history'} : {kind: 'error', message: `:${name} takes no argument`};
		}

		case 'q':
		case 'q!':
		case 'quit': {
			return {kind: 'quit'};
		}

		case '': {
			return {kind: 'error', message: `empty command (${usage})`};
		}

		default: {
			return {kind: 'error', message: `unknown command: ${name} (${usage})`};
		}
	}
}

/** What could complete the text: command names, or argument names after `ns `/`ctx `. */
export function completionCandidates(text: string, names: CompletionNames = {}): string[] {
	const match = /^(\S*)(\s+(.*))?$/.exec(text.trimStart());
	const name = match?.[1] ?? '';
	if (match?.[2] === undefined) {
		return commandNames.filter((candidate) => candidate.startsWith(name));
	}

	const argument = match[3] ?? '';
	const pool = name === 'ns' || name === 'namespace' ? ['all', ...(names.namespaces ?? [])] : name === 'ctx' || name === 'context' ? [...(names.contexts ?? [])] : [];
	return pool.filter((candidate) => candidate.startsWith(argument));
}

/**
Completes the text with Tab: to the one candidate (plus a space after `ns`/`ctx`, which take an argument), or to the
longest prefix the candidates share. Unchanged when nothing matches.
*/
export function completeCommand(text: string, names: CompletionNames = {}): string {
	const candidates = completionCandidates(text, names);
	if (candidates.length === 0) {
		return text;
	}

	const trimmed = text.trimStart();
	const spaceAt = trimmed.search(/\s/);
	const head = spaceAt === -1 ? '' : `${trimmed.slice(0, spaceAt)} `;
	const completed = candidates.length === 1 ? candidates[0] ?? '' : commonPrefix(candidates);
	const takesArgument = head === '' && candidates.length === 1 && (completed === 'ns' || completed === 'ctx');
	const result = head + completed + (takesArgument ? ' ' : '');
	return result.length >= trimmed.length ? result : trimmed;
}

function commonPrefix(words: readonly string[]): string {
	let prefix = words[0] ?? '';
	for (const word of words) {
		while (!word.startsWith(prefix)) {
			prefix = prefix.slice(0, -1);
		}
	}

	return prefix;
}
