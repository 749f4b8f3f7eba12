import assert from 'node:assert/strict';
import {mkdirSync, readdirSync} from 'node:fs';
import {constants} from 'node:os';
import path from 'node:path';
import {test} from 'node:test';
import {tempDir, waitFor} from './helpers.js';
import {leaveAltScreen, runInPty} from './pty-run.js';

const dir = tempDir('kjobs-signals-');

// One after the other: each run starts the whole app and the simulator through tsx, and the cores are shared.
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP', 'SIGQUIT'] as const) {
	test(`${signal} on --demo: the terminal restored, the demo's kubeconfig removed, exit ${128 + constants.signals[signal]}`, {timeout: 40_000}, async () => {
		const tmp = path.join(dir, signal);
		mkdirSync(tmp);
		const run = await runInPty(['--demo'], {TMPDIR: tmp, HOME: tmp});
		await waitFor('the first frame', () => run.output().includes('kjobs ctx kjobs-sim'), {ms: 30_000});
		assert.equal(readdirSync(tmp).filter(name => name.startsWith('kjobs-demo-')).length, 1);
		process.kill(run.pid, signal);
		const code = await run.exited;
		const output = run.output();
		assert.ok(output.endsWith(leaveAltScreen) || output.endsWith(`${leaveAltScreen}\r\n`), `the last bytes: ${JSON.stringify(output.slice(-40))}`);
		assert.deepEqual(readdirSync(tmp), []);
		assert.equal(code, 128 + constants.signals[signal]);
	});
}
