/**
How a saved log's file is named, shared by the save itself and the prompt that shows where it will go.
*/

/** The start of a saved log's file name: `kjobs-NAME`, with anything unsafe in the name replaced. */
export function logFileStem(name: string): string {
	return `kjobs-${name.replaceAll(/[^\w.-]+/g, '_').slice(0, 100) || 'logs'}`;
}
