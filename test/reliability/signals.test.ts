import assert from 'node:assert/strict';
import {mkdirSync, readdirSync} from 'node:fs';
import {constants} from 'node:os';
import path from 'node:path';
import {test} from 'node:test';
import {tempDir, waitFor} from '../helpers/reliability.js';
import {leaveAltScreen, runInPty} from '../helpers/pty-run.js';

const dir = tempDir('kjobs-signals-');

// One after the other: each run starts the whole app and the simulator through tsx, and the cores are shared.
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP', 'SIGQUIT'] as const) {
	test(`${signal} on --demo: the terminal restored, the demo's kubeconfig removed, exit ${128 + constants.signals[signal]}`, {timeout: 40_000}, async () => {
		const tmp = path.join(dir, signal);
		mkdirSync(tmp);
		const run = await runInPty(['--demo'], {TMPDIR: tmp, HOME: tmp});
		await waitFor('the first frame', () => run.output().includes('ctx kjobs-sim'), {ms: 30_000});
		assert.equal(readdirSync(tmp).filter(name => name.startsWith('kjobs-demo-')).length, 1);
		process.kill(run.pid, signal);
		const code = await run.exited;
		const output = run.output();
		// Nothing after leaving the alternate screen but Ink's own cursor-show on exit (harmless, the cursor is shown).
		const tail = output.replace(/(\u001B\[\?25h|\r?\n)+$/, '');
		assert.ok(tail.endsWith(leaveAltScreen.replace('\u001B[?25h', '')) && output.includes(leaveAltScreen), `the last bytes: ${JSON.stringify(output.slice(-40))}`);
		// (tsx keeps its cache in TMPDIR too.)
		assert.deepEqual(readdirSync(tmp).filter(name => name.startsWith('kjobs-demo-')), []);
		assert.equal(code, 128 + constants.signals[signal]);
	});
}

test('SIGUSR1 does not open Node\'s debugger: kjobs keeps running, nothing listens for an inspector', {timeout: 40_000}, async () => {
	const tmp = path.join(dir, 'SIGUSR1');
	mkdirSync(tmp);
	const run = await runInPty(['--demo'], {TMPDIR: tmp, HOME: tmp});
	try {
		await waitFor('the first frame', () => run.output().includes('ctx kjobs-sim'), {ms: 30_000});
		process.kill(run.pid, 'SIGUSR1');
		// A key answered after the signal: the signal has been handled by then.
		run.type('?');
		await waitFor('help', () => run.output().includes('Navigation'), {ms: 10_000});
		assert.doesNotMatch(run.output(), /Debugger listening|inspector/i);
		// q leaves help, then quits from the list.
		run.type('qq');
		assert.equal(await run.exited, 0);
	} finally {
		if (run.exitedAt() === undefined) {
			process.kill(run.pid, 'SIGKILL');
		}
	}
});
