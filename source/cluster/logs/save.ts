/**
Writes a log pane's lines to a file. The caller passes lines that are already sanitized (logSaveLines), so the file
holds no terminal control sequence; the file is created new (never overwriting, another name is taken when one exists) and readable by its owner only,
since logs may carry secrets.
*/
import {mkdir, stat, writeFile} from 'node:fs/promises';
import {dirname, extname, isAbsolute, join, resolve} from 'node:path';
import {logFileStem} from '../../kube/log-file-name.js';

/** A file name for a saved log: `kjobs-<name>-<UTC time>.log`, with anything unsafe in the name replaced. */
export function logFileName(name: string, now: number): string {
	const stamp = new Date(now).toISOString().replaceAll(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
	return `${logFileStem(name)}-${stamp}.log`;
}

/**
Where a save goes for the path the user typed: nothing typed is `directory/fileName`; `~` is the home directory; a
relative path is taken inside `directory` (never the process' working directory, which may be a git checkout); a path
ending in `/` or naming an existing directory gets `fileName` inside it.
*/
export async function savePath(typed: string, directory: string, home: string, fileName: string): Promise<string> {
	const text = typed.trim();
	if (text === '') {
		return join(directory, fileName);
	}

	const expanded = text === '~' ? home : (text.startsWith('~/') ? join(home, text.slice(2)) : text);
	const path = isAbsolute(expanded) ? resolve(expanded) : resolve(directory, expanded);
	if (text.endsWith('/') || text === '~' || await isDirectory(path)) {
		return join(path, fileName);
	}

	return path;
}

async function isDirectory(path: string): Promise<boolean> {
	try {
		return (await stat(path)).isDirectory();
	} catch {
		return false;
	}
}

/** Makes the directory a save goes into (and its parents), readable by its owner only when it is new. */
export async function makeSaveDirectory(path: string): Promise<void> {
	await mkdir(dirname(path), {recursive: true, mode: 0o700});
}

/**
Writes the lines (newline-terminated) to a new file at `path` and resolves to the absolute path written. A file of
that name is never overwritten: the next free of `name-2.log` … `name-99.log` is taken instead, since two saves in
the same second get the same time-stamped name.
*/
export async function saveLogLines(path: string, lines: readonly string[]): Promise<string> {
	const absolute = resolve(path);
	const text = lines.map(line => `${line}\n`).join('');
	const extension = extname(absolute);
	const stem = absolute.slice(0, absolute.length - extension.length);
	for (let copy = 1; ; copy++) {
		const candidate = copy === 1 ? absolute : `${stem}-${copy}${extension}`;
		try {
			// `wx` fails when the name exists, symlinks included, so nothing is followed or replaced.
			await writeFile(candidate, text, {flag: 'wx', mode: 0o600});
			return candidate;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || copy >= maxCopies) {
				throw error;
			}
		}
	}
}

// Beyond this many saves of one name in one second something is wrong; the error then says the file exists.
const maxCopies = 99;
