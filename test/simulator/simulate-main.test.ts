import assert from 'node:assert/strict';
import {mkdtemp, readFile, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
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
