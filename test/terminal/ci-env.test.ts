import assert from 'node:assert/strict';
import {mkdirSync} from 'node:fs';
import path from 'node:path';
import {test} from 'node:test';
import {hideCi} from '../../source/terminal/ci-env.js';
import {runInPty} from '../helpers/pty-run.js';
import {tempDir, waitFor} from '../helpers/reliability.js';

const dir = tempDir('kjobs-ci-env-');

test('hideCi removes CI and CONTINUOUS_INTEGRATION, and puts back exactly what was there', () => {
	const env: NodeJS.ProcessEnv = {CI: 'true', CONTINUOUS_INTEGRATION: '', CI_JOB_ID: '7', PATH: '/bin'};
	const restore = hideCi(env);
	assert.deepEqual(env, {CI_JOB_ID: '7', PATH: '/bin'});
	restore();
	assert.deepEqual(env, {CI: 'true', CONTINUOUS_INTEGRATION: '', CI_JOB_ID: '7', PATH: '/bin'});
	const bare: NodeJS.ProcessEnv = {PATH: '/bin'};
	hideCi(bare)();
	assert.deepEqual(bare, {PATH: '/bin'}, 'nothing is added that was not set');
});

test('with CI=true exported, kjobs on a terminal still draws live frames: help opens on ?, q quits', {timeout: 40_000}, async () => {
	const tmp = path.join(dir, 'ci');
	mkdirSync(tmp);
	const run = await runInPty(['--demo'], {CI: 'true', CONTINUOUS_INTEGRATION: '1', TMPDIR: tmp, HOME: tmp});
	try {
		// In Ink's CI mode nothing is drawn before exit: the first frame and the help screen are both live frames.
		await waitFor('the first frame', () => run.output().includes('ctx kjobs-sim'), {ms: 30_000});
		run.type('?');
		await waitFor('help', () => run.output().includes('Navigation'), {ms: 10_000});
		run.type('qq');
		assert.equal(await run.exited, 0);
	} finally {
		if (run.exitedAt() === undefined) {
			process.kill(run.pid, 'SIGKILL');
		}
	}
});
