import assert from 'node:assert/strict';
import {test} from 'node:test';
import {loadConnection} from '../../source/cluster/connection/kubeconfig.js';
import type {NotifyPolicy} from '../../source/session/notifier.js';
import {startSession} from '../../source/session/session.js';
import {notificationBytes} from '../../source/terminal/notify.js';
import {noticeText} from '../../source/view-model/notify/job-end.js';
import {headlessWorld} from '../helpers/headless.js';
import {waitFor} from '../helpers/wait-for.js';
import {headlessScenario} from '../headless/scenario.js';

/** A session on the headless scenario with `policy`; returns every byte sent to the terminal once doomed has failed. */
async function bytesUntilDoomedFails(policy: NotifyPolicy, osc: '9' | '777' = '9', tmux = false): Promise<string[]> {
	const world = await headlessWorld(headlessScenario);
	const sent: string[] = [];
	const session = startSession({
		connection: loadConnection({kubeconfig: world.kubeconfig, namespace: 'batch', env: {}, homeDir: world.dir}),
		demo: false, clock: world.clock, notify: {policy, terminal: {osc, tmux}, write: bytes => sent.push(bytes)},
	});
	try {
		await waitFor('the first list', () => {
			session.store.flush();
			return session.store.getSnapshot().jobs.size === 3;
		});
		for (let step = 0; step < 80; step++) {
			await world.advance(1000);
			session.store.flush();
		}

		const doomed = [...session.store.getSnapshot().jobs.values()].find(job => job.metadata.name === 'doomed');
		assert.ok(doomed?.status?.conditions?.some(condition => condition.type === 'Failed'), 'doomed has failed');
		return sent;
	} finally {
		await session.stop();
		await world.stop();
	}
}

test('a failing job in view rings the bell and sends OSC 9 naming the job, the outcome, the reason and the exit code', async () => {
	assert.deepEqual(await bytesUntilDoomedFails('failed'), [
		'\u0007\u001B]9;kjobs: job failed: job batch/doomed failed: BackoffLimitExceeded, exit 3 Error\u0007',
	]);
});

test('--notify all also announces completions; OSC 777 and tmux passthrough wrapping with every ESC doubled', async () => {
	assert.deepEqual(await bytesUntilDoomedFails('all', '777', true), [
		'\u0007\u001BPtmux;\u001B\u001B]777;notify;kjobs: job complete;job batch/quick complete\u0007\u001B\\',
		'\u0007\u001BPtmux;\u001B\u001B]777;notify;kjobs: job failed;job batch/doomed failed: BackoffLimitExceeded, exit 3 Error\u0007\u001B\\',
	]);
});

test('--notify off sends nothing at all', async () => {
	assert.deepEqual(await bytesUntilDoomedFails('off'), []);
});

test('a hostile job name or reason cannot inject an escape: BEL, ESC, the one-byte ST and CSI and bidi controls are stripped', () => {
	const hostile = 'evil\u0007\u001B]0;owned\u001B\\\u009C\u009B2J\u202Ename;x';
	const {title, body} = noticeText([{uid: 'u', namespace: 'ns', name: hostile, outcome: 'failed', reason: `Boom\u001B[31m`, exit: 'exit 1 Error'}]);
	for (const terminal of [{osc: '9', tmux: false}, {osc: '777', tmux: false}, {osc: '9', tmux: true}] as const) {
		const bytes = notificationBytes(title, body, terminal);
		const inner = terminal.tmux ? bytes.slice('\u0007\u001BPtmux;\u001B\u001B]'.length, -'\u0007\u001B\\'.length) : bytes.slice('\u0007\u001B]'.length, -1);
		assert.doesNotMatch(inner, /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/, JSON.stringify(bytes));
	}

	assert.equal(notificationBytes(title, body, {osc: '9', tmux: false}), '\u0007\u001B]9;kjobs: job failed: job ns/evil ]0,owned \\ 2J name;x failed: Boom [31m, exit 1 Error\u0007'.replace('0,owned', '0;owned'));
});

test('a wave of failures is one message: the first at once, the rest gathered until the quiet interval ends', () => {
	const {title, body} = noticeText([
		{uid: 'a', namespace: 'batch', name: 'a', outcome: 'failed', reason: 'BackoffLimitExceeded', exit: 'exit 1 Error'},
		{uid: 'b', namespace: 'batch', name: 'b', outcome: 'complete'},
		{uid: 'c', namespace: 'default', name: 'c', outcome: 'failed', reason: 'DeadlineExceeded'},
	]);
	assert.deepEqual({title, body}, {
		title: 'kjobs: 3 jobs ended (2 failed, 1 complete)',
		body: 'batch/a failed: BackoffLimitExceeded, exit 1 Error; default/c failed: DeadlineExceeded; batch/b complete',
	});
});
