/**
Reading kubeconfig files the way kubectl does: several files merged (the first to define a name wins), each with its
relative paths resolved against its own folder, and errors that name the file without echoing its contents.
*/
import {readFileSync} from 'node:fs';
import {KubeConfig, type Cluster, type Context, type User} from '@kubernetes/client-node';
import {parse} from 'yaml';
import {ConfigError} from './config-error.js';
import {resolvePluginCommand} from './exec-credential.js';

/** What a set of kubeconfig files add up to. */
export type MergedConfig = {clusters: Cluster[]; users: User[]; contexts: Context[]; currentContext: string};

/** Reads and parses one kubeconfig file; throws ConfigError naming the file and the problem. */
export function readKubeconfigFile(file: string): KubeConfig {
	let text: string;
	try {
		text = readFileSync(file, 'utf8');
	} catch (error) {
		throw new ConfigError(`cannot read kubeconfig ${file}: ${describeFsError(error)}`);
	}

	const kc = new KubeConfig();
	if (text.trim() === '') {
		// kubectl treats an empty file as an empty config rather than an error.
		kc.loadFromOptions({clusters: [], users: [], contexts: [], currentContext: ''});
		return kc;
	}

	try {
		kc.loadFromFile(file);
	} catch (error) {
		throw new ConfigError(`kubeconfig ${file} is not valid: ${describeParseError(error)}`);
	}

	// client-node accepts any YAML document, even a bare string, as an empty config; kubectl rejects it. Only a config
	// that came out empty can be one of those, so only then is the text parsed again (a second full parse of a large
	// kubeconfig costs seconds).
	const empty = kc.getClusters().length === 0 && kc.getUsers().length === 0 && kc.getContexts().length === 0 && !kc.getCurrentContext();
	if (empty && !isMapping(text)) {
		throw new ConfigError(`kubeconfig ${file} is not valid: ${notAKubeconfig}`);
	}

	// client-node resolves the file's certificate paths but leaves the exec command to the working directory.
	kc.users = kc.users.map(user => {
		const exec = user.exec as {command?: unknown} | undefined;
		return typeof exec?.command === 'string' ? {...user, exec: {...exec, command: resolvePluginCommand(exec.command, file)}} : user;
	});
	return kc;
}

/** Merges loaded files like kubectl: the first file that names a cluster, user, context or current context wins. */
export function mergeKubeconfigs(configs: readonly KubeConfig[]): MergedConfig {
	const merged: MergedConfig = {clusters: [], users: [], contexts: [], currentContext: ''};
	// Names already taken, per list: a lookup per entry keeps merging linear in the number of entries.
	const taken = new Map<unknown[], Set<string>>();
	const add = <T extends {name: string}>(into: T[], items: readonly T[] | undefined) => {
		let names = taken.get(into);
		if (!names) {
			names = new Set();
			taken.set(into, names);
		}

		for (const item of items ?? []) {
			if (!names.has(item.name)) {
				names.add(item.name);
				into.push(item);
			}
		}
	};

	for (const kc of configs) {
		add(merged.clusters, kc.getClusters());
		add(merged.users, kc.getUsers());
		add(merged.contexts, kc.getContexts());
		merged.currentContext ||= kc.getCurrentContext() ?? '';
	}

	return merged;
}

const notAKubeconfig = 'not a kubeconfig (expected a mapping with clusters, contexts and users)';

function isMapping(text: string): boolean {
	try {
		const value: unknown = parse(text);
		return value === null || (typeof value === 'object' && !Array.isArray(value));
	} catch {
		return true;
	}
}

function describeFsError(error: unknown): string {
	const code = (error as NodeJS.ErrnoException).code;
	switch (code) {
		case 'ENOENT': {
			return 'no such file';
		}

		case 'EACCES':
		case 'EPERM': {
			return 'permission denied';
		}

		case 'EISDIR': {
			return 'it is a directory';
		}

		default: {
			return code ?? 'unreadable';
		}
	}
}

// js-yaml's message quotes the offending lines, which may hold a token: keep only the reason and the line number.
function describeParseError(error: unknown): string {
	const yamlError = error as {name?: string; reason?: string; mark?: {line?: number; column?: number}};
	if (yamlError.name === 'YAMLException') {
		const line = yamlError.mark?.line === undefined ? '' : ` (line ${yamlError.mark.line + 1})`;
		return `${yamlError.reason ?? 'malformed YAML'}${line}`;
	}

	if (error instanceof TypeError) {
		return notAKubeconfig;
	}

	// client-node's own checks say which entry lacks which field, e.g. "clusters[0].cluster.server is missing".
	return error instanceof Error ? error.message.split('\n')[0]! : 'malformed';
}
