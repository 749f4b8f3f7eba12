import assert from 'node:assert/strict';
import {afterEach, test} from 'node:test';
import {cleanup} from 'ink-testing-library';
import {allAllowed} from '../../source/cluster/actions/permissions.js';
import type {UiRequest} from '../../source/state/types.js';
import {cluster, renderApp} from '../helpers/app-fixture.js';
import {fixedAccess, settle} from '../helpers/app.js';

afterEach(() => {
	cleanup();
});

type App = Awaited<ReturnType<typeof renderApp>>;

// Every frame: exactly rows − 1 lines (taller frames make Ink clear the scrollback), none wider than the terminal.
function checkFrame(app: App): string[] {
	const lines = app.lines();
	assert.equal(lines.length, app.size.rows - 1, 'frame height');
	for (const line of lines) {
		assert.ok([...line].length <= app.size.columns, `too wide: ${JSON.stringify(line)}`);
	}

	return lines.map((line) => line.trimEnd());
}

const header = [
	'kjobs  DEMO   READ-ONLY  ctx kind-kjobs · ns all · https://127.0.0.1:6443',
	'4 jobs · 2 running · 1 failed │ watch live',
];

test('the jobs view at 80×24: header, breadcrumb, table with dropped columns, hints', async () => {
	const app = await renderApp({columns: 80, rows: 24});
	const lines = checkFrame(app);
	assert.deepEqual(lines.slice(0, 8), [
		...header,
		'Jobs',
		'NAMESPACE NAME ▲       STATUS        COMPLETIONS FAILED RETRY DEADLINE TTL AGE',
		'batch     boom         Failed: Back… 0/1         2                         5m',
		'batch     nightl…23919 Complete      1/1         0                         60s',
		'batch     pi           Running       0/1         0                         50s',
		'default   shards       Running       2/4         0                         2m',
	]);
	assert.deepEqual(lines.slice(8, 21), Array.from({length: 13}, () => ''));
	assert.equal(lines[21], '');
	assert.equal(lines[22], 'Enter Open  Esc Back  : Command  / Filter  l Logs  ? Help  q Quit');
});

test('the jobs view at 100 columns shows more columns, and ages tick with the clock', async () => {
	const app = await renderApp();
	const lines = checkFrame(app);
	assert.equal(lines[3], 'NAMESPACE NAME ▲           STATUS                       COMPLETIONS FAILED RETRY DEADLINE TTL AGE');
	assert.equal(lines[6], 'batch     pi               Running                      0/1         0                         50s');
	app.clock.advance(10_000);
	await settle();
	assert.equal(checkFrame(app)[6], 'batch     pi               Running                      0/1         0                         60s');
});

test('the cronjobs view (:cj) and its detail with the next five runs, then a job of it', async () => {
	const app = await renderApp();
	await app.press(':', 'c', 'j', '\r');
	let lines = checkFrame(app);
	assert.deepEqual(lines.slice(2, 5), [
		'CronJobs',
		'NAMESPACE NAME ▲  SCHEDULE    SUSPEND ACTIVE LAST SCHEDULE NEXT HISTORY AGE',
		'batch     nightly */5 * * * * False        0 60s           due  ✓       24h',
	]);
	await app.press('\r');
	lines = checkFrame(app);
	assert.deepEqual(lines.slice(2, 10), [
		'CronJobs › cronjob nightly',
		'batch/nightly',
		'Schedule: */5 * * * *  Time zone: UTC (no timeZone set: the controller uses its own local zone)',
		'Next runs',
		'  2026-11-23 12:05:00 +00:00  (in 5m)',
		'  2026-11-23 12:10:00 +00:00  (in 10m)',
		'  2026-11-23 12:15:00 +00:00  (in 15m)',
		'  2026-11-23 12:20:00 +00:00  (in 20m)',
	]);
	assert.ok(lines.includes('Last success: 2026-11-23 11:59:10 +00:00 (50s ago)'));
	const jobs = lines.indexOf('Jobs (1)');
	assert.equal(jobs, 24);
	assert.deepEqual(lines.slice(jobs, jobs + 3), [
		'Jobs (1)',
		'NAME             STATUS   COMPLETIONS FAILED RETRY DEADLINE TTL AGE',
		'nightly-29923919 Complete 1/1         0                         60s',
	]);
	await app.press('\r');
	lines = checkFrame(app);
	assert.equal(lines[2], 'CronJobs › cronjob nightly › job nightly-29923919');
	assert.equal(lines[3], 'batch/nightly-29923919  Complete  cronjob nightly');
	await app.press('\u001B', '\u001B');
	assert.equal(checkFrame(app)[2], 'CronJobs');
});

