import '../helpers/force-color.js';
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {startSimulator} from '../../source/simulator/index.js';
import {appOn} from '../helpers/app-rig.js';
import {connectionFrom, tempDir, waitFor} from '../helpers/reliability.js';

const dir = tempDir('kjobs-screen-');
const dim = '\u001B[2m';
const inverse = '\u001B[7m';
// eslint-disable-next-line no-control-regex
const plain = (text: string) => text.replaceAll(/\u001B\[\d+m/g, '').trimEnd();

test('under faults: reconnecting with the next attempt, stale rows, keys working; back to live without the banner', {timeout: 30_000}, async () => {
	const sim = await startSimulator({scenario: 'demo', seed: 8});
	const app = appOn(connectionFrom(dir, sim.kubeconfig, {allNamespaces: true}), {columns: 240, rows: 14, noColor: false});
	const line = (index: number) => app.lines()[index] ?? '';
	const rows = () => app.lines().slice(4, 10);
	try {
		await waitFor('live', () => plain(line(1)).endsWith('│ watch live') && rows().length > 3, {ms: 8000});
		assert.equal(rows().filter(row => row.includes(dim)).length, 0);
		const name = plain(rows()[0] ?? '').split(/\s+/)[1] ?? '';

		// Every list and watch now fails; the open watches break.
		sim.setFaults({error: 1});
		sim.dropWatches();
		await waitFor('the reconnecting banner', () => /│ jobs reconnecting — next try in \ds · cronjobs reconnecting — next try in \ds/.test(plain(line(1))), {ms: 8000});
		await waitFor('stale rows', () => rows().every(row => row.includes(dim)));
		await waitFor('failed retries', () => sim.faultCounts.error >= 3, {ms: 8000});

		// Keys keep working while disconnected: move, open, back, help, back.
		assert.ok(rows()[0]?.includes(inverse));
		app.press('\u001B[B');
		await waitFor('the selection one row down', () => rows()[1]?.includes(inverse) ?? false);
		app.press('\u001B[A');
		await waitFor('the selection back up', () => rows()[0]?.includes(inverse) ?? false);
		app.press('\r');
		await waitFor('the job opened', () => plain(line(2)) === `Jobs › job ${name}`);
		app.press('\u001B');
		await waitFor('back to the list', () => plain(line(2)) === 'Jobs');
		app.press('?');
		await waitFor('help', () => plain(line(2)) !== 'Jobs');
		app.press('\u001B');
		await waitFor('help closed', () => plain(line(2)) === 'Jobs');

		// The server comes back: the banner goes and the rows are live again.
		sim.setFaults({});
		const back = Date.now();
		await waitFor('live again', () => plain(line(1)).endsWith('│ watch live'), {ms: 10_000});
		await waitFor('fresh rows', () => rows().every(row => !row.includes(dim)));
		console.log(`# screen: ${sim.faultCounts.error} failed requests, live again ${Date.now() - back} ms after the server recovered`);
		app.press('q');
		await waitFor('quit', () => app.quits() === 1);
	} finally {
		await app.stop();
		await sim.stop();
	}
});
