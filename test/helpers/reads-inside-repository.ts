/**
Loaded into every test process (`npm test` passes `--import` with this file), it records every file or folder a test
opens, reads or lists through `node:fs`, and fails the process if one lies outside the repository. The suite must pass
from a plain clone, so a test that reads a folder laid beside the checkout (as a `shared` folder beside it once was) passes on the
author's machine and fails on everybody else's; this makes it fail everywhere, at once, naming the path.

Allowed outside the repository: the temporary folder (tests write scratch files there), Node's own installation, and
`/dev`, `/proc` and `/sys`. Folders beside the checkout are never allowed, not even when the checkout itself sits in
the temporary folder.
*/
import fs from 'node:fs';
import {syncBuiltinESMExports} from 'node:module';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

/** The repository this file belongs to. */
export const repositoryRoot = path.resolve(import.meta.dirname, '../..');

const outside = new Set<string>();
const parent = path.dirname(repositoryRoot);
const nodeInstallation = path.resolve(path.dirname(process.execPath), '..');
const allowed = [os.tmpdir(), '/tmp', '/dev', '/proc', '/sys', nodeInstallation].map(folder => path.resolve(folder));

function within(file: string, folder: string): boolean {
	const relative = path.relative(folder, file);
	return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** Whether a test may read `file` (an absolute path). */
export function mayRead(file: string): boolean {
	if (within(file, repositoryRoot)) {
		return true;
	}

	// Siblings of the checkout first: a `shared` folder beside it must fail even for a clone under /tmp.
	if (within(file, parent) && parent !== path.parse(parent).root) {
		return false;
	}

	return allowed.some(folder => within(file, folder));
}

function note(target: unknown): void {
	let file: string | undefined;
	if (typeof target === 'string') {
		file = target;
	} else if (target instanceof URL && target.protocol === 'file:') {
		file = fileURLToPath(target);
	} else if (Buffer.isBuffer(target)) {
		file = target.toString('utf8');
	}

	// Numbers are open file descriptors: their path was checked when they were opened.
	if (file !== undefined) {
		const absolute = path.resolve(file);
		if (!mayRead(absolute)) {
			outside.add(absolute);
		}
	}
}

/** The paths outside the repository read so far in this process (the guard's own test inspects them). */
export function readsOutsideRepository(): string[] {
	return [...outside];
}

/** Forgets recorded reads: only for the guard's own test, which reads outside on purpose to see it recorded. */
export function forgetReadsOutsideRepository(): void {
	outside.clear();
}

type Patchable = Record<string, unknown>;

function watch(target: Patchable, names: readonly string[]): void {
	for (const name of names) {
		const original = target[name] as ((...arguments_: unknown[]) => unknown) | undefined;
		if (typeof original !== 'function') {
			continue;
		}

		target[name] = function (this: unknown, ...arguments_: unknown[]) {
			note(arguments_[0]);
			return original.apply(this, arguments_);
		};
	}
}

// Loaded once per process, but a second load (a test importing this file for its helpers) must not wrap twice.
const installed = Symbol.for('kjobs.readGuard');
if (!(globalThis as Record<symbol, unknown>)[installed]) {
	(globalThis as Record<symbol, unknown>)[installed] = true;
	watch(fs as unknown as Patchable, ['readFileSync', 'readFile', 'openSync', 'open', 'createReadStream', 'readdirSync', 'readdir', 'opendirSync', 'opendir']);
	watch(fs.promises as unknown as Patchable, ['readFile', 'open', 'readdir', 'opendir']);
	// `import {readFileSync} from 'node:fs'` binds to a copy of the exports; this refreshes those copies.
	syncBuiltinESMExports();
	process.on('exit', () => {
		if (outside.size > 0) {
			process.stderr.write(`\nThis test process read files outside the repository (${repositoryRoot}); the tests must pass from a plain clone, so put the data under test/fixtures/:\n${[...outside].map(file => `  ${file}\n`).join('')}`);
			process.exitCode = 1;
		}
	});
}
