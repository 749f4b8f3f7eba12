/**
How the frame is divided: header, breadcrumb, body, input/message line and key hints, never taller than rows − 1.
*/

/** The smallest terminal kjobs draws its screen in. */
export const minimumSize = {columns: 60, rows: 12} as const;

/** Lines outside the body: two header lines, the breadcrumb, the message/input line and the key hints. */
export const chromeLines = 5;

/** The frame's plan for a terminal size. */
export type Layout =
	| {readonly tooSmall: true; readonly width: number; readonly height: number}
	| {readonly tooSmall: false; readonly width: number; readonly height: number; readonly bodyHeight: number};

/**
The layout for a terminal: the frame is one line shorter than the terminal, because a frame as tall as the terminal
makes Ink clear the screen and the scrollback on every render.
*/
export function layoutFor(columns: number, rows: number): Layout {
	const height = Math.max(1, rows - 1);
	if (columns < minimumSize.columns || rows < minimumSize.rows) {
		return {tooSmall: true, width: Math.max(1, columns), height};
	}

	return {tooSmall: false, width: columns, height, bodyHeight: height - chromeLines};
}

/** How many lines a detail screen's table (pods of a job, jobs of a cron job) gets: its rows plus a title, up to a third of the body. */
export function detailTableHeight(bodyHeight: number, rowCount: number): number {
	return Math.max(2, Math.min(rowCount + 1, Math.floor(bodyHeight / 3)));
}
