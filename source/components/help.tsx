/**
The help screen: every key of the screen it was opened from, grouped, with dangerous and disabled actions marked, and
what the columns of its table mean. The lines come ready (helpTextLines, wrapped or shifted like any text screen).
*/
import type {Line} from '../view-model/detail/detail-lines.js';
import {Lines} from './lines.js';

/** Props of the help screen. */
export type HelpProps = {readonly lines: readonly Line[]; readonly width: number; readonly height: number; readonly offset: number; readonly noColor: boolean};

/** Draws the help lines from `offset`. */
export function Help({lines, width, height, offset, noColor}: HelpProps) {
	return <Lines lines={lines} width={width} height={height} offset={offset} noColor={noColor}/>;
}
