import assert from 'node:assert/strict';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {after, test} from 'node:test';
import {cleanup, render} from 'ink-testing-library';
import {App} from '../../source/app.js';
import {loadConnection} from '../../source/cluster/connection/kubeconfig.js';
import {startSession} from '../../source/session/session.js';
import {ManualClock} from '../../source/simulator/clock.js';
import {startSimulator} from '../../source/simulator/index.js';
import {createManualClock} from '../../source/store/clock.js';
import {waitFor} from '../helpers/wait-for.js';

const start = Date.parse('2026-11-23T10:00:00Z');
const dir = mkdtempSync(path.join(tmpdir(), 'kjobs-e2e-'));
after(() => {
	cleanup();
	rmSync(dir, {recursive: true, force: true});
});

// Two jobs in one scenario: one that always fails (backoffLimit 2: three attempts, 10 s then 20 s apart) and one that
// succeeds and is deleted 30 s after finishing.
const scenario = `
apiVersion: batch/v1
kind: Job
metadata: {name: doomed, namespace: default}
spec:
  backoffLimit: 2
  template:
    metadata:
      annotations: {sim.kjobs.io/run-seconds: "3", sim.kjobs.io/exit-code: "1"}
    spec:
      restartPolicy: Never
      containers: [{name: main, image: busybox}]
---
apiVersion: batch/v1
kind: Job
metadata: {name: short-lived, namespace: default}
spec:
  ttlSecondsAfterFinished: 30
  template:
    metadata:
      annotations: {sim.kjobs.io/run-seconds: "3"}
    spec:
      restartPolicy: Never
      containers: [{name: main, image: busybox}]
`;

/** A job row's cells by column title, cut at the header's column starts, or undefined when the row is not on screen. */
function rowOf(frame: string, name: string): Record<string, string> | undefined {
	const lines = frame.split('\n');
	const header = lines.find(text => text.startsWith('NAME ')) ?? '';
	const line = lines.find(text => text.startsWith(`${name} `));
	if (line === undefined) {
		return undefined;
	}

	const starts = [...header.matchAll(/\S+/g)].map(match => ({title: match[0], at: match.index}));
	return Object.fromEntries(starts.map(({title, at}, index) => [title, line.slice(at, starts[index + 1]?.at).trim()]));
}

test('end to end on the simulated cluster: a job backs off with a falling RETRY countdown and fails; a TTL job counts down, goes and fades', async () => {
	const file = path.join(dir, 'scenario.yaml');
	writeFileSync(file, scenario);
	const sim = await startSimulator({clock: new ManualClock(start), scenario: file});
	const kubeconfig = path.join(dir, 'kubeconfig');
	writeFileSync(kubeconfig, sim.kubeconfig);
	const clock = createManualClock(start);
	const session = startSession({connection: loadConnection({kubeconfig, namespace: 'default', env: {}, homeDir: dir}), demo: false, clock, logDirectory: dir});
	const app = render(<App store={session.store} clock={clock} info={session.info()} access={session.access} size={{columns: 120, rows: 20}} noColor onQuit={() => {}}/>);
	const frame = () => app.lastFrame() ?? '';

	// The store's notification waits on the manual app clock; flushing delivers what arrived without moving time.
	const deliver = async () => {
		session.store.flush();
		await new Promise(resolve => setImmediate(resolve));
	};

	/** Waits (bounded, on real loopback I/O) until the frame satisfies `check`. */
	const until = async (what: string, check: (text: string) => boolean) => {
		await deliver();
		await waitFor(what, () => check(frame()), {step: () => session.store.flush(), explain: () => `last frame:\n${frame()}`});
	};


	/** Moves simulated and app time on together, one second at a time, letting watch events arrive in between. */
	const tick = async (seconds: number) => {
		for (let i = 0; i < seconds; i++) {
			await sim.advance(1000);
			clock.advance(1000);
			await new Promise(resolve => setTimeout(resolve, 15));
			await deliver();
		}
	};

	try {
		await until('both jobs listed', text => rowOf(text, 'doomed') !== undefined && rowOf(text, 'short-lived') !== undefined);
		await tick(2);
		await until('doomed running', text => rowOf(text, 'doomed')?.['STATUS'] === 'Running');

		// The first attempt fails at about 3 s; the controller waits 10 s before the second pod.
		const retries: string[] = [];
		const ttls: string[] = [];
		let sawFailed = false;
		for (let second = 0; second < 90 && !sawFailed; second++) {
			await tick(1);
			const row = rowOf(frame(), 'doomed') ?? {};
			if (row['STATUS'] === 'BackingOff' && row['RETRY']) {
				retries.push(row['RETRY']);
			}

			sawFailed = row['STATUS'] === 'Failed: BackoffLimitExceeded';
			const ttl = rowOf(frame(), 'short-lived')?.['TTL'];
			if (ttl) {
				ttls.push(ttl);
			}
		}

		assert.ok(sawFailed, `doomed never failed; last frame:\n${frame()}`);
		// The RETRY column counted down while backing off: seconds only ever fell within one wait, from at most 20 s.
		const seconds = retries.filter(retry => retry !== 'due').map(retry => Number(retry.slice(3, -1)));
		assert.ok(seconds.length >= 10, `too few countdown samples: ${retries.join(', ')}`);
		assert.ok(Math.max(...seconds) <= 20);
		assert.ok(seconds.some((value, index) => index > 0 && value < seconds[index - 1]!), 'the countdown fell');
		assert.equal(rowOf(frame(), 'doomed')?.['FAILED'], '3');

		// short-lived finished after about 5 s: its TTL counted down from 30 s, then the job was deleted; the row stays a
		// minute, marked deleted, then goes.
		const ttlSeconds = ttls.filter(ttl => ttl !== 'due').map(ttl => Number(ttl.slice(3, -1)));
		assert.ok(ttlSeconds.length >= 20, `too few TTL samples: ${ttls.join(', ')}`);
		assert.ok(ttlSeconds[0]! <= 30 && ttlSeconds[0]! >= 25, `TTL started at ${ttls[0]}`);
		assert.deepEqual(ttlSeconds, [...ttlSeconds].sort((a, b) => b - a), 'the TTL only counted down');
		await until('short-lived deleted', text => rowOf(text, 'short-lived')?.['STATUS'] === 'deleted (Complete)');
		await tick(61);
		await until('short-lived gone', text => rowOf(text, 'short-lived') === undefined);
	} finally {
		app.unmount();
		await session.stop();
		await sim.stop();
	}
});