test('the pods view (:pods) and hiding completed pods with c', async () => {
	const app = await renderApp();
	await app.press(':', 'p', 'o', 'd', 's', '\r');
	let lines = checkFrame(app);
	assert.deepEqual(lines.slice(2, 9), [
		'Pods',
		'NAMESPACE NAME ▲                 READY STATUS    RESTARTS EXIT        AGE',
		'batch     boom-aaaaa             0/1   Error     0        1 Error     5m',
		'batch     boom-bbbbb             0/1   Error     0        1 Error     4m30s',
		'batch     nightly-29923919-c4f5g 0/1   Completed 0        0 Completed 60s',
		'batch     pi-x7k2q               1/1   Running   0                    50s',
		'default   shards-2-r2d2a         1/1   Running   0                    30s',
	]);
	await app.press('c');
	lines = checkFrame(app);
	assert.equal(lines.some((line) => line.includes('c4f5g')), false);
	// The same columns as before: hiding rows (shorter names) brings no dropped column back.
	assert.equal(lines[3], 'NAMESPACE NAME ▲         READY STATUS  RESTARTS EXIT    AGE');
	assert.equal(lines.filter((line) => /^(batch|default) /.test(line)).length, 4);
	assert.equal(lines[27], 'completed hidden (c shows them)');
});

test('the job detail at 80×24: spec, conditions, attempt timeline bars and pods', async () => {
	const app = await renderApp({columns: 80, rows: 24});
	await app.press('\r');
	const lines = checkFrame(app);
	assert.deepEqual(lines.slice(2, 13), [
		'Jobs › job boom',
		'batch/boom  Failed: BackoffLimitExceeded',
		'Completions: 1  Parallelism: 1  Completion mode: NonIndexed  Backoff limit: 1',
		'Restart policy: Never  Active deadline: <unset>  TTL after finished: <unset>',
		'Suspend: False  Started: 5m ago',
		'Conditions',
		'  Failed=True  BackoffLimitExceeded  10s  Job has reached the specified backoff…',
		'Attempts (2; axis 4m40s)',
		'  #1 boom-aaaaa 20s 1 Error +10s  ██✗',
		`  #2 boom-bbbbb 4m10s 1 Error     ${' '.repeat(5)}${'█'.repeat(40)}✗`,
		'',
	]);
	assert.deepEqual(lines.slice(17, 21), [
		'Pods (2)',
		'NAME       READY STATUS RESTARTS EXIT    AGE',
		'boom-aaaaa 0/1   Error  0        1 Error 5m',
		'boom-bbbbb 0/1   Error  0        1 Error 4m30s',
	]);
	assert.equal(lines[22], 'Enter Open  Esc Back  : Command  l Logs  ? Help');
});

test('an Indexed job shows its completion grid; Enter on a pod opens the pod', async () => {
	const app = await renderApp();
	await app.press('G', '\r');
	let lines = checkFrame(app);
	assert.equal(lines[2], 'Jobs › job shards');
	assert.deepEqual(lines.slice(8, 10), [
		'Completion indexes: 2 done · 1 running · 0 failed · 1 pending  (✓ done ● running ✗ failed · pending)',
		'  ✓✓●·',
	]);
	await app.press('\r');
	lines = checkFrame(app);
	assert.deepEqual(lines.slice(2, 5), [
		'Jobs › job shards › pod shards-2-r2d2a',
		'shards-2-r2d2a',
		'NAMESPACE: default  READY: 1/1  STATUS: Running  RESTARTS: 0  EXIT:   NODE: sim-node-1  JOB: shards',
	]);
});

