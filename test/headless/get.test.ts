import assert from 'node:assert/strict';
import {createServer} from 'node:net';
import {writeFileSync} from 'node:fs';
import path from 'node:path';
import {afterEach, beforeEach, test} from 'node:test';
import {runGet} from '../../source/headless/get.js';
import {headlessWorld, type HeadlessWorld} from '../helpers/headless.js';
import {headlessScenario} from './scenario.js';

// A fresh cluster per test, five seconds in: doomed's first attempt has failed (exit 3) and it backs off; quick is
// complete; slow runs under its deadline. Ages and countdowns in the expected tables are read at that moment.
let world: HeadlessWorld;
beforeEach(async () => {
	world = await headlessWorld(headlessScenario);
	await world.advance(5000);
});
afterEach(async () => world.stop());

test('kjobs get jobs: the screen\'s columns and rows, fitted to 80 columns without a terminal, no colour', async () => {
	const {code, stdout, stderr} = await world.run(runGet, ['jobs', '-n', 'batch']);
	assert.deepEqual({code, stderr}, {code: 0, stderr: ''});
	assert.deepEqual(stdout.split('\n'), [
		'NAME   STATUS     COMPLETIONS FAILED      RETRY DEADLINE  TTL    DURATION AGE',
		'doomed BackingOff 0/1         1/2 retries in 9s                  5s       5s',
		'quick  Complete   1/1         0                           in 10m 5s       5s',
		'slow   Running    0/1         0                 in 59m55s        5s       5s',
		'',
	]);
	assert.ok(stdout.split('\n').every(line => line.length <= 80));
	assert.ok(!stdout.includes('\u001B'));
});

test('$COLUMNS narrows the table the way the screen narrows: optional columns drop, NAME and STATUS stay', async () => {
	const {stdout} = await world.run(runGet, ['jobs', '-n', 'batch'], {env: {COLUMNS: '40'}});
	assert.deepEqual(stdout.split('\n'), [
		'NAME   STATUS     COMPLETIONS RETRY AGE',
		'doomed BackingOff 0/1         in 9s 5s',
		'quick  Complete   1/1               5s',
		'slow   Running    0/1               5s',
		'',
	]);
	const terminal = await world.run(runGet, ['jobs', '-n', 'batch'], {columns: 40, env: {COLUMNS: '200'}});
	assert.equal(terminal.stdout, stdout, 'the terminal\'s own width wins over $COLUMNS');
});

test('-o wide prints every column, nothing cut; -A adds NAMESPACE; cron jobs show NEXT; pods their exit', async () => {
	const wide = await world.run(runGet, ['jobs', '-A', '-o', 'wide']);
	assert.deepEqual(wide.stdout.split('\n'), [
		'NAMESPACE NAME   STATUS     COMPLETIONS ACTIVE FAILED      RETRY DEADLINE  TTL    DURATION AGE CRONJOB',
		'batch     doomed BackingOff 0/1              0 1/2 retries in 9s                  5s       5s',
		'batch     quick  Complete   1/1              0 0                           in 10m 5s       5s',
		'batch     slow   Running    0/1              1 0                 in 59m55s        5s       5s',
		'',
	]);
	const cron = await world.run(runGet, ['cj', '-n', 'batch']);
	assert.deepEqual(cron.stdout.split('\n'), [
		'NAME SCHEDULE    TIMEZONE SUSPEND ACTIVE LAST SCHEDULE NEXT     HISTORY AGE',
		'tick */5 * * * * <none>   False        0 <none>        in 4m55s         5s',
		'',
	]);
	const pods = await world.run(runGet, ['pods', '-n', 'batch', 'doomed-9gw6t']);
	assert.deepEqual(pods.stdout.split('\n'), [
		'NAME         READY STATUS RESTARTS EXIT    NODE       JOB    AGE',
		'doomed-9gw6t 0/1   Error  0        3 Error sim-node-1 doomed 5s',
		'',
	]);
});

