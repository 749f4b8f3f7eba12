import assert from 'node:assert/strict';
import {writeFileSync} from 'node:fs';
import path from 'node:path';
import {after, test} from 'node:test';
import {loadConnection} from '../../source/cluster/connection/kubeconfig.js';
import {ManualClock} from '../../source/simulator/clock.js';
import {startSimulator} from '../../source/simulator/index.js';
import {appOn} from '../helpers/app-rig.js';
import {jobInput, start, tempDir, waitFor} from '../helpers/reliability.js';

const dir = tempDir('kjobs-context-switch-');

test('`:ctx` to a context of a second kubeconfig file shows that context\'s namespace and its jobs', {timeout: 20_000}, async () => {
	const sim = await startSimulator({clock: new ManualClock(start)});
	after(async () => sim.stop());
	sim.store.create('Job', jobInput('home-job', 'default'));
	sim.store.create('Job', jobInput('batch-job-1', 'batch'));
	sim.store.create('Job', jobInput('batch-job-2', 'batch'));
	// KUBECONFIG=a.yaml:b.yaml, where b.yaml adds a context on the same cluster and user with its own namespace.
	const first = path.join(dir, 'a.yaml');
	const second = path.join(dir, 'b.yaml');
	writeFileSync(first, sim.kubeconfig);
	writeFileSync(second, [
		'apiVersion: v1',
		'kind: Config',
		'contexts:',
		'  - name: other',
		'    context:',
		'      cluster: kjobs-sim',
		'      user: kjobs-sim',
		'      namespace: batch',
		'',
	].join('\n'));
	const connection = loadConnection({env: {KUBECONFIG: `${first}${path.delimiter}${second}`}, homeDir: dir});
	const app = appOn(connection, {columns: 120, rows: 24});
	try {
		await waitFor('the default namespace\'s job', () => app.frame().includes('home-job') && app.frame().includes('watch live'));
		for (const key of ':ctx other\r') {
			app.press(key);
		}

		await waitFor('the other context\'s jobs', () => app.frame().includes('batch-job-2') && app.frame().includes('watch live')).catch((error: unknown) => {
			throw new Error(`${(error as Error).message}:\n${app.frame()}`);
		});
		const lines = app.lines();
		assert.match(lines[0]!, /ctx other · ns batch/);
		assert.match(lines[1]!, /^2 jobs/);
		assert.ok(!app.frame().includes('home-job'), 'the first context\'s namespace is out of scope');
		// No frame ever claimed a live watch with no jobs while the namespace in scope held two.
		const lying = app.frames().find(frame => frame.includes('ctx other') && frame.includes('watch live') && frame.includes('no jobs'));
		assert.equal(lying, undefined, `a frame said "watch live" and "no jobs":\n${lying}`);
	} finally {
		await app.stop();
	}
});
