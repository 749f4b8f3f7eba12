/**
The help screen: every key of the screen it was opened from, grouped, with dangerous and disabled actions marked, and
what the columns of its table mean.
*/
import {helpKeysWidth, type HelpLine} from '../state/keys/help-lines.js';
import type {Line} from '../view-model/detail/detail-lines.js';
import {Lines} from './lines.js';

/** Props of the help screen. */
export type HelpProps = {readonly lines: readonly HelpLine[]; readonly width: number; readonly height: number; readonly offset: number; readonly noColor: boolean};

/** Draws the help lines from `offset`. */
export function Help({lines, width, height, offset, noColor}: HelpProps) {
	const keysWidth = helpKeysWidth(lines);
	const drawn: Line[] = lines.map((line, index) => {
		switch (line.kind) {
			case 'title': return {key: String(index), text: line.text, bold: true};
			case 'blank': return {key: String(index), text: ''};
			case 'column': return {key: String(index), text: `  ${line.title.padEnd(keysWidth)}  ${line.text}`};
			case 'entry': {
				const {entry} = line;
				const marks = `${entry.dangerous ? '  ⚠ dangerous' : ''}${entry.disabled === undefined ? '' : `  (disabled: ${entry.disabled})`}`;
				return {
					key: String(index),
					text: `  ${entry.keys.padEnd(keysWidth)}  ${entry.description}${marks}`,
					...(entry.disabled === undefined ? (entry.dangerous ? {tone: 'warning' as const} : {}) : {tone: 'muted' as const}),
				};
			}
		}
	});
	return <Lines lines={drawn} width={width} height={height} offset={offset} noColor={noColor}/>;
}
