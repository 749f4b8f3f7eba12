/**
Writes a log pane's lines to a file. The caller passes lines that are already sanitized (logSaveLines), so the file
holds no terminal control sequence; the file is created new (never overwriting) and readable by its owner only,
since logs may carry secrets.
*/
import {writeFile} from 'node:fs/promises';
import {resolve} from 'node:path';

/** A file name for a saved log: `kjobs-<name>-<UTC time>.log`, with anything unsafe in the name replaced. */
export function logFileName(name: string, now: number): string {
	const safe = name.replaceAll(/[^\w.-]+/g, '_').slice(0, 100) || 'logs';
	const stamp = new Date(now).toISOString().replaceAll(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
	return `kjobs-${safe}-${stamp}.log`;
}

/** Writes the lines (newline-terminated) to `path` and resolves to the absolute path written. Rejects if it exists. */
export async function saveLogLines(path: string, lines: readonly string[]): Promise<string> {
	const absolute = resolve(path);
	await writeFile(absolute, lines.map(line => `${line}\n`).join(''), {flag: 'wx', mode: 0o600});
	return absolute;
}