test('pods -l picks pods by their own labels, as kubectl get pods -l does', async () => {
	const pods = await world.run(runGet, ['pods', '-n', 'batch', '-l', 'job-name=doomed']);
	assert.equal(pods.code, 0);
	const names = pods.stdout.split('\n').slice(1).filter(line => line !== '').map(line => line.split(' ')[0]);
	assert.deepEqual(names, ['doomed-9gw6t']);
	const none = await world.run(runGet, ['pods', '-n', 'batch', '-l', 'job-name=nothing-here']);
	assert.deepEqual({code: none.code, stdout: none.stdout, stderr: none.stderr}, {code: 0, stdout: '', stderr: 'No resources found in batch namespace.\n'});
});

test('colour only when stdout is a terminal, and never with --no-color or NO_COLOR', async () => {
	const tty = await world.run(runGet, ['jobs', '-n', 'batch'], {tty: true, columns: 80});
	assert.ok(tty.stdout.startsWith('\u001B[1mNAME'), tty.stdout);
	assert.ok(tty.stdout.includes('\u001B[33mdoomed BackingOff'), 'backing off is drawn in the warning colour');
	assert.ok(tty.stdout.includes('\u001B[32mquick'), 'complete in the success colour');
	const plain: Array<{tty: boolean; argv: string[]; env: Record<string, string>}> = [
		{tty: true, argv: [], env: {NO_COLOR: '1'}},
		{tty: true, argv: ['--no-color'], env: {}},
		{tty: false, argv: [], env: {}},
	];
	for (const options of plain) {
		const run = await world.run(runGet, ['jobs', '-n', 'batch', ...options.argv], {tty: options.tty, columns: 80, env: options.env});
		assert.ok(!run.stdout.includes('\u001B'), JSON.stringify(options));
	}
});

test('-o json: the computed fields in the documented shape (countdowns as seconds and timestamps, attempt verdicts)', async () => {
	const {code, stdout} = await world.run(runGet, ['jobs', 'doomed', '-n', 'batch', '-o', 'json']);
	assert.equal(code, 0);
	const document = JSON.parse(stdout) as {now: string};
	const now = Date.parse(document.now);
	assert.deepEqual(document, {
		kind: 'JobList',
		version: 1,
		now: document.now,
		items: [{
			namespace: 'batch',
			name: 'doomed',
			uid: '86c41ff0-d169-86b2-4f98-02932a90106a',
			status: 'BackingOff',
			reason: null,
			statusText: 'BackingOff',
			finished: false,
			completions: {succeeded: 0, desired: 1, text: '0/1'},
			active: 0,
			failed: {count: 1, restarts: 0, backoffLimit: 2, text: '1/2 retries'},
			// The controller re-creates the pod 10 s after the failed attempt ended.
			retry: {at: '2026-03-02T10:00:14.000Z', inSeconds: Math.ceil((Date.parse('2026-03-02T10:00:14.000Z') - now) / 1000)},
			deadline: null,
			ttl: null,
			createdAt: '2026-03-02T10:00:00.000Z',
			startedAt: '2026-03-02T10:00:00.000Z',
			finishedAt: null,
			durationSeconds: Math.floor((now - Date.parse('2026-03-02T10:00:00.000Z')) / 1000),
			cronJob: null,
			attempts: [{
				pod: 'doomed-9gw6t', index: null, verdict: 'failed', exitCode: 3, reason: 'Error',
				startedAt: '2026-03-02T10:00:00.000Z', finishedAt: '2026-03-02T10:00:04.000Z', backoffAfterSeconds: null,
			}],
		}],
	});

	const cron = JSON.parse((await world.run(runGet, ['cronjobs', '-n', 'batch', '-o', 'json'])).stdout) as {now: string; items: unknown[]};
	assert.deepEqual(cron.items, [{
		namespace: 'batch', name: 'tick', uid: 'b0cf5eda-7963-2fa0-9922-f4075fa70a0c', schedule: '*/5 * * * *', timeZone: null,
		suspended: false, active: 0, lastScheduleAt: null, lastSuccessAt: null,
		next: {at: '2026-03-02T10:05:00.000Z', inSeconds: Math.ceil((Date.parse('2026-03-02T10:05:00.000Z') - Date.parse(cron.now)) / 1000)},
		due: null, missed: 0, scheduleError: null, runs: [], createdAt: '2026-03-02T10:00:00.000Z',
	}]);

	const slow = JSON.parse((await world.run(runGet, ['jobs', 'slow', '-n', 'batch', '-o', 'json'])).stdout) as {now: string; items: Array<{deadline: unknown}>};
	assert.deepEqual(slow.items[0]?.deadline, {at: '2026-03-02T11:00:00.000Z', inSeconds: Math.ceil((Date.parse('2026-03-02T11:00:00.000Z') - Date.parse(slow.now)) / 1000)});
	const quick = JSON.parse((await world.run(runGet, ['jobs', 'quick', '-n', 'batch', '-o', 'json'])).stdout) as {items: Array<{status: string; finished: boolean; ttl: {at: string}; attempts: Array<{verdict: string; exitCode: number}>}>};
	assert.deepEqual(quick.items.map(item => ({status: item.status, finished: item.finished, ttlAt: item.ttl.at, attempts: item.attempts.map(each => [each.verdict, each.exitCode])})), [
		{status: 'Complete', finished: true, ttlAt: '2026-03-02T10:10:05.000Z', attempts: [['succeeded', 0]]},
	]);
});

