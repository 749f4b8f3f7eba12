import assert from 'node:assert/strict';
import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {test} from 'node:test';
import {ExecCredentials} from '../../source/cluster/connection/exec-credential.js';
import {startSession} from '../../source/session/session.js';
import {createManualClock} from '../../source/store/clock.js';
import {connectionFrom, fakeToken, tempDir, waitFor} from '../helpers/reliability.js';
import {emptyApi, loopbackKubeconfig, startLoopbackApi} from '../helpers/loopback-api.js';

const dir = tempDir('kjobs-exec-');

const credential = (token: string) => `'{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"${token}"}}'`;

function script(file: string, body: string): string {
	mkdirSync(path.dirname(file), {recursive: true});
	writeFileSync(file, `#!/bin/sh\n${body}\n`, {mode: 0o755});
	return file;
}

function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

/** Resolves with how long `promise` took, or rejects once `ms` have passed. */
async function within(ms: number, what: string, promise: Promise<unknown>): Promise<number> {
	const started = Date.now();
	let timer: NodeJS.Timeout | undefined;
	await Promise.race([promise, new Promise((_resolve, reject) => {
		timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
	})]).finally(() => clearTimeout(timer));
	return Date.now() - started;
}

test('a relative exec command runs from the kubeconfig\'s folder, not the working directory (as kubectl)', {timeout: 20_000}, async () => {
	const server = await startLoopbackApi({tls: true});
	const configDir = path.join(dir, 'config');
	const planted = path.join(dir, 'cwd');
	script(path.join(configDir, 'bin', 'tok.sh'), `echo ${credential('token-from-the-kubeconfig-folder')}`);
	script(path.join(planted, 'bin', 'tok.sh'), `echo ${credential('token-from-a-planted-script')}`);
	mkdirSync(configDir, {recursive: true});
	const file = path.join(configDir, 'kubeconfig');
	writeFileSync(file, loopbackKubeconfig(server.url, '{exec: {apiVersion: client.authentication.k8s.io/v1, command: ./bin/tok.sh, interactiveMode: Never}}'));
	const cwd = process.cwd();
	process.chdir(planted);
	try {
		const session = startSession({connection: connectionFrom(configDir, readFileSync(file, 'utf8')), demo: false});
		await waitFor('the watches', () => server.seen.filter(seen => seen.url.includes('watch=')).length >= 4, {ms: 8000});
		await session.stop();
		const tokens = new Set(server.seen.map(seen => seen.authorization));
		assert.deepEqual([...tokens], ['Bearer token-from-the-kubeconfig-folder']);
	} finally {
		process.chdir(cwd);
		await server.stop();
	}
});

test('stopping the session while an exec plugin hangs (a browser login): done within a second, the plugin killed', {timeout: 20_000}, async () => {
	const server = await startLoopbackApi({tls: true});
	const pids = path.join(dir, 'pids');
	const plugin = script(path.join(dir, 'login.sh'), `echo $$ >> ${pids}\nexec sleep 600`);
	const session = startSession({connection: connectionFrom(dir, loopbackKubeconfig(server.url, `{exec: {apiVersion: client.authentication.k8s.io/v1, command: ${plugin}, interactiveMode: Never}}`)), demo: false});
	try {
		await waitFor('the plugin to start', () => {
			try {
				return readFileSync(pids, 'utf8').trim() !== '';
			} catch {
				return false;
			}
		}, {ms: 8000});
		const took = await within(1000, 'stop', session.stop());
		assert.ok(took < 1000);
		const started = readFileSync(pids, 'utf8').trim().split('\n').map(Number);
		// One login for the whole session, not one per request.
		assert.equal(started.length, 1);
		await waitFor('the plugin to be gone', () => started.every(pid => !alive(pid)), {ms: 1000});
		assert.equal(server.seen.length, 0);
	} finally {
		for (const pid of readFileSync(pids, 'utf8').trim().split('\n').map(Number)) {
			if (alive(pid)) {
				process.kill(pid, 'SIGKILL');
			}
		}

		await server.stop();
	}
});

test('stopping the session on a server that accepts and never answers: done within a second, every socket closed', {timeout: 20_000}, async () => {
	const server = await startLoopbackApi({silent: true});
	const session = startSession({connection: connectionFrom(dir, loopbackKubeconfig(server.url, '{}')), demo: false});
	try {
		// Four watches' lists, seven permission checks and the namespace check, all waiting for an answer.
		await waitFor('every request', () => server.seen.length >= 12, {ms: 8000});
		await within(1000, 'stop', session.stop());
		await waitFor('every socket closed', () => server.open() === 0, {ms: 1000});
	} finally {
		await server.stop();
	}
});

