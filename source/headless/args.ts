/**
Parsing a headless command's arguments with meow and the shared flag table. meow exits the process with code 2 on an
unknown flag by itself, and throws on a value outside a flag's choices; here both, and a `-l` that is not a label
selector, become a usage error the command answers with its own exit code (2 is `kjobs wait`'s timeout).
*/
import meow from 'meow';
import {type FlagSpec, meowFlags, selectorProblem, unknownFlags} from '../cli/flags.js';
import {version} from '../version.js';

/** Parsed arguments, or the usage error to print. */
export type Parsed<T> = {readonly ok: true; readonly flags: T; readonly input: readonly string[]; readonly help: string} | {readonly ok: false; readonly error: string};

/** Parses `argv` against `specs`. */
export function parseArgs<T>(argv: readonly string[], specs: Record<string, FlagSpec>, helpText: string): Parsed<T> {
	try {
		const cli = meow(helpText, {
			importMeta: import.meta,
			argv: [...argv],
			version,
			pkg: {name: 'kjobs', version},
			description: false,
			// Checked below: meow would exit the process.
			allowUnknownFlags: true,
			autoHelp: false,
			autoVersion: false,
			flags: meowFlags(specs) as never,
		});
		const unknown = unknownFlags(cli.unnormalizedFlags, specs);
		if (unknown.length > 0) {
			return {ok: false, error: `unknown flag${unknown.length > 1 ? 's' : ''}: ${unknown.join(' ')}`};
		}

		const selector = selectorProblem((cli.flags as {selector?: string}).selector);
		if (selector !== undefined) {
			return {ok: false, error: selector};
		}

		return {ok: true, flags: cli.flags as T, input: cli.input, help: cli.help};
	} catch (error) {
		return {ok: false, error: (error instanceof Error ? error.message : String(error)).replaceAll('`', '')};
	}
}
