/**
Flags → a cluster connection, the one way every command (the screen, `kjobs get`, `kjobs wait`) reads the kubeconfig,
so they find the same file, pick the same context and namespace and fail with the same words.
*/
import {ConfigError} from '../cluster/connection/config-error.js';
import {type Connection, loadConnection} from '../cluster/connection/kubeconfig.js';
import {printableLines} from '../view-model/printable.js';

/** The connection flags as parsed. */
export type ConnectionFlags = {
	readonly kubeconfig?: string | undefined;
	readonly context?: string | undefined;
	readonly namespace?: string | undefined;
	readonly allNamespaces: boolean;
};

/** Loads the connection the flags name; throws ConfigError (or Error) with the message to print after `kjobs: `. */
export function connectWith(flags: ConnectionFlags, env: NodeJS.ProcessEnv, homeDir: string): Connection {
	return loadConnection({
		kubeconfig: flags.kubeconfig,
		context: flags.context,
		namespace: flags.namespace,
		allNamespaces: flags.allNamespaces,
		env,
		homeDir,
	});
}

/** The line a failed load prints (configuration problems name the file; nothing else leaks a stack trace; control characters made visible). */
export function connectError(error: unknown): string {
	return `kjobs: ${printableLines(error instanceof ConfigError || error instanceof Error ? error.message : String(error))}\n`;
}
