import assert from 'node:assert/strict';
import {afterEach, test} from 'node:test';
import {cleanup} from 'ink-testing-library';
import {allAllowed} from '../../source/cluster/actions/permissions.js';
import type {UiRequest} from '../../source/state/types.js';
import {renderApp} from '../helpers/app-fixture.js';
import {settle} from '../helpers/app.js';

afterEach(() => {
	cleanup();
});

const writable = {readOnly: undefined, permissions: allAllowed};
const access = {current: () => writable, subscribe: () => () => {}};

test('at 80×24 the delete dialog is drawn over the table, the frame keeps its height, and confirming sends one action', async () => {
	const requests: UiRequest[] = [];
	const app = await renderApp({columns: 80, rows: 24, access, onRequest: (request) => {
		requests.push(request);
		return {ok: true, message: 'deleted job batch/boom; its pods are being removed'};
	}});
	await app.press('\u0004');
	const lines = app.lines().map((line) => line.trimEnd());
	assert.equal(lines.length, 23);
	assert.deepEqual(lines.slice(2, 16), [
		'Jobs',
		'NAMESPACE NAME ▲       STATUS        COMPLETIONS FAILED RETRY DEADLINE TTL AGE',
		'ba╭──────────────────────────────────────────────────────────────────────────╮',
		'ba│ Delete job                                                               │',
		'ba│ Delete job batch/boom and its 2 pods?                                    │',
		'de│                                                                          │',
		'  │ ▶ Background (default)                                                   │',
		'  │   Foreground                                                             │',
		'  │   Orphan                                                                 │',
		'  │ Delete the job now; the garbage collector then deletes its pods (as      │',
		'  │ kubectl does).                                                           │',
		'  │                                                                          │',
		'  │ y/Enter Delete (Background)  n/Esc Cancel  →/Tab Next  ← Previous        │',
		'  ╰──────────────────────────────────────────────────────────────────────────╯',
	]);
	await app.press('\t', 'yy');
	await settle();
	assert.deepEqual(requests, [{
		kind: 'action', target: {kind: 'job', uid: 'uid-boom'},
		action: {kind: 'delete', resource: 'jobs', target: {namespace: 'batch', name: 'boom', uid: 'uid-boom'}, propagation: 'Foreground'},
	}]);
	assert.equal(app.lines().at(-2)?.trimEnd(), '✓ deleted job batch/boom; its pods are being removed');
});

test('the rerun dialog of a job\'s screen, and the suspend dialog; n cancels without a request', async () => {
	const requests: UiRequest[] = [];
	const app = await renderApp({columns: 80, rows: 24, access, onRequest: (request) => {
		requests.push(request);
	}});
	await app.press('\r', 'r');
	const lines = app.lines().map((line) => line.trimEnd());
	assert.equal(lines[2], 'Jobs › job boom');
	assert.deepEqual(lines.slice(5, 9).map((line) => line.slice(2, 78)), [
		'│ Rerun job                                                                │',
		'│ Rerun job batch/boom?                                                    │',
		'│ A new job is created from its spec; the old one is not changed.          │',
		'│                                                                          │',
	]);
	await app.press('n', 's');
	assert.match(app.frame(), /Suspend job batch\/boom\?/);
	await app.press('\u001B');
	assert.equal(app.lines().at(-2)?.trimEnd(), 'Suspend job: cancelled');
	assert.deepEqual(requests, []);
});

test('a dialog is drawn over the view it was opened from: the table stays in sight around it', async () => {
	const app = await renderApp({columns: 120, rows: 30, access, onRequest: () => {}});
	const before = app.lines().map((line) => line.trimEnd());
	const header = before.findIndex((line) => line.startsWith('NAMESPACE'));
	const row = before.findIndex((line) => line.startsWith('batch') && line.includes('boom'));
	assert.ok(header > 0 && row > header, before.join('\n'));
	await app.press('\u0004');
	const lines = app.lines().map((line) => line.trimEnd());
	assert.equal(lines.length, 29);
	// The column titles above the box, and the row the dialog is about beside its left edge.
	assert.equal(lines[header], before[header]);
	assert.ok(lines.some((line) => line.includes('│ Delete job batch/boom and its 2 pods?')), lines.join('\n'));
	assert.ok(lines[row]?.startsWith(before[row]!.slice(0, 14)), lines.join('\n'));
	// Inside the box nothing of the table shows through.
	const inside = lines.filter((line) => line.includes('│ ')).map((line) => line.slice(line.indexOf('│'), line.lastIndexOf('│') + 1));
	assert.ok(inside.every((text) => !text.includes('boom ') || text.includes('Delete job')), inside.join('\n'));
});
