import assert from 'node:assert/strict';
import {chmod, lstat, mkdtemp, readFile, rm, symlink, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {test} from 'node:test';
import {simulateMain} from '../../source/simulator/main.js';
import {waitFor} from '../helpers/wait-for.js';

function io() {
	const out: string[] = [];
	const err: string[] = [];
	let signal: (() => void) | undefined;
	return {out, err, fire: () => signal?.(), io: {stdout: (s: string) => out.push(s), stderr: (s: string) => err.push(s), onSignal: (fn: () => void) => {
		signal = fn;
	}}};
}

test('bad flags give one line on stderr and exit code 1', async () => {
	const unknown = io();
	assert.equal(await simulateMain(['--bogus'], unknown.io), 1);
	assert.deepEqual(unknown.err, ['kjobs simulate: Unknown option \'--bogus\'\n']);
	const port = io();
	assert.equal(await simulateMain(['--port', 'abc'], port.io), 1);
	assert.deepEqual(port.err, ['kjobs simulate: invalid value for --port: abc\n']);
	const speed = io();
	assert.equal(await simulateMain(['--speed', '0'], speed.io), 1);
	assert.deepEqual(speed.err, ['kjobs simulate: invalid value for --speed: 0\n']);
	assert.deepEqual(port.out, []);
	const token = io();
	assert.equal(await simulateMain(['--token', 'kjobs-example-token'], token.io), 1);
	assert.deepEqual(token.err, ['kjobs simulate: --token needs --tls: kubectl and kjobs send no token over plain http\n']);
});

test('a missing scenario file is one line on stderr, no stack', async () => {
	const run = io();
	assert.equal(await simulateMain(['--scenario', '/nonexistent/scenario.yaml', '--port', '0'], run.io), 1);
	assert.equal(run.err.length, 1);
	assert.match(run.err[0]!, /^kjobs simulate: .*\n$/);
	assert.doesNotMatch(run.err[0]!, /\n\s+at /);
});

test('runs until the signal, printing the URL and the kubeconfig path once', async () => {
	const dir = await mkdtemp(join(tmpdir(), 'kjobs-sim-main-'));
	const kubeconfig = join(dir, 'kc.yaml');
	const run = io();
	const done = simulateMain(['--port', '0', '--scenario', 'empty', '--kubeconfig-out', kubeconfig, '--seed', '3'], run.io);
	await waitFor('the URL line', () => run.out.length > 0);
	assert.equal(run.out.length, 1);
	const url = /at (http:\/\/127\.0\.0\.1:\d+) /.exec(run.out[0]!)?.[1];
	assert.ok(url);
	assert.ok(run.out[0]!.includes(kubeconfig));
	const response = await fetch(`${url}/version`);
	assert.equal(((await response.json()) as {gitVersion: string}).gitVersion, 'v1.32.0-kjobs-sim');
	assert.match(await readFile(kubeconfig, 'utf8'), new RegExp(`server: ${url}`));
	run.fire();
	assert.equal(await done, 0);
	await rm(dir, {recursive: true, force: true});
});

async function runUntilPrinted(args: string[]): Promise<{out: string; stop: () => Promise<number>}> {
	const run = io();
	const done = simulateMain(['--port', '0', '--scenario', 'empty', ...args], run.io);
	await waitFor('a line on stdout or stderr', () => run.out.length > 0 || run.err.length > 0);
	return {out: run.out.join('') + run.err.join(''), stop: async () => {
		run.fire();
		return done;
	}};
}

test('the kubeconfig is written privately: a planted symlink or world-writable file is replaced, never followed or reused', async () => {
	const dir = await mkdtemp(join(tmpdir(), 'kjobs-sim-out-'));
	const victim = join(dir, 'victim');
	await writeFile(victim, 'untouched\n');
	const linked = join(dir, 'linked.yaml');
	await symlink(victim, linked);
	const open = join(dir, 'open.yaml');
	await writeFile(open, 'planted\n', {mode: 0o666});
	await chmod(open, 0o666);
	try {
		for (const file of [linked, open]) {
			const run = await runUntilPrinted(['--kubeconfig-out', file]);
			try {
				assert.match(run.out, /^Simulated cluster at /);
				const stat = await lstat(file);
				assert.deepEqual({file, regular: stat.isFile(), mode: (stat.mode & 0o777).toString(8)}, {file, regular: true, mode: '600'});
				assert.match(await readFile(file, 'utf8'), /server: http:\/\/127\.0\.0\.1:\d+/);
			} finally {
				assert.equal(await run.stop(), 0);
			}
		}

		assert.equal(await readFile(victim, 'utf8'), 'untouched\n');
	} finally {
		await rm(dir, {recursive: true, force: true});
	}
});

test('without --kubeconfig-out the kubeconfig goes to a fresh private directory (not a fixed /tmp name), removed on exit', async () => {
	const run = await runUntilPrinted([]);
	const file = /kubeconfig: ([^;]+);/.exec(run.out)?.[1] ?? '';
	try {
		assert.notEqual(file, join(tmpdir(), 'kjobs-sim.kubeconfig'));
		const folder = await lstat(dirname(file));
		assert.deepEqual({mode: (folder.mode & 0o777).toString(8), file: ((await lstat(file)).mode & 0o777).toString(8)}, {mode: '700', file: '600'});
	} finally {
		assert.equal(await run.stop(), 0);
	}

	await assert.rejects(lstat(dirname(file)));
});
