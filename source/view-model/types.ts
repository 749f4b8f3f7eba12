/**
The contract between pure view-model functions and the components that render them.
*/

/** A semantic tone: the view-model says what a row means, theme.ts alone decides the colour. */
export type Tone = 'normal' | 'running' | 'pending' | 'success' | 'warning' | 'error' | 'muted';

/** A table column. NAME and STATUS have priority 0 and never drop; higher numbers drop first when space runs out. */
export type Column = {
	readonly id: string;
	readonly title: string;
	/** The narrowest it may be drawn (cells are cut with …). */
	readonly minWidth: number;
	/** The widest it needs to be. */
	readonly maxWidth: number;
	/**
	How wide it is readable (a name, a status word with its reason): the table keeps room for this much before it
	keeps the least important columns, whatever the cells hold, so the set of columns depends on the width alone.
	*/
	readonly want?: number;
	readonly priority: number;
	readonly align?: 'left' | 'right';
	/** How a cell too long for the column is cut: at the end (the default), or as a name (see ColumnSpec.cut). */
	readonly cut?: 'end' | 'name';
};

/** One table row: plain text cells by column id, keyed by the object's uid. */
export type Row = {
	readonly id: string;
	readonly cells: Readonly<Record<string, string>>;
	readonly tone: Tone;
	/** Deleted (kept briefly as a tombstone): drawn dimmed and marked. */
	readonly deleted?: boolean;
	/** Changed in the last moment: drawn highlighted. */
	readonly changed?: boolean;
	/** Shown while its watch is disconnected: may be out of date. */
	readonly stale?: boolean;
};
