import assert from 'node:assert/strict';
import {writeFileSync} from 'node:fs';
import {createServer} from 'node:net';
import path from 'node:path';
import {afterEach, beforeEach, test} from 'node:test';
import {runWait, waitExit} from '../../source/headless/wait.js';
import {headlessWorld, type HeadlessWorld} from '../helpers/headless.js';
import {headlessScenario} from './scenario.js';

let world: HeadlessWorld;
beforeEach(async () => {
	world = await headlessWorld(headlessScenario);
});
afterEach(async () => world.stop());

test('a job that completes: exit 0 and one line saying so', async () => {
	const run = await world.run(runWait, ['job/quick', '-n', 'batch']);
	assert.deepEqual(run, {code: waitExit.met, stdout: 'job batch/quick complete: 1/1 succeeded in 5s\n', stderr: '', elapsedMs: run.elapsedMs});
	assert.ok(run.elapsedMs >= 4000, 'it waited for the job, not for the list');
});

test('a job that fails: exit 1 as soon as it fails (no hang until a timeout), the reason, each failed attempt\'s exit code and last log lines', async () => {
	const run = await world.run(runWait, ['job/doomed', '-n', 'batch', '--timeout', '10m']);
	assert.equal(run.code, waitExit.notMet);
	assert.equal(run.stderr, '');
	const pods = [...run.stdout.matchAll(/pod (doomed-\w+)/g)].map(match => match[1]);
	assert.equal(pods.length, 3);
	assert.deepEqual(run.stdout.split('\n'), [
		'job batch/doomed failed: BackoffLimitExceeded (0/1 succeeded, 3 failed in 42s)',
		...pods.flatMap((pod, index) => [
			`  attempt ${index + 1} · pod ${pod} · exit 3 Error`,
			`    │ doomed attempt ${index + 1} on ${pod}`,
			'    │ connecting to db.example.test:5432',
			'    │ ERROR: connection refused',
		]),
		'',
	]);
	// Three attempts with the controller's 10 s and 20 s backoff between them, not the ten-minute timeout.
	assert.ok(run.elapsedMs < 60_000, `ended after ${run.elapsedMs} ms`);
});

test('--logs streams every attempt as it appears, tagged and separated like the log pane, each with its verdict, across the retries', async () => {
	const run = await world.run(runWait, ['job/doomed', '-n', 'batch', '--logs']);
	assert.equal(run.code, waitExit.notMet);
	const lines = run.stdout.split('\n');
	const verdict = lines.indexOf('job batch/doomed failed: BackoffLimitExceeded (0/1 succeeded, 3 failed in 42s)');
	assert.ok(verdict > 0, run.stdout);
	const streamed = lines.slice(0, verdict);
	assert.deepEqual(streamed.map(line => line.replaceAll(/doomed-\w{5}/g, 'POD').replaceAll(/started \d\d:\d\d:\d\d/g, 'started T')), [
		'#1 ── attempt 1 · POD · started T ──',
		'#1 doomed attempt 1 on POD',
		'#1 connecting to db.example.test:5432',
		'#1 ERROR: connection refused',
		'#1 ■ exited 3 (Error) after 2s',
		'#2 ── attempt 2 · POD · started T ──',
		'#2 doomed attempt 2 on POD',
		'#2 connecting to db.example.test:5432',
		'#2 ERROR: connection refused',
		'#2 ■ exited 3 (Error) after 2s',
		'#3 ── attempt 3 · POD · started T ──',
		'#3 doomed attempt 3 on POD',
		'#3 connecting to db.example.test:5432',
		'#3 ERROR: connection refused',
		'#3 ■ exited 3 (Error) after 2s',
	]);
});

test('--timeout: exit 2 with where the job stands; --for failed and --for finished turn the verdict around', async () => {
	const slow = await world.run(runWait, ['job/slow', '-n', 'batch', '--timeout', '30s']);
	assert.deepEqual({code: slow.code, stdout: slow.stdout, elapsed: slow.elapsedMs >= 30_000 && slow.elapsedMs < 31_000}, {code: waitExit.timeout, stdout: '', elapsed: true});
	assert.match(slow.stderr, /^kjobs: timed out after 30s waiting for job batch\/slow; job batch\/slow is Running \(0\/1 succeeded, running for 3\ds\)\n$/);

	assert.equal((await world.run(runWait, ['job/doomed', '-n', 'batch', '--for', 'failed'])).code, waitExit.met);
	assert.equal((await world.run(runWait, ['job/quick', '-n', 'batch', '--for', 'failed'])).code, waitExit.notMet);
	assert.equal((await world.run(runWait, ['job/doomed', '-n', 'batch', '--for', 'finished'])).code, waitExit.met);
	assert.equal((await world.run(runWait, ['jobs.batch/quick', '-n', 'batch', '--for', 'finished'])).code, waitExit.met);
});