test('errors are one line and exit 1: unknown resource, a NAME that is not there, NAME with -A, a bad flag or value', async () => {
	const cases: Array<[string[], string]> = [
		[['deployments'], 'kjobs get: unknown resource "deployments": kjobs get jobs|cronjobs|pods [NAME] [-n NS | -A] [-l SELECTOR] [-o table|wide|json]\n'],
		[['jobs', 'missing', '-n', 'batch'], 'kjobs: job "missing" not found in namespace "batch"\n'],
		[['jobs', 'quick', '-A'], 'kjobs get: a NAME cannot be looked up across all namespaces: give -n NAMESPACE instead of -A\n'],
		[['jobs', '--frobnicate'], 'kjobs get: unknown flag: --frobnicate\n'],
		[['jobs', '-o', 'yaml'], 'kjobs get: Unknown value for flag --output: yaml. Value must be one of: [table, wide, json]\n'],
	];
	for (const [argv, stderr] of cases) {
		const run = await world.run(runGet, argv);
		assert.deepEqual({argv, code: run.code, stdout: run.stdout, stderr: run.stderr}, {argv, code: 1, stdout: '', stderr});
	}

	const empty = await world.run(runGet, ['jobs', '-n', 'nowhere']);
	assert.deepEqual({code: empty.code, stdout: empty.stdout, stderr: empty.stderr}, {code: 0, stdout: '', stderr: 'No resources found in nowhere namespace.\n'});
});

test('the kubeconfig is read as the screen reads it: the same missing-file message; an unreachable server is one line', async () => {
	const missing = await world.run(runGet, ['jobs', '--kubeconfig', path.join(world.dir, 'nope.yaml')]);
	assert.deepEqual({code: missing.code, stderr: missing.stderr}, {code: 1, stderr: `kjobs: cannot read kubeconfig ${path.join(world.dir, 'nope.yaml')}: no such file\n`});
	const port = await closedPort();
	const unreachable = path.join(world.dir, 'unreachable.yaml');
	writeFileSync(unreachable, world.sim.kubeconfig.replace(`:${world.sim.port}`, `:${port}`));
	const down = await world.run(runGet, ['jobs', '--kubeconfig', unreachable]);
	assert.deepEqual({code: down.code, stdout: down.stdout, stderr: down.stderr}, {code: 1, stdout: '', stderr: `kjobs: cannot reach http://127.0.0.1:${port}: connection refused\n`});
});

test('a forbidden list says so in the API\'s words and exits 1', async () => {
	const denied = await headlessWorld(headlessScenario, {rbac: [{verbs: ['list', 'watch'], resources: ['pods']}]});
	try {
		const run = await denied.run(runGet, ['jobs', '-n', 'batch']);
		assert.equal(run.code, 1);
		assert.match(run.stderr, /^kjobs: jobs\.batch is forbidden: User "kjobs-sim" cannot list resource "jobs" in API group "batch" in the namespace "batch"\n$/);
	} finally {
		await denied.stop();
	}
});

async function closedPort(): Promise<number> {
	const server = createServer();
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	const {port} = server.address() as {port: number};
	await new Promise<void>(resolve => server.close(() => resolve()));
	return port;
}
