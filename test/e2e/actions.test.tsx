/**
The actions end to end: the real App on a real writable session against the simulated demo cluster. The dialog opens,
the confirmation sends exactly one request, the message line reports it, and the table changes only through the watch.
*/
import assert from 'node:assert/strict';
import {test} from 'node:test';
import type {Job, Pod} from '../../source/kube/types.js';
import {type SessionWorld, sessionWorld} from '../helpers/session-world.js';

const writes = (world: SessionWorld, from = 0) => world.sim.requests.slice(from)
	.filter((request) => request.method !== 'GET')
	.map((request) => `${request.method} ${request.path}${request.query ? `?${request.query}` : ''}`);
const messageLine = (world: SessionWorld) => world.lines().at(-2) ?? '';
const crumb = (world: SessionWorld) => world.lines()[2] ?? '';
const reviews = (world: SessionWorld) => writes(world).filter((line) => line.includes('selfsubjectaccessreviews')).length;

test('delete (Background) from the dialog: one DELETE, the row goes from the watch, the pods follow, the row fades', async () => {
	const world = await sessionWorld({scenario: 'demo'});
	try {
		await world.waitFor((frame) => frame.includes('watch live'), 'the watches to go live');
		// A writable session asks what it may do: seven SelfSubjectAccessReviews, all allowed by the demo.
		await world.waitFor(() => reviews(world) === 7, 'the RBAC reviews');
		await world.press('/memory-hog', '\r', '\u0004');
		// The box is drawn over the table, centred: the row it is about shows beside its top edge.
		assert.match(world.lines()[4] ?? '', /^batch {5}memory-hog F╭─+╮/);
		const dialog = world.lines().slice(4, 16).map((line) => line.slice(22, 98));
		assert.deepEqual(dialog, [
			'╭──────────────────────────────────────────────────────────────────────────╮',
			'│ Delete job                                                               │',
			'│ Delete job batch/memory-hog and its 3 pods?                              │',
			'│                                                                          │',
			'│ ▶ Background (default)                                                   │',
			'│   Foreground                                                             │',
			'│   Orphan                                                                 │',
			'│ Delete the job now; the garbage collector then deletes its pods (as      │',
			'│ kubectl does).                                                           │',
			'│                                                                          │',
			'│ y/Enter Delete (Background)  n/Esc Cancel  →/Tab Next  ← Previous        │',
			'╰──────────────────────────────────────────────────────────────────────────╯',
		]);
		const before = world.sim.requests.length;
		await world.press('y');
		await world.waitFor(() => messageLine(world) === '✓ deleted job batch/memory-hog; its pods are being removed', 'the result');
		await world.waitFor(() => /^batch {5}memory-hog deleted \(Failed/.test(world.lines()[4] ?? ''), 'the deleted row from the watch');
		assert.deepEqual(writes(world, before), [`DELETE /apis/batch/v1/namespaces/batch/jobs/memory-hog?propagationPolicy=Background`]);
		assert.equal(world.sim.store.get<Job>('Job', 'batch', 'memory-hog'), undefined);
		await world.advance(2000);
		const orphans = world.sim.store.list<Pod>('Pod', 'batch').filter((pod) => pod.metadata.name?.startsWith('memory-hog-'));
		assert.deepEqual(orphans, []);
		// The tombstone stays a minute, then the row is gone.
		await world.advance(61_000);
		await world.waitFor(() => world.lines()[4] === 'no jobs match "memory-hog"', 'the row to fade out');
	} finally {
		await world.stop();
	}
});

test('trigger a cron job: one POST, and the new <cronjob>-manual-xxxxx job is selected once the watch has it', async () => {
	const world = await sessionWorld({scenario: 'demo'});
	try {
		await world.waitFor((frame) => frame.includes('watch live'), 'the watches to go live');
		await world.press(':cj\r', '/hello', '\r', 't');
		assert.equal(world.frame().includes('Start a job from cron job default/hello now?'), true);
		const before = world.sim.requests.length;
		await world.press('y');
		await world.waitFor(() => crumb(world) === 'CronJobs › cronjob hello', 'the cron job screen with the new job');
		const created = /^✓ created job default\/(hello-manual-[a-z\d]{5}) from cron job hello$/.exec(messageLine(world))?.[1];
		assert.ok(created, messageLine(world));
		assert.deepEqual(writes(world, before), ['POST /apis/batch/v1/namespaces/default/jobs?fieldManager=kjobs']);
		// Enter opens the selected job: the new one.
		await world.press('\r');
		assert.equal(crumb(world), `CronJobs › cronjob hello › job ${created}`);
	} finally {
		await world.stop();
	}
});

test('rerun confirmed with Enter twice in one read creates one job, and its screen opens', async () => {
	const world = await sessionWorld({scenario: 'demo'});
	try {
		await world.waitFor((frame) => frame.includes('watch live'), 'the watches to go live');
		await world.press('/pi-with-ttl', '\r', 'r');
		assert.equal(world.frame().includes('Rerun job default/pi-with-ttl?'), true);
		const before = world.sim.requests.length;
		// Both Enters arrive in one chunk: the first confirms and closes the dialog, the second opens the old job.
		await world.press('\r\r');
		await world.waitFor(() => /^Jobs › job pi-with-ttl-rerun-[a-z\d]{5}$/.test(crumb(world)), 'the new job\'s screen');
		assert.match(messageLine(world), /^✓ created job default\/pi-with-ttl-rerun-[a-z\d]{5} \(rerun of pi-with-ttl\)$/);
		assert.deepEqual(writes(world, before), ['POST /apis/batch/v1/namespaces/default/jobs?fieldManager=kjobs']);
		// Esc goes back to the list, where the cursor is on the new job too (the filter hides neither).
		await world.press('\u001B', '\r');
		assert.match(crumb(world), /^Jobs › job pi-with-ttl-rerun-[a-z\d]{5}$/);
	} finally {
		await world.stop();
	}
});
