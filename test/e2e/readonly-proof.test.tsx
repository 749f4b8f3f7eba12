/**
Issue 6's read-only proof: the real App on a real read-only session against the simulated demo cluster. Every action
key in every view (and confirming any dialog) sends no POST, PUT, PATCH or DELETE — not even the RBAC reviews — and the
message line says why.
*/
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {allAllowed} from '../../source/cluster/actions/permissions.js';
import {type SessionWorld, sessionWorld} from '../helpers/session-world.js';

const refusal = '! read-only: kjobs was started with --demo';
const mutating = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const writes = (world: SessionWorld) => world.sim.requests.filter((request) => mutating.has(request.method)).map((request) => `${request.method} ${request.path}`);
const messageLine = (world: SessionWorld) => world.lines().at(-2);
const crumb = (world: SessionWorld) => world.lines()[2];

// Which action keys each view binds (keymap.ts); the others must do nothing at all.
const bound: Record<string, readonly string[]> = {
	jobs: ['\u0004', 'r', 's'],
	'job detail': ['\u0004', 'r', 's'],
	cronjobs: ['\u0004', 't', 's'],
	'cronjob detail': ['\u0004', 't', 's'],
	pods: ['\u0004'],
	'pod detail': ['\u0004'],
};

async function goTo(world: SessionWorld, view: string): Promise<void> {
	// Back to the jobs list first, whatever is open.
	await world.press('\u001B', '\u001B', '\u001B', ':jobs\r');
	const steps: Record<string, string[]> = {
		jobs: [], 'job detail': ['\r'], cronjobs: [':cj\r'], 'cronjob detail': [':cj\r', '\r'], pods: [':pods\r'], 'pod detail': [':pods\r', '\r'],
	};
	await world.press(...(steps[view] ?? []));
}

const expectedCrumb: Record<string, RegExp> = {
	jobs: /^Jobs$/, 'job detail': /^Jobs › job \S+$/, cronjobs: /^CronJobs$/, 'cronjob detail': /^CronJobs › cronjob \S+$/,
	pods: /^Pods$/, 'pod detail': /^Pods › pod \S+$/,
};

test('read-only: every action key in every view is refused with the reason, and nothing mutating reaches the server', async () => {
	const world = await sessionWorld({scenario: 'demo', readOnly: '--demo'});
	try {
		await world.waitFor((frame) => frame.includes('watch live'), 'the watches to go live');
		for (const view of Object.keys(bound)) {
			await goTo(world, view);
			assert.match(crumb(world) ?? '', expectedCrumb[view] ?? /^$/, view);
			for (const key of ['\u0004', 'r', 't', 's']) {
				await world.press(key);
				if (bound[view]?.includes(key)) {
					assert.equal(messageLine(world), refusal, `${view} ${JSON.stringify(key)}`);
				}

				// No dialog opened (its keys line would show); y / Enter confirm one if it had, then we go back.
				assert.equal(world.frame().includes('n/Esc Cancel'), false, `${view} ${JSON.stringify(key)} opened a dialog`);
				await world.press('y', '\u001B');
				await goTo(world, view);
				await world.press(key, '\r', '\u001B');
				await goTo(world, view);
			}
		}

		// Time passes and the demo keeps running: still nothing sent by kjobs.
		await world.advance(5000);
		assert.deepEqual(writes(world), []);
	} finally {
		await world.stop();
	}
});

test('read-only: even a dialog opened on stale access (claiming writable) is refused by the gate when confirmed', async () => {
	// The app is told everything is allowed, so every dialog opens; the session's gate is still read-only.
	const stale = {readOnly: undefined, permissions: allAllowed};
	const writable = {current: () => stale, subscribe: () => () => {}};
	const world = await sessionWorld({scenario: 'demo', readOnly: '--demo', access: writable});
	try {
		await world.waitFor((frame) => frame.includes('watch live'), 'the watches to go live');
		const dialogs: string[] = [];
		for (const view of Object.keys(bound)) {
			for (const key of bound[view] ?? []) {
				for (const confirm of ['y', '\r']) {
					await goTo(world, view);
					await world.press(key);
					await world.waitFor((frame) => frame.includes('n/Esc Cancel'), `the ${view} dialog of ${JSON.stringify(key)}`);
					dialogs.push(`${view} ${JSON.stringify(key)}`);
					await world.press(confirm);
					await world.waitFor(() => messageLine(world) === '✗ read-only: kjobs was started with --demo', `the refusal in ${view}`);
				}
			}
		}

		assert.equal(dialogs.length, 28);
		assert.deepEqual(writes(world), []);
	} finally {
		await world.stop();
	}
});
