/**
The archive on disk: one JSON file per run at `<root>/<context>/<namespace>/<job uid>.json`, each part encoded
(paths.ts). Directories are 0700 and files 0600, since logs may hold secrets. Writes are atomic: the text goes to a
temp file created exclusively in the same directory (O_EXCL with O_NOFOLLOW: a planted file or symlink fails it
instead of being written through), is fsync'd, then renamed over the run's name, so a crash or a full disk leaves
either the old run or the new one, never half of one; a failed write removes its temp file. Every directory on the
way from the root down is checked with lstat, so a symlink there is refused, never followed. The total size is kept
under a cap by deleting the oldest runs (by the time they were written) first.
*/
import {constants, type Dirent} from 'node:fs';
import {lstat, mkdir, open, readdir, readFile, rename, rm, type FileHandle} from 'node:fs/promises';
import {randomBytes} from 'node:crypto';
import path from 'node:path';
import {encodePart} from './paths.js';
import {runFormat, runVersion, type ArchivedRun, type RunProblem} from './types.js';

/** How the archive is opened. */
export type ArchiveDiskOptions = {
	readonly root: string;
	/** Total bytes of every run together; the oldest are deleted past it. @default 500 MB */
	readonly maxBytes?: number;
	/** Writes the text into an open temp file (tests pass one that fails as a full disk would). */
	readonly writeData?: (handle: FileHandle, text: string) => Promise<void>;
};

/** The default total size cap. */
export const defaultArchiveMaxBytes = 500 * 1024 * 1024;

/** A run file as listed (without reading it). */
export type RunEntry = {readonly file: string; readonly uid: string; readonly size: number; readonly mtimeMs: number};

/** The archive on disk. */
export type ArchiveDisk = {
	readonly root: string;
	/** Writes a run (replacing an earlier one of the same job), then evicts the oldest runs past the cap; returns the evicted files. */
	write(run: ArchivedRun): Promise<{readonly file: string; readonly evicted: readonly string[]}>;
	/** Every run file under the root, oldest first. */
	list(): Promise<RunEntry[]>;
	/** Reads every run; an unreadable file is a problem, the others are still returned. */
	readAll(): Promise<{readonly runs: ArchivedRun[]; readonly problems: RunProblem[]}>;
	/** Deletes one run file (a path `list` gave); a file already gone is no error. */
	remove(file: string): Promise<void>;
	/** Reads one run file. */
	read(file: string): Promise<ArchivedRun>;
};

const directoryMode = 0o700;
const fileMode = 0o600;

/** Opens (without touching the disk yet) the archive at `options.root`. */
export function openArchiveDisk(options: ArchiveDiskOptions): ArchiveDisk {
	const {root} = options;
	const maxBytes = options.maxBytes ?? defaultArchiveMaxBytes;
	const writeData = options.writeData ?? (async (handle: FileHandle, text: string) => handle.writeFile(text, 'utf8'));

	const list = async (): Promise<RunEntry[]> => {
		const entries: RunEntry[] = [];
		for (const context of await realDirectories(root)) {
			for (const namespace of await realDirectories(context)) {
				for (const entry of await readdir(namespace, {withFileTypes: true})) {
					if (entry.isFile() && entry.name.endsWith('.json') && !entry.name.startsWith('.')) {
						const file = path.join(namespace, entry.name);
						const stat = await lstat(file);
						entries.push({file, uid: entry.name.slice(0, -'.json'.length), size: stat.size, mtimeMs: stat.mtimeMs});
					}
				}
			}
		}

		return entries.sort((a, b) => a.mtimeMs - b.mtimeMs || a.file.localeCompare(b.file));
	};

	const read = async (file: string): Promise<ArchivedRun> => {
		const text = await readFile(file, 'utf8');
		let value: unknown;
		try {
			value = JSON.parse(text);
		} catch {
			throw new Error(text.length === 0 ? 'the file is empty' : 'the file is cut short or not JSON (half-written or damaged)');
		}

		if (!isRun(value)) {
			throw new Error('not a kjobs run (no format marker, or a version this kjobs cannot read)');
		}

		return value;
	};

	const readFiles = async () => {
		const runs: Array<{readonly file: string; readonly run: ArchivedRun}> = [];
		const problems: RunProblem[] = [];
		for (const entry of await list().catch(() => [])) {
			try {
				runs.push({file: entry.file, run: await read(entry.file)});
			} catch (error) {
				problems.push({file: entry.file, reason: (error as Error).message});
			}
		}

		return {runs, problems};
	};

	return {
		root,
		list,
		read,
		async readAll() {
			const {runs, problems} = await readFiles();
			return {runs: runs.map(({run}) => run), problems};
		},
		async remove(file) {
			// Only a run file under the root: the path came from list(), but a caller's mistake must not delete elsewhere.
			const relative = path.relative(root, file);
			if (relative.startsWith('..') || path.isAbsolute(relative) || !file.endsWith('.json')) {
				throw new Error(`${file} is not a run file of the archive`);
			}

			await rm(file, {force: true});
		},
		async write(run) {
			const directory = path.join(root, encodePart(run.context), encodePart(run.namespace));
			await privateDirectories(root, directory);
			const file = path.join(directory, `${encodePart(run.job.metadata.uid ?? '')}.json`);
			await atomicWrite(file, JSON.stringify(run), run.capturedAt, writeData);
			return {file, evicted: await evict(await list(), maxBytes, file)};
		},
	};
}

