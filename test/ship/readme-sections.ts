/**
The readme's generated sections: the Usage block (the `--help` text) and the key table (from the keymap). The tests
compare them; `npm run readme` rewrites them after the help text or the keymap changes.
*/
import {helpText} from '../../source/cli.js';
import {keymapMarkdownTable} from '../../source/state/keys/keymap-help.js';

/** The `--help` text as the readme shows it: without the source's tab indent and the blank first and last lines. */
export function usageBlock(): string {
	return helpText.replace(/^\n+|\n+$/g, '').split('\n').map((line) => line.replace(/^\t/, '')).join('\n');
}

const usagePattern = /(## Usage\n\n```\n)([\s\S]*?)(\n```)/;
const keysPattern = /(<!-- keys:start -->\n)([\s\S]*?)(\n<!-- keys:end -->)/;

/** The readme's Usage block and key table as they stand, or undefined where the section is missing. */
export function readmeSections(readme: string): {usage?: string; keys?: string} {
	return {usage: usagePattern.exec(readme)?.[2], keys: keysPattern.exec(readme)?.[2]};
}

/** The readme with both generated sections replaced by their current text. */
export function syncReadme(readme: string): string {
	return readme
		.replace(usagePattern, (_match, open: string, _old: string, close: string) => `${open}${usageBlock()}${close}`)
		.replace(keysPattern, (_match, open: string, _old: string, close: string) => `${open}${keymapMarkdownTable()}${close}`);
}
