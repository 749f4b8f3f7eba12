/**
Which lines of a describe screen stand out: the Warning rows of its Events table, so a failed pull or a back-off is seen
among the Normal events without reading every row.
*/
import type {Tone} from '../types.js';

// An Events row: two spaces, the type, then the column gap (describe's table, parts.ts).
const warningRow = /^ {2}Warning {2}/;

/** The tone of one describe line: `warning` for a Warning event row, else undefined. */
export function describeLineTone(line: string): Tone | undefined {
	return warningRow.test(line) ? 'warning' : undefined;
}