test('the filter narrows as it is typed, Enter keeps it, Esc clears it; a bad regex says why', async () => {
	const app = await renderApp();
	await app.press('/', 'p', 'i');
	let lines = checkFrame(app);
	assert.equal(lines[4], 'batch     pi     Running 0/1         0                         50s');
	assert.equal(lines[5], '');
	assert.equal(lines[27], '/pi▏  1 match');
	assert.equal(lines[28], 'Enter Keep / run  Esc Clear / cancel');
	await app.press('\r');
	assert.equal(checkFrame(app)[27], 'filter: pi  1 match  (/ edits, Esc clears)');
	await app.press('\u001B');
	lines = checkFrame(app);
	assert.equal(lines.filter((line) => line.startsWith('batch') || line.startsWith('default')).length, 4);
	assert.equal(lines[27], '');
	await app.press('/', '/', '(');
	assert.match(checkFrame(app)[27] ?? '', /^\/\/\(▏ {2}✗ invalid regex: /);
});

test('the command line completes with Tab and reports unknown commands', async () => {
	const app = await renderApp();
	await app.press(':', 'n');
	assert.equal(checkFrame(app)[27], ':n▏   Tab: ns');
	await app.press('\t');
	assert.equal(checkFrame(app)[27], ':ns ▏   Tab: all batch default');
	await app.press('\u001B', ':', 'x', 'y', '\r');
	assert.equal(checkFrame(app)[27], '✗ unknown command: xy (try :jobs, :cj, :pods, :history, :ns NAME, :ctx NAME, :q)');
});

test('help lists every key of the view with disabled actions and the dialog\'s keys, scrolls, and closes with ?', async () => {
	const access = fixedAccess({readOnly: undefined, permissions: {...allAllowed, 'delete-jobs': {allowed: false, reason: 'forbidden'}}});
	const app = await renderApp({columns: 80, rows: 24, access});
	await app.press('?');
	let lines = checkFrame(app);
	assert.deepEqual(lines.slice(2, 6), ['Jobs › Help', 'Navigation', '  j ↓                Down', '  k ↑                Up']);
	assert.equal(lines[20], '… 79 more lines (PgDn)');
	await app.press('G');
	lines = checkFrame(app);
	assert.deepEqual(lines.slice(16, 21), [
		'  DURATION           How long the job ran: from its start to its completion or',
		'                     failure, or to now while it runs (kubectl keeps counting a',
		'                     failed job; kjobs stops at its end).',
		'  AGE                Time since the job was created.',
		'  CRONJOB            The cron job that created the job, if one did.',
	]);
	// Back to the top, one page down: the actions, the disabled one marked.
	await app.press('g', '\u001B[6~');
	lines = checkFrame(app);
	const yaml = lines.indexOf('  y                  YAML');
	assert.equal(yaml, 11);
	assert.deepEqual(lines.slice(yaml, yaml + 4), [
		'  y                  YAML',
		'  Ctrl+D             Delete  ⚠ dangerous  (disabled: forbidden)',
		'  r                  Rerun job',
		'  s                  Suspend/resume',
	]);
	await app.press('?');
	assert.equal(checkFrame(app)[2], 'Jobs');
});

test('requests go to onRequest; without it the message line says what is missing', async () => {
	const requests: UiRequest[] = [];
	const app = await renderApp({onRequest: (request) => {
		requests.push(request);
	}});
	await app.press('j', 'j', 'l', '0');
	assert.deepEqual(requests, [
		{kind: 'open-logs', target: {kind: 'job', uid: 'uid-pi'}, previous: false},
		{kind: 'set-namespace', namespace: undefined},
	]);
	const bare = await renderApp();
	await bare.press('\u0004', 'y');
	assert.equal(checkFrame(bare)[27], '! delete: not available yet');
});

test('the selection stays on its job when rows change, and falls to a neighbour when it goes', async () => {
	const app = await renderApp();
	// Both keys in one read, as tmux send-keys or a fast typist over SSH delivers them.
	await app.press('jj');
	// pi is selected; boom is deleted and gone (no tombstone): the row list shifts up but the selection stays on pi.
	app.store.set({...cluster, jobs: cluster.jobs?.filter((job) => job.metadata.name !== 'boom')});
	await settle();
	await app.press('\r');
	assert.equal(checkFrame(app)[2], 'Jobs › job pi');
	await app.press('\u001B');
	// Now pi goes too: the cursor falls to the row that took its place (the one below it).
	app.store.set({...cluster, jobs: cluster.jobs?.filter((job) => job.metadata.name !== 'boom' && job.metadata.name !== 'pi')});
	await settle();
	await app.press('\r');
	assert.equal(checkFrame(app)[2], 'Jobs › job shards');
});

test('q quits; a terminal that is too small gets a clear message', async () => {
	const app = await renderApp();
	await app.press('q');
	assert.equal(app.quits(), 1);
	const small = await renderApp({columns: 50, rows: 10});
	assert.deepEqual(checkFrame(small), ['Terminal too small: 50×10.', 'kjobs needs at least 60×12.', 'Enlarge the window, or press q to quit.', '', '', '', '', '', '']);
});

test('PgDn scrolls a detail screen\'s info when the terminal is short; j/k still move in its table', async () => {
	const app = await renderApp({columns: 80, rows: 16});
	await app.press('\r');
	let lines = checkFrame(app);
	assert.deepEqual(lines.slice(3, 9), [
		'batch/boom  Failed: BackoffLimitExceeded',
		'Completions: 1  Parallelism: 1  Completion mode: NonIndexed  Backoff limit: 1',
		'Restart policy: Never  Active deadline: <unset>  TTL after finished: <unset>',
		'Suspend: False  Started: 5m ago',
		'Conditions',
		'… 4 more lines (PgDn)',
	]);
	await app.press('\u001B[6~');
	lines = checkFrame(app);
	assert.deepEqual(lines.slice(3, 9).map((line) => line.slice(0, 34)), [
		'Suspend: False  Started: 5m ago',
		'Conditions',
		'  Failed=True  BackoffLimitExceede',
		'Attempts (2; axis 4m40s)',
		'  #1 boom-aaaaa 20s 1 Error +10s  ',
		'  #2 boom-bbbbb 4m10s 1 Error     ',
	]);
	assert.deepEqual(lines.slice(9, 13), [
		'Pods (2)',
		'NAME       READY STATUS RESTARTS EXIT    AGE',
		'boom-aaaaa 0/1   Error  0        1 Error 5m',
		'boom-bbbbb 0/1   Error  0        1 Error 4m30s',
	]);
	await app.press('j', '\r');
	assert.equal(checkFrame(app)[2], 'Jobs › job boom › pod boom-bbbbb');
});

test('what a confirmed action comes to is shown on the message line, errors included', async () => {
	const app = await renderApp({onRequest: async (request) => {
		if (request.kind === 'action' && request.action.kind === 'delete') {
			throw new Error('forbidden: cannot delete jobs in namespace batch');
		}

		return {ok: true, message: `rerunning ${request.kind === 'action' && request.action.kind === 'rerun' ? request.action.job.metadata.name ?? '' : ''}`};
	}});
	await app.press('r', 'y');
	// The handler's promise settles, then its message renders.
	await settle();
	assert.equal(checkFrame(app)[27], '✓ rerunning boom');
	await app.press('\u0004', '\r');
	await settle();
	assert.equal(checkFrame(app)[27], '✗ forbidden: cannot delete jobs in namespace batch');
});

test(':ns and Enter arriving in one write (a paste, a slow link) open the picker with every namespace seen', async () => {
	const app = await renderApp();
	await app.press(':ns\r');
	const lines = checkFrame(app);
	const title = lines.findIndex(line => line.includes('Namespace ('));
	const inside = (line: string) => /│ (.*?) *│/.exec(line)?.[1];
	assert.deepEqual(lines.slice(title, title + 4).map(line => inside(line)), ['Namespace (1/3)', '▶ all', '  batch', '  default'], lines.join('\n'));
});

test(':ns scopes the screen to one namespace at once, and 0 shows all again', async () => {
	const requests: UiRequest[] = [];
	const app = await renderApp({onRequest: (request) => {
		requests.push(request);
	}});
	await app.press(':', 'n', 's', ' ', 'd', '\t', '\r');
	let lines = checkFrame(app);
	assert.deepEqual(lines.slice(0, 6), [
		'kjobs  DEMO   READ-ONLY  ctx kind-kjobs · ns default · https://127.0.0.1:6443',
		'1 job · 1 running │ watch live',
		'Jobs',
		'NAME ▲ STATUS  COMPLETIONS FAILED RETRY DEADLINE TTL AGE',
		'shards Running 2/4         0                         2m',
		'',
	]);
	assert.deepEqual(requests, [{kind: 'set-namespace', namespace: 'default'}]);
	await app.press('0');
	lines = checkFrame(app);
	assert.equal(lines[1], '4 jobs · 2 running · 1 failed │ watch live');
	assert.equal(lines.filter((line) => line.startsWith('batch')).length, 3);
});

test('an open dialog takes every key through the keymap: j picks a choice, q cancels, the table stays put', async () => {
	const requests: UiRequest[] = [];
	const app = await renderApp({onRequest: (request) => {
		requests.push(request);
	}});
	await app.press('\u0004', 'j');
	let lines = checkFrame(app);
	assert.ok(lines.some((line) => line.includes('▶ Foreground')), 'j selected the next choice');
	// The dialog draws its own key line, from the keymap; the footer does not repeat it.
	assert.ok(lines.some((line) => line.includes('y/Enter Delete (Foreground)  n/Esc Cancel  →/Tab Next  ← Previous')));
	assert.equal(lines[28], '');
	await app.press('q');
	lines = checkFrame(app);
	assert.equal(lines[27], 'Delete job: cancelled');
	assert.equal(app.quits(), 0);
	assert.deepEqual(requests, []);
	// Back on the table, j moves the cursor again: Enter opens the second job.
	await app.press('j', '\r');
	assert.equal(checkFrame(app)[2], 'Jobs › job nightly-29923919');
});
