import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {mkdirSync, readdirSync, readFileSync, statSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {test} from 'node:test';
import {appOn} from '../helpers/app-rig.js';
import {connectionFrom, fakeToken, secrets, tempDir, waitFor} from '../helpers/reliability.js';

const dir = tempDir('kjobs-secrets-');
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const leaks = (text: string) => secrets.filter(secret => text.includes(secret));

test('kjobs simulate --tls --token --faults chaos, then kjobs on it saving a log: no secret in any output or file kjobs wrote', {timeout: 40_000}, async () => {
	const kubeconfig = path.join(dir, 'sim.kubeconfig');
	const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'source/bin.ts'), 'simulate', '--tls', '--token', fakeToken, '--faults', 'chaos', '--seed', '1', '--kubeconfig-out', kubeconfig], {cwd: root, env: {PATH: process.env['PATH'] ?? '', HOME: dir}});
	let stdout = '';
	let stderr = '';
	child.stdout.on('data', (chunk: Buffer) => {
		stdout += chunk.toString();
	});
	child.stderr.on('data', (chunk: Buffer) => {
		stderr += chunk.toString();
	});
	const exited = new Promise<number | null>(resolve => child.on('exit', code => resolve(code)));
	try {
		await waitFor('the simulator', () => stdout.includes('Simulated cluster at'), {ms: 20_000});
		assert.match(stdout, /^Simulated cluster at https:\/\/127\.0\.0\.1:\d+ \[faults: drop=0\.03,expire=0\.02,error=0\.05,throttle=0\.03,stall=0\.01,slow=0\.05,truncate=0\.01,restart=0\.002; TLS with a generated CA; bearer token required\] \(kubeconfig: /);
		// The kubeconfig must carry the token (that is its job), but only its owner may read it.
		const yaml = readFileSync(kubeconfig, 'utf8');
		assert.ok(yaml.includes(fakeToken) && yaml.includes('certificate-authority-data'));
		assert.equal(statSync(kubeconfig).mode & 0o777, 0o600);

		const logs = path.join(dir, 'saved-logs');
		mkdirSync(logs);
		const app = appOn(connectionFrom(dir, yaml, {allNamespaces: true}), {columns: 120, rows: 24, logDirectory: logs});
		try {
			await waitFor('jobs on screen', () => app.session.store.getSnapshot().jobs.size > 3, {ms: 15_000});
			// Open a job's logs and save them, twice, across whatever the chaos does meanwhile.
			// s asks for the path; Enter takes the default place (the log directory given).
			for (const keys of ['\r', 'l', 's', '\r', '\u001B', '\u001B[B', 'l', 's', '\r', '\u001B']) {
				app.press(keys);
				await new Promise(resolve => setTimeout(resolve, 150));
			}

			const frames = app.frames().join('\n');
			assert.deepEqual(leaks(frames), []);
			const written = (() => {
				try {
					return readdirSync(logs).map(name => path.join(logs, name));
				} catch {
					return [];
				}
			})();
			for (const file of written) {
				assert.deepEqual(leaks(readFileSync(file, 'utf8')), [], file);
			}

			assert.ok(written.length > 0, app.frame());
			console.log(`# secrets: ${app.frames().length} frames and ${written.length} saved log files checked, none carries a secret`);
		} finally {
			await app.stop();
		}
	} finally {
		child.kill('SIGINT');
		const code = await exited;
		assert.equal(code, 0);
		assert.deepEqual(leaks(stdout + stderr), []);
		assert.equal(stderr, '');
	}
});
