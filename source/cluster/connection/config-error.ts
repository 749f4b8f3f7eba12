/**
The one error type for a configuration problem the user must fix: the CLI prints its message and exits with 1.
*/

/** A kubeconfig or flag problem. The message is one or two lines naming the thing; never a stack trace or a credential. */
export class ConfigError extends Error {
	override readonly name = 'ConfigError';
}