test('a token the server rejects (401) is fetched again: the plugin runs once more, as kubectl re-runs it, and the watches go live', {timeout: 30_000}, async () => {
	const runs = path.join(dir, 'runs');
	// Each run prints a new token: the first one the server has stopped accepting, the next one it takes.
	const plugin = script(path.join(dir, 'rotating.sh'), `echo run >> ${runs}\nn=$(wc -l < ${runs} | tr -d ' ')\necho '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"token-run-'$n'"}}'`);
	const server = await startLoopbackApi({tls: true, answer(request, response, body) {
		if (request.headers.authorization === 'Bearer token-run-1') {
			response.writeHead(401, {'content-type': 'application/json'});
			response.end('{"kind":"Status","apiVersion":"v1","status":"Failure","reason":"Unauthorized","code":401}');
			return;
		}

		emptyApi(request, response, body);
	}});
	const session = startSession({connection: connectionFrom(dir, loopbackKubeconfig(server.url, `{exec: {apiVersion: client.authentication.k8s.io/v1, command: ${plugin}, interactiveMode: Never}}`)), demo: false});
	try {
		await waitFor('the watches with the new token', () => server.seen.filter(seen => seen.url.includes('watch=') && seen.authorization === 'Bearer token-run-2').length >= 4, {ms: 20_000});
		// Every request that got a 401 carried the first token, so they all asked for one new token, not one each.
		assert.equal(readFileSync(runs, 'utf8').trim().split('\n').length, 2);
		assert.deepEqual([...new Set(server.seen.map(seen => seen.authorization))], ['Bearer token-run-1', 'Bearer token-run-2']);
	} finally {
		await session.stop();
		await server.stop();
	}
});

test('a plugin\'s deadline runs on the session\'s clock: past it, the run is killed and the request fails, with no wall time waited', {timeout: 10_000}, async () => {
	const clock = createManualClock(Date.parse('2026-11-23T10:00:00Z'));
	const pids = path.join(dir, 'deadline-pids');
	const plugin = script(path.join(dir, 'slow-login.sh'), `echo $$ >> ${pids}\nexec sleep 600`);
	const credentials = new ExecCredentials({clock, timeoutMs: 60_000});
	const asked = credentials.credential('u', {command: plugin, apiVersion: 'client.authentication.k8s.io/v1'});
	await waitFor('the plugin to start', () => existsSync(pids) && readFileSync(pids, 'utf8').trim() !== '', {ms: 5000});
	clock.advance(59_999);
	clock.advance(1);
	await assert.rejects(asked, /exec plugin slow-login\.sh: no answer within 60 s/);
	const [pid] = readFileSync(pids, 'utf8').trim().split('\n').map(Number);
	await waitFor('the plugin to be gone', () => !alive(pid!), {ms: 2000});
	await credentials.close();
});

test('a plugin that is a shell script waiting on a command of its own: closing and the deadline both end the run, though the command lives on holding its output', {timeout: 10_000}, async () => {
	const clock = createManualClock(Date.parse('2026-11-23T10:00:00Z'));
	const orphans = path.join(dir, 'wrapper-orphans');
	// No exec: the shell waits on its sleep, which inherits the shell's stdout and stderr pipes.
	const plugin = script(path.join(dir, 'wrapper-login.sh'), `sleep 600 &\necho $! >> ${orphans}\nwait`);
	const started = () => (existsSync(orphans) ? readFileSync(orphans, 'utf8').trim().split('\n').filter(Boolean).map(Number) : []);
	try {
		const closing = new ExecCredentials({clock, timeoutMs: 60_000});
		const asked = closing.credential('u', {command: plugin, apiVersion: 'client.authentication.k8s.io/v1'});
		await waitFor('the plugin to start', () => started().length === 1, {ms: 5000});
		await closing.close();
		await within(1000, 'the run to end after close', assert.rejects(asked, /exec plugin wrapper-login\.sh: stopped, the session is closing/));

		const timed = new ExecCredentials({clock, timeoutMs: 60_000});
		const late = timed.credential('u', {command: plugin, apiVersion: 'client.authentication.k8s.io/v1'});
		await waitFor('the plugin to start again', () => started().length === 2, {ms: 5000});
		clock.advance(60_000);
		await within(1000, 'the run to end at its deadline', assert.rejects(late, /exec plugin wrapper-login\.sh: no answer within 60 s/));
		await timed.close();
		// The orphans were not ours to kill (kubectl leaves them too); they only lost their output.
		assert.ok(started().every(pid => alive(pid)));
	} finally {
		for (const pid of started().filter(pid => alive(pid))) {
			process.kill(pid, 'SIGKILL');
		}
	}
});

test('a plugin that prints a bare token instead of an ExecCredential: the error quotes none of it', {timeout: 10_000}, async () => {
	for (const output of [fakeToken, `${fakeToken}\n`, `{"status": "${fakeToken}"`, `Bearer ${fakeToken}`]) {
		const plugin = script(path.join(dir, 'bare.sh'), `printf '%s' '${output}'`);
		const credentials = new ExecCredentials();
		const error = await credentials.credential('u', {command: plugin}).then(() => undefined, (caught: unknown) => caught as Error);
		assert.ok(error instanceof Error);
		assert.equal(error.message, 'exec plugin bare.sh printed something that is not an ExecCredential');
		// The whole message, exactly: not even the first characters a JSON parser's message would quote.
		assert.ok(!error.message.includes(fakeToken.slice(0, 6)));
		await credentials.close();
	}
});
