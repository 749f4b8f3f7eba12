/**
Ctrl+L: each new redraw request in the UI state repaints the whole terminal from the last frame, over whatever else
wrote to it (another program's message, a terminal that lost its contents).
*/
import {useStdout} from 'ink';
import {useEffect} from 'react';
import {redrawScreen} from '../terminal/diff-stdout.js';

/** Repaints the terminal whenever `redraws` grows (on a stdout that is not kjobs' own, it does nothing). */
export function useRedraw(redraws: number | undefined): void {
	const {stdout} = useStdout();
	useEffect(() => {
		if ((redraws ?? 0) > 0) {
			redrawScreen(stdout);
		}
	}, [redraws, stdout]);
}