test('a cron job: waits for its next scheduled run and that run\'s verdict; --run manual starts one at once', async () => {
	const next = await world.run(runWait, ['cronjob/tick', '-n', 'batch'], {stepMs: 1000, maxMs: 600_000});
	assert.equal(next.code, waitExit.met);
	assert.match(next.stderr, /^kjobs: waiting for the next run of cron job batch\/tick \(next run in 4m5\ds\)\n$/);
	// The controller names a scheduled job after its scheduled time in minutes since the epoch (10:05).
	const scheduled = Date.parse('2026-03-02T10:05:00Z') / 60_000;
	assert.match(next.stdout, new RegExp(`^job batch/tick-${scheduled} complete: 1/1 succeeded in \\ds\n$`));
	assert.ok(next.elapsedMs >= 300_000);

	const manual = await world.run(runWait, ['cj/tick', '-n', 'batch', '--run', 'manual', '--logs']);
	assert.equal(manual.code, waitExit.met);
	assert.match(manual.stderr, /^kjobs: started job batch\/tick-manual-\w{5} from cron job tick\n$/);
	assert.match(manual.stdout, /^#1 ── attempt 1 · tick-manual-\w{5}-\w{5} · started \d\d:\d\d:\d\d ──\n#1 tick on tick-manual-\w{5}-\w{5}\n#1 ■ exited 0 \(Completed\) after \ds\njob batch\/tick-manual-\w{5} complete: 1\/1 succeeded in \ds\n$/);
	assert.ok(manual.elapsedMs < 60_000);
	const jobs = world.sim.store.list('Job', 'batch').map(job => job.metadata.name ?? '');
	assert.equal(jobs.filter(name => name.startsWith('tick-manual-')).length, 1);
});

test('a dropped connection mid-wait is survived like on the screen: said once, resumed, and the verdict still arrives', async () => {
	let restarted = false;
	const run = await world.run(runWait, ['job/doomed', '-n', 'batch'], {
		async onStep(elapsed) {
			if (!restarted && elapsed >= 8000) {
				restarted = true;
				await world.sim.restart({keepState: true});
			}
		},
	});
	assert.equal(run.code, waitExit.notMet);
	assert.match(run.stderr, /^kjobs: lost the watch \(cannot reach http:\/\/127\.0\.0\.1:\d+: [^)]+\); still waiting, reconnecting\nkjobs: watch resumed\n$/);
	assert.match(run.stdout, /^job batch\/doomed failed: BackoffLimitExceeded/);
});

test('one clear line and exit 3 when the cluster cannot be read; exit 4 on a usage error', async () => {
	const port = await closedPort();
	const unreachable = path.join(world.dir, 'unreachable.yaml');
	writeFileSync(unreachable, world.sim.kubeconfig.replace(`:${world.sim.port}`, `:${port}`));
	const cases: Array<[string[], number, string]> = [
		[['job/quick', '-n', 'batch', '--kubeconfig', unreachable], waitExit.unreachable, `kjobs: cannot reach http://127.0.0.1:${port}: connection refused\n`],
		[['job/missing', '-n', 'batch'], waitExit.unreachable, 'kjobs: job "missing" not found in namespace "batch"\n'],
		[['cronjob/missing', '-n', 'batch'], waitExit.unreachable, 'kjobs: cron job "missing" not found in namespace "batch"\n'],
		[['job/quick', '--kubeconfig', path.join(world.dir, 'nope.yaml')], waitExit.unreachable, `kjobs: cannot read kubeconfig ${path.join(world.dir, 'nope.yaml')}: no such file\n`],
		[['pod/quick-x'], waitExit.usage, 'kjobs wait: cannot wait for "pod": only job/NAME or cronjob/NAME\n'],
		[[], waitExit.usage, 'kjobs wait: say what to wait for: job/NAME or cronjob/NAME\n'],
		[['job/quick', '-A'], waitExit.usage, 'kjobs wait: waits in one namespace: give -n NAMESPACE instead of -A\n'],
		[['job/quick', '--timeout', 'soon'], waitExit.usage, 'kjobs wait: --timeout soon is not a duration (e.g. 90s, 10m, 1h30m)\n'],
		[['job/quick', '--for', 'ever'], waitExit.usage, 'kjobs wait: Unknown value for flag --for: ever. Value must be one of: [complete, failed, finished]\n'],
		[['job/quick', '--bogus'], waitExit.usage, 'kjobs wait: unknown flag: --bogus\n'],
		[['job/quick', '--run', 'manual'], waitExit.usage, 'kjobs wait: --run manual starts a cron job\'s run: use it with cronjob/NAME\n'],
		[['cronjob/tick', '--run', 'manual', '--readonly'], waitExit.usage, 'kjobs wait: --run manual creates a job, which --readonly refuses\n'],
	];
	for (const [argv, code, stderr] of cases) {
		const run = await world.run(runWait, argv);
		assert.deepEqual({argv, code: run.code, stdout: run.stdout, stderr: run.stderr}, {argv, code, stdout: '', stderr});
	}
});

test('a forbidden watch is exit 3 in the API\'s words', async () => {
	const denied = await headlessWorld(headlessScenario, {rbac: [{verbs: ['list', 'watch'], resources: ['pods']}]});
	try {
		const run = await denied.run(runWait, ['job/quick', '-n', 'batch']);
		assert.equal(run.code, waitExit.unreachable);
		assert.match(run.stderr, /^kjobs: jobs\.batch is forbidden: User "kjobs-sim" cannot list resource "jobs"/);
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
