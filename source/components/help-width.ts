/**
The width of the keys column of the help screen.
*/
import type {HelpLine} from '../state/keys/help-lines.js';

/** The widest key label among the help lines. */
export function keyLabelWidth(lines: readonly HelpLine[]): number {
	return Math.max(0, ...lines.map((line) => (line.kind === 'entry' ? [...line.entry.keys].length : 0)));
}
