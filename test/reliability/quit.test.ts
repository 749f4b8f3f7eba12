import assert from 'node:assert/strict';
import {readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {test} from 'node:test';
import {tempDir, waitFor} from '../helpers/reliability.js';
import {loopbackKubeconfig, startLoopbackApi} from '../helpers/loopback-api.js';
import {leaveAltScreen, runInPty} from '../helpers/pty-run.js';
import {quitDeadlineMs} from '../../source/cli.js';

const dir = tempDir('kjobs-quit-');

function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

// The pids a plugin script wrote to `file`, one a line (none before it first ran).
function pidsIn(file: string): number[] {
	try {
		return readFileSync(file, 'utf8').trim().split('\n').filter(Boolean).map(Number);
	} catch {
		return [];
	}
}

/**
How long quitting took: from the key press to the exit (which includes getting the key through the pty to a process on
a loaded machine), and from the screen being restored to the exit (kjobs' own shutdown, which the 1 s is about).
*/
async function quitWithin(kubeconfig: string, ready: () => boolean): Promise<{ms: number; shutdownMs: number; output: string; code: number}> {
	const run = await runInPty(['--kubeconfig', kubeconfig], {HOME: dir, TMPDIR: dir});
	await waitFor('the first frame', () => run.output().includes('ctx x') && ready(), {ms: 30_000});
	const pressed = Date.now();
	run.type('q');
	const code = await run.exited;
	const exitedAt = run.exitedAt() ?? Date.now();
	return {ms: exitedAt - pressed, shutdownMs: exitedAt - (run.seenAt(leaveAltScreen) ?? pressed), output: run.output(), code};
}

test('q on a server that accepts and never answers: exit 0 within a second, the terminal restored', {timeout: 60_000}, async t => {
	const server = await startLoopbackApi({silent: true});
	const file = path.join(dir, 'silent.yaml');
	writeFileSync(file, loopbackKubeconfig(server.url, '{}'));
	try {
		const {ms, shutdownMs, output, code} = await quitWithin(file, () => server.seen.length >= 12);
		assert.equal(code, 0);
		assert.ok(shutdownMs < 1000 && ms < 2000, `quitting took ${ms} ms, ${shutdownMs} ms of them after the terminal was restored`);
		t.diagnostic(`quit: ${ms} ms from the key, ${shutdownMs} ms after the terminal was restored`);
		assert.ok(output.includes(leaveAltScreen));
	} finally {
		await server.stop();
	}
});

test('q while an exec plugin hangs (a browser login): exit 0 within a second, the plugin killed', {timeout: 60_000}, async t => {
	const server = await startLoopbackApi({tls: true});
	const pids = path.join(dir, 'pids');
	const plugin = path.join(dir, 'login.sh');
	writeFileSync(plugin, `#!/bin/sh\necho $$ >> ${pids}\nexec sleep 600\n`, {mode: 0o755});
	const file = path.join(dir, 'exec.yaml');
	writeFileSync(file, loopbackKubeconfig(server.url, `{exec: {apiVersion: client.authentication.k8s.io/v1, command: ${plugin}, interactiveMode: Never}}`));
	const started = () => pidsIn(pids);

	try {
		const {ms, shutdownMs, output, code} = await quitWithin(file, () => started().length > 0);
		assert.equal(code, 0);
		assert.ok(shutdownMs < 1000 && ms < 2000, `quitting took ${ms} ms, ${shutdownMs} ms of them after the terminal was restored`);
		t.diagnostic(`quit: ${ms} ms from the key, ${shutdownMs} ms after the terminal was restored`);
		assert.ok(output.includes(leaveAltScreen));
		assert.deepEqual(started().filter(pid => alive(pid)), []);
	} finally {
		for (const pid of started().filter(pid => alive(pid))) {
			process.kill(pid, 'SIGKILL');
		}

		await server.stop();
	}
});

test('q while a plugin that is a shell script waits on a login command of its own: exit 0 before the quit deadline ends it', {timeout: 60_000}, async t => {
	const server = await startLoopbackApi({tls: true});
	const orphans = path.join(dir, 'wrapper-orphans');
	const plugin = path.join(dir, 'wrapper-login.sh');
	// No exec: the login command inherits the script's output pipes and outlives it when kjobs kills the script.
	writeFileSync(plugin, `#!/bin/sh\nsleep 600 &\necho $! >> ${orphans}\nwait\n`, {mode: 0o755});
	const file = path.join(dir, 'wrapper.yaml');
	writeFileSync(file, loopbackKubeconfig(server.url, `{exec: {apiVersion: client.authentication.k8s.io/v1, command: ${plugin}, interactiveMode: Never}}`));
	const started = () => pidsIn(orphans);

	try {
		const {ms, shutdownMs, code} = await quitWithin(file, () => started().length > 0);
		assert.equal(code, 0);
		// Held pipes used to keep the process open until the quit deadline (900 ms) ended it.
		assert.ok(shutdownMs < quitDeadlineMs * 0.9, `quitting took ${ms} ms, ${shutdownMs} ms of them after the terminal was restored`);
		t.diagnostic(`quit: ${ms} ms from the key, ${shutdownMs} ms after the terminal was restored`);
	} finally {
		for (const pid of started().filter(pid => alive(pid))) {
			process.kill(pid, 'SIGKILL');
		}

		await server.stop();
	}
});
