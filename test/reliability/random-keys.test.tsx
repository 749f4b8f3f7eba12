import assert from 'node:assert/strict';
import {test} from 'node:test';
import {startSimulator} from '../../source/simulator/index.js';
import {seededRandom} from '../../source/simulator/random.js';
import {appOn} from '../helpers/app-rig.js';
import {connectionFrom, tempDir, waitFor} from '../helpers/reliability.js';

const dir = tempDir('kjobs-keys-');

// Every key the keymap knows plus noise: letters, digits, arrows, paging, Enter, Esc, Tab, Backspace, Ctrl combinations.
const keys = [
	...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789:/?!.-_= ',
	'\r', '\u001B', '\t', '\u007F', '\u001B[A', '\u001B[B', '\u001B[C', '\u001B[D', '\u001B[5~', '\u001B[6~', '\u001B[H', '\u001B[F',
	'\u0004', '\u0015', '\u0006', '\u0002', '\u000C', '\u001B[Z',
];
// Typed into prompts now and then, so dialogs get confirmed and commands run.
const phrases = [':ns batch\r', ':ns default\r', ':ns all\r', ':jobs\r', ':pods\r', ':cronjobs\r', ':ctx kjobs-sim\r', '/db\r', 'y', 'yes\r', 'dy', 'xy'];
const mutating = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const reviews = /\/selfsubject(access|rules)reviews$/;

async function pressRandomKeys(readOnly: boolean, count: number, seed: number) {
	const sim = await startSimulator({scenario: 'demo', seed});
	const app = appOn(connectionFrom(dir, sim.kubeconfig, {allNamespaces: true}), {readOnly, columns: 110, rows: 24});
	const random = seededRandom(seed);
	const before = sim.requests.length;
	const screens = new Set<string>();
	try {
		await waitFor('live', () => (app.lines()[1] ?? '').endsWith('│ watch live'), {ms: 8000});
		for (let pressed = 0; pressed < count; pressed++) {
			const dice = random();
			// Enter and Esc often enough that screens open and close, phrases now and then, otherwise any key.
			const text = dice < 0.03 ? phrases[Math.floor(random() * phrases.length)]! : (dice < 0.12 ? '\r' : (dice < 0.18 ? '\u001B' : keys[Math.floor(random() * keys.length)]!));
			app.press(text);
			if (pressed % 20 === 0) {
				screens.add((app.lines()[2] ?? '').split(' › ').map(part => part.split(' ')[0]).join(' › '));
				// Let React, Ink and the network take turns, as a person typing fast would.
				await new Promise(resolve => setImmediate(resolve));
			}
		}

		app.press('\u001B\u001B\u001B');
		await new Promise(resolve => setTimeout(resolve, 50));
		const frame = app.frame();
		assert.ok(frame.length > 0);
		assert.doesNotMatch(frame, /\n\s+at .+:\d+:\d+|ERROR\s/);
		const writes = sim.requests.slice(before).filter(request => mutating.has(request.method) && !reviews.test(request.path));
		return {frame, writes: writes.map(request => `${request.method} ${request.path}`), quits: app.quits(), screens};
	} finally {
		await app.stop();
		await sim.stop();
	}
}

test('5,000 random keys in read-only mode: no crash and not one mutating request', {timeout: 60_000}, async () => {
	const result = await pressRandomKeys(true, 5000, 21);
	assert.deepEqual(result.writes, []);
	assert.ok(result.screens.size >= 5, [...result.screens].join(' | '));
	console.log(`# read-only: 5000 keys, 0 writes, ${result.quits} quit requests, ${result.screens.size} distinct screens: ${[...result.screens].join(' | ')}`);
});

test('5,000 random keys in normal mode: no crash (writes allowed)', {timeout: 60_000}, async () => {
	const result = await pressRandomKeys(false, 5000, 22);
	assert.ok(result.screens.size >= 5, [...result.screens].join(' | '));
	console.log(`# normal: 5000 keys, ${result.screens.size} distinct screens, ${result.writes.length} writes (${[...new Set(result.writes.map(write => write.split(' ')[0]))].join(', ')}), ${result.quits} quit requests`);
	assert.ok(result.frame.split('\n').length > 1);
});
