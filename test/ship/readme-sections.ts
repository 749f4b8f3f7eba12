/**
The readme's generated sections: the Usage block (the `--help` text), the key table (from the keymap) and the column
tables (from the column specs, which help shows too). The tests compare them; `npm run readme` rewrites them after the
help text, the keymap or a column changes.
*/
import {helpText} from '../../source/cli.js';
import {keymapMarkdownTable} from '../../source/state/keys/keymap-help.js';
import {columnsMarkdownTable} from '../../source/view-model/table/column-table.js';

/** The `--help` text as the readme shows it: without the source's tab indent and the blank first and last lines. */
export function usageBlock(): string {
	return helpText.replace(/^\n+|\n+$/g, '').split('\n').map((line) => line.replace(/^\t/, '')).join('\n');
}

const usagePattern = /(## Usage\n\n```\n)([\s\S]*?)(\n```)/;
const keysPattern = /(<!-- keys:start -->\n)([\s\S]*?)(\n<!-- keys:end -->)/;
const columnsPattern = /(<!-- columns:start -->\n)([\s\S]*?)(\n<!-- columns:end -->)/;

/** The readme's Usage block and key table as they stand, or undefined where the section is missing. */
export function readmeSections(readme: string): {usage?: string; keys?: string; columns?: string} {
	return {usage: usagePattern.exec(readme)?.[2], keys: keysPattern.exec(readme)?.[2], columns: columnsPattern.exec(readme)?.[2]};
}

/** The readme with every generated section replaced by its current text. */
export function syncReadme(readme: string): string {
	return readme
		.replace(usagePattern, (_match, open: string, _old: string, close: string) => `${open}${usageBlock()}${close}`)
		.replace(keysPattern, (_match, open: string, _old: string, close: string) => `${open}${keymapMarkdownTable()}${close}`)
		.replace(columnsPattern, (_match, open: string, _old: string, close: string) => `${open}${columnsMarkdownTable()}${close}`);
}