/** Whether a parsed value is a run file this version reads. */
function isRun(value: unknown): value is ArchivedRun {
	const run = value as Partial<ArchivedRun> | null;
	return typeof run === 'object' && run !== null && run.format === runFormat && run.version === runVersion
		&& typeof run.job === 'object' && run.job !== null && Array.isArray(run.logs) && Array.isArray(run.pods) && Array.isArray(run.events);
}

/** The sub-directories of `directory` that are real directories (a symlink is skipped); none when it does not exist. */
async function realDirectories(directory: string): Promise<string[]> {
	let entries: Dirent[];
	try {
		entries = await readdir(directory, {withFileTypes: true});
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
			return [];
		}

		throw error;
	}

	return entries.filter(entry => entry.isDirectory()).map(entry => path.join(directory, entry.name));
}

/**
Makes every directory from the root's parent-of-kjobs down to `directory` (0700), refusing one that is a symlink or
not a directory. The part above the archive's `kjobs` folder (the user's XDG_STATE_HOME) is the user's choice and
may be a link.
*/
export async function privateDirectories(root: string, directory: string): Promise<void> {
	const top = path.dirname(root);
	await mkdir(path.dirname(top), {recursive: true, mode: directoryMode});
	const parts = path.relative(path.dirname(top), directory).split(path.sep);
	let current = path.dirname(top);
	for (const part of parts) {
		current = path.join(current, part);
		try {
			await mkdir(current, {mode: directoryMode});
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
				throw error;
			}
		}

		const stat = await lstat(current);
		if (!stat.isDirectory()) {
			throw new Error(`${current} is ${stat.isSymbolicLink() ? 'a symbolic link' : 'not a directory'}: the archive does not write through it`);
		}
	}
}

/** Writes `text` to `file` (modified time `at`, epoch ms) through a private temp file in the same directory, fsync and rename. */
export async function atomicWrite(file: string, text: string, at: number, writeData: (handle: FileHandle, text: string) => Promise<void>): Promise<void> {
	const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
	// eslint-disable-next-line no-bitwise
	const flags = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);
	const handle = await open(temporary, flags, fileMode);
	try {
		await writeData(handle, text);
		// Stamped with the app clock's capture time, which is what eviction orders runs by.
		await handle.utimes(at / 1000, at / 1000);
		await handle.sync();
		await handle.close();
		await rename(temporary, file);
	} catch (error) {
		await handle.close().catch(() => undefined);
		await rm(temporary, {force: true});
		throw error;
	}
}

/** Deletes the oldest runs until the total is within `maxBytes`; the run just written (`keep`) stays even when alone it is over. */
async function evict(entries: readonly RunEntry[], maxBytes: number, keep: string): Promise<string[]> {
	let total = entries.reduce((sum, entry) => sum + entry.size, 0);
	const evicted: string[] = [];
	for (const entry of entries) {
		if (total <= maxBytes) {
			break;
		}

		if (entry.file === keep) {
			continue;
		}

		await rm(entry.file, {force: true});
		total -= entry.size;
		evicted.push(entry.file);
	}

	return evicted;
}
