import assert from 'node:assert/strict';
import {execFile} from 'node:child_process';
import {mkdtempSync, readdirSync, readFileSync, rmSync, statSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import test from 'node:test';
import {promisify} from 'node:util';
import {noTerminalText} from '../../source/cli.js';
import {version} from '../../source/version.js';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');

// `npm run bundle` with its output redirected (esbuild takes the last --outfile) into an empty directory, so the run
// below proves the file needs nothing beside it: no node_modules, no package.json.
test('npm run bundle makes one file that runs from an empty directory', {timeout: 60_000}, async (t) => {
	const directory = mkdtempSync(path.join(tmpdir(), 'kjobs-bundle-'));
	t.after(() => rmSync(directory, {recursive: true, force: true}));
	const file = path.join(directory, 'kjobs.mjs');
	const meta = path.join(tmpdir(), `kjobs-bundle-meta-${process.pid}.json`);
	t.after(() => rmSync(meta, {force: true}));
	await run('npm', ['run', 'bundle', '--silent', '--', `--outfile=${file}`, `--metafile=${meta}`], {cwd: root});
	assert.deepEqual(readdirSync(directory).sort(), ['kjobs.mjs', 'licenses.txt']);
	assert.ok(statSync(file).size < 4_000_000, `the bundle is ${statSync(file).size} bytes`);
	assert.equal(readFileSync(file, 'utf8').split('\n', 1)[0], '#!/usr/bin/env node');

	const inputs = Object.keys((JSON.parse(readFileSync(meta, 'utf8')) as {inputs: Record<string, unknown>}).inputs);
	// Yoga's WebAssembly is base64 inside this module, so it is in the file; React is the production build.
	assert.ok(inputs.includes('node_modules/yoga-layout/dist/binaries/yoga-wasm-base64-esm.js'));
	assert.ok(inputs.includes('node_modules/react-reconciler/cjs/react-reconciler.production.js'));
	assert.deepEqual(inputs.filter((input) => /development|react-devtools-core/.test(input)), []);

	// Every package with code in the bundle is named in licenses.txt with its licence text.
	const licenses = readFileSync(path.join(directory, 'licenses.txt'), 'utf8');
	const bundled = new Set(inputs.flatMap((input) => /^(?:.*\/)?node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input)?.[1] ?? []));
	assert.ok(bundled.size > 50, `${bundled.size} packages bundled`);
	for (const name of bundled) {
		assert.match(licenses, new RegExp(`^${name.replaceAll('/', '\\/')}@\\d[^ ]* \\(`, 'm'), `${name} is listed`);
	}

	assert.match(licenses, /^@kubernetes\/client-node@1\.4\.0 \(Apache-2\.0\)\n\n\s*Apache License\n\s*Version 2\.0/m);
	assert.match(licenses, /^react@[\d.]+ \(MIT\)\n\nMIT License\n\nCopyright \(c\) Meta Platforms/m);

	const options = {cwd: directory, env: {PATH: process.env['PATH'] ?? '', HOME: directory}};
	const help = await run(process.execPath, ['kjobs.mjs', '--help'], options);
	assert.match(help.stdout, /^\n {2}Watch Kubernetes Jobs, CronJobs and their Pods live/);
	assert.match(help.stdout, /\n {4}\$ kjobs simulate \[--port N]/);
	const printed = await run(process.execPath, ['kjobs.mjs', '--version'], options);
	assert.equal(printed.stdout, `${version}\n`);
	// Without a TTY it stops with the SSH hint instead of crashing: Ink, React and the client all loaded.
	const noTty = await run(process.execPath, ['kjobs.mjs', '--demo'], options).catch((error: unknown) => error as {code: number; stderr: string});
	assert.equal((noTty as {code: number}).code, 1);
	assert.equal((noTty as {stderr: string}).stderr, noTerminalText);
});
