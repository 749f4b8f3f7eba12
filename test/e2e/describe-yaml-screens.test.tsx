import assert from 'node:assert/strict';
import {afterEach, test} from 'node:test';
import {cleanup} from 'ink-testing-library';
import {cluster, renderApp} from '../helpers/app-fixture.js';

afterEach(() => {
	cleanup();
});

const trimmed = (lines: string[]) => lines.map((line) => line.trimEnd());

test('y shows the selected job as YAML, scrolls with j/PgDn/G/g, follows the live object and marks it deleted', async () => {
	const app = await renderApp({columns: 80, rows: 24});
	await app.press('y');
	let lines = trimmed(app.lines());
	assert.equal(lines[2], 'Jobs › yaml job boom');
	assert.match(lines[3] ?? '', /^YAML job batch\/boom {2}1-17\/46$/);
	assert.deepEqual(lines.slice(4, 7), ['apiVersion: batch/v1', 'kind: Job', 'metadata:']);
	await app.press('j', '\u001B[6~');
	lines = trimmed(app.lines());
	assert.match(lines[3] ?? '', /^YAML job batch\/boom {2}19-35\/46$/);
	await app.press('g');
	assert.match(trimmed(app.lines())[3] ?? '', /^YAML job batch\/boom {2}1-17\/46$/);
	// The job goes: the screen keeps its last state, marked deleted.
	const boom = cluster.jobs?.find((job) => job.metadata.name === 'boom');
	assert.ok(boom);
	app.store.set({...cluster, jobs: cluster.jobs?.filter((job) => job !== boom), deleted: [{object: boom, deletedAt: 0}]});
	await app.press('j');
	assert.match(trimmed(app.lines())[3] ?? '', /^YAML job batch\/boom \(deleted\) {2}2-18\/46$/);
	// Once even the tombstone is gone, the screen says so; Esc goes back to the list.
	app.store.set({...cluster, jobs: cluster.jobs?.filter((job) => job !== boom)});
	await app.press('k');
	assert.equal(trimmed(app.lines())[3], 'This object no longer exists (deleted). Esc goes back.');
	await app.press('\u001B');
	assert.equal(trimmed(app.lines())[2], 'Jobs');
});

test('d describes the object of a detail screen; y swaps to its YAML and Esc returns to the detail', async () => {
	const app = await renderApp({columns: 100, rows: 30});
	await app.press(':cj\r', '\r', 'd');
	let lines = trimmed(app.lines());
	assert.equal(lines[2], 'CronJobs › cronjob nightly › describe cron job nightly');
	assert.equal(lines[3], 'Describe cron job batch/nightly  1-23/30');
	assert.match(lines[4] ?? '', /^Name: +nightly$/);
	await app.press('y');
	lines = trimmed(app.lines());
	assert.equal(lines[2], 'CronJobs › cronjob nightly › yaml cron job nightly');
	assert.deepEqual(lines.slice(4, 6), ['apiVersion: batch/v1', 'kind: CronJob']);
	await app.press('\u001B');
	assert.equal(trimmed(app.lines())[2], 'CronJobs › cronjob nightly');
});
