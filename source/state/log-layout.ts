/**
How the body is shared when the log pane is open: split (the screen above, the pane below) or the pane alone.
*/

/** The heights of the screen above the pane and of the pane (title and status rows included). */
export type LogSplit = {readonly screenHeight: number; readonly tableHeight: number; readonly paneHeight: number};

/**
Divides `bodyHeight`: without a pane the screen keeps it all; split gives the screen a third (at least 3 rows, for the
table title and the selected row to stay in sight) and the pane the rest; full screen gives the pane everything.
*/
export function logSplit(bodyHeight: number, tableHeight: number, pane: 'split' | 'full' | undefined): LogSplit {
	if (pane === undefined) {
		return {screenHeight: bodyHeight, tableHeight, paneHeight: 0};
	}

	if (pane === 'full') {
		return {screenHeight: 0, tableHeight: 0, paneHeight: bodyHeight};
	}

	const screenHeight = Math.max(3, Math.floor(bodyHeight / 3));
	return {screenHeight, tableHeight: Math.min(tableHeight, screenHeight), paneHeight: Math.max(0, bodyHeight - screenHeight)};
}
