import assert from 'node:assert/strict';
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {test} from 'node:test';
import {startSession} from '../../source/session/session.js';
import {connectionFrom, tempDir, waitFor} from '../helpers/reliability.js';
import {loopbackKubeconfig, startLoopbackApi} from '../helpers/loopback-api.js';

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
