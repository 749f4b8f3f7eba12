import assert from 'node:assert/strict';
import {mkdtempSync, readdirSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {test} from 'node:test';
import {render} from 'ink-testing-library';
import {App} from '../../source/app.js';
import {openArchiveDisk} from '../../source/archive/disk.js';
import {loadConnection} from '../../source/cluster/connection/kubeconfig.js';
import {startSession, type Session} from '../../source/session/session.js';
import {headlessWorld, type HeadlessWorld} from '../helpers/headless.js';
import {waitFor} from '../helpers/wait-for.js';

// A job the TTL controller deletes, pods and all, 3 s after it ends; and one that stays in the cluster.
const scenario = String.raw`
apiVersion: batch/v1
kind: Job
metadata:
  name: fleeting
  namespace: batch
spec:
  ttlSecondsAfterFinished: 3
  template:
    metadata:
      annotations:
        sim.kjobs.io/run-seconds: "3"
        sim.kjobs.io/log: "fleeting starting on {pod}\n{\"level\":\"info\",\"msg\":\"token checked\",\"user\":\"ada\"}\nsecret=hunter2 printed by the pod\nfleeting done"
    spec:
      containers:
        - name: main
          image: registry.example.test/fleeting:1.0
      restartPolicy: Never
---
apiVersion: batch/v1
kind: Job
metadata:
  name: steady
  namespace: batch
spec:
  template:
    metadata:
      annotations:
        sim.kjobs.io/run-seconds: "2"
        sim.kjobs.io/log: "steady done"
    spec:
      containers:
        - name: main
          image: registry.example.test/steady:1.0
      restartPolicy: Never
`;

const mutating = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

type Screen = {
	readonly session: Session;
	lines(): string[];
	press(...keys: string[]): Promise<void>;
	/** Polls (delivering the store's and the pane's notifications) until a line satisfies `predicate`. */
	until(predicate: (lines: string[]) => boolean, what: string): Promise<string[]>;
	stop(): Promise<void>;
};

/** The App on a read-only session that archives into `root`, as cli.tsx composes them. */
function screenOn(world: HeadlessWorld, root: string, logDirectory: string): Screen {
	const session = startSession({
		connection: loadConnection({kubeconfig: world.kubeconfig, namespace: 'batch', env: {}, homeDir: world.dir}),
		demo: false, readOnly: '--readonly', clock: world.clock, logDirectory, archive: {root},
	});
	const app = render(
		<App
			store={session.store} engine={session.engine} clock={session.clock} info={session.info()} onRequest={session.handle}
			logs={session.logs} history={session.history} access={session.access} size={{columns: 120, rows: 40}} onQuit={() => {}} noColor
		/>,
	);
	const lines = () => (app.lastFrame() ?? '').split('\n').map(line => line.trimEnd());
	const deliver = () => {
		session.store.flush();
		session.logs.getSnapshot()?.buffer.flush();
	};

	const settle = async () => {
		for (let turn = 0; turn < 3; turn++) {
			await new Promise(resolve => setImmediate(resolve));
		}
	};

	return {
		session,
		lines,
		async press(...keys) {
			for (const key of keys) {
				app.stdin.write(key);
				await settle();
			}
		},
		async until(predicate, what) {
			await waitFor(what, () => predicate(lines()), {ms: 5000, step: deliver, explain: () => `frame:\n${lines().join('\n')}`});
			return lines();
		},
		async stop() {
			app.unmount();
			app.cleanup();
			await session.stop();
		},
	};
}

/** Runs the cluster until both jobs are archived and the TTL controller has deleted `fleeting`. */
async function archiveBoth(world: HeadlessWorld, screen: Screen): Promise<void> {
	const {session} = screen;
	await waitFor('the first list', () => {
		session.store.flush();
		return session.store.getSnapshot().jobs.size === 2;
	});
	const gone = () => ![...session.store.getSnapshot().jobs.values()].some(job => job.metadata.name === 'fleeting');
	for (let step = 0; step < 60 && (session.archive!.written() < 2 || !gone()); step++) {
		await world.advance(1000);
		session.store.flush();
	}

	await session.archive!.idle();
	assert.ok(gone(), 'the TTL controller deleted fleeting');
	assert.equal(session.archive!.written(), 2);
}

const row = (lines: readonly string[], name: string) => lines.find(line => line.includes(` ${name} `) || line.startsWith(`${name} `)) ?? '';

test('a job the cluster deleted is browsed from the archive: H lists it badged archived, Enter its detail, l its logs with search, filter, JSON and save; Ctrl+D deletes the local copy after asking', async () => {
	const world = await headlessWorld(scenario);
	const root = path.join(world.dir, 'state', 'kjobs', 'archive');
	const saved = mkdtempSync(path.join(tmpdir(), 'kjobs-history-saved-'));
	const screen = screenOn(world, root, saved);
	try {
		await archiveBoth(world, screen);
		await screen.press('H');
		let lines = await screen.until(frame => row(frame, 'fleeting') !== '' && row(frame, 'steady') !== '', 'both runs in the history');
		assert.match(lines[2] ?? '', /Jobs › History/);
		assert.match(row(lines, 'fleeting'), /fleeting\s+archived\s+Complete\s+1\/1/);
		assert.match(row(lines, 'steady'), /steady\s+in cluster\s+Complete\s+1\/1/);
		assert.ok(lines.some(line => line.includes('history: 2 archived runs in context')), 'the message line counts them');

		// The filter works on the history as on a list.
		await screen.press('/', 'f', 'l', 'e', 'e', 't', '\r');
		lines = await screen.until(frame => row(frame, 'steady') === '', 'the filter leaves fleeting alone');
		assert.notEqual(row(lines, 'fleeting'), '');

		// Enter: the job detail screen, drawn from the archive's copy of the job, its pod and its events.
		await screen.press('\r');
		lines = await screen.until(frame => frame.some(line => line.includes('archived job batch/fleeting')), 'the archived job\'s detail');
		const text = lines.join('\n');
		assert.match(text, /the cluster has deleted the job: this is kjobs' copy/);
		assert.match(text, /batch\/fleeting\s+Complete/);
		assert.match(text, /Attempts \(1;/);
		assert.match(text, /#1 fleeting-\w+ \d+s 0 Completed/);
		assert.match(text, /SuccessfulCreate/);
		assert.match(text, /Pods \(1\)/);

		// l: the log pane on the archived lines, nothing streamed from the (deleted) pod.
		const logRequests = world.sim.requests.filter(request => request.path.endsWith('/log')).length;
		await screen.press('l');
		lines = await screen.until(frame => frame.some(line => line.includes('secret=hunter2 printed by the pod')), 'the archived logs');
		assert.ok(lines.some(line => line.includes('Logs › archived job batch/fleeting · all attempts')), 'the pane says where its lines come from');
		assert.ok(lines.some(line => line.includes('archived run · ')), 'the status line says it is an archived run');
		assert.ok(lines.some(line => /#1 ■ exited 0 \(Completed\)/.test(line)), 'the attempt\'s verdict, from the archived pod');
		assert.equal(world.sim.requests.filter(request => request.path.endsWith('/log')).length, logRequests, 'no log request to the cluster');

		await screen.press('/', 'h', 'u', 'n', 't', 'e', 'r', '\r');
		lines = await screen.until(frame => frame.some(line => line.includes('/hunter')), 'the search');
		await screen.press('m');
		lines = await screen.until(frame => !frame.some(line => line.includes('fleeting done')), 'only matching lines');
		assert.ok(lines.some(line => line.includes('secret=hunter2')));
		await screen.press('m', 'J');
		lines = await screen.until(frame => frame.some(line => line.includes('"user": "ada"')), 'JSON pretty-printed');

		await screen.press('s', '\r');
		lines = await screen.until(frame => frame.some(line => line.includes('saved ')), 'the save');
		const file = readdirSync(saved)[0] ?? '';
		assert.match(file, /^kjobs-fleeting-\d{8}T\d{6}Z\.log$/);
		assert.match(readFileSync(path.join(saved, file), 'utf8'), /secret=hunter2 printed by the pod/);

		// q closes the pane; Ctrl+D asks before it deletes the run, and n keeps it.
		await screen.press('q');
		await screen.until(frame => !frame.some(line => line.includes('Logs › archived job')), 'the pane closed');
		await screen.press('\u0004');
		lines = await screen.until(frame => frame.some(line => line.includes('Delete the archived run of job batch/fleeting from this machine?')), 'the dialog');
		assert.ok(lines.some(line => line.includes('The cluster has deleted the job already: this copy is all that is left')), 'the dialog says the cluster no longer has it');
		await screen.press('n');
		await screen.until(frame => frame.some(line => line.includes('Delete archived run: cancelled')), 'cancelled');
		assert.equal((await openArchiveDisk({root}).list()).length, 2);

		await screen.press('\u0004');
		await screen.until(frame => frame.some(line => line.includes('from this machine?')), 'the dialog again');
		await screen.press('y');
		lines = await screen.until(frame => frame.some(line => line.includes('deleted the archived run of job batch/fleeting (only the local copy)')), 'deleted');
		assert.match(lines[2] ?? '', /Jobs › History$/);
		assert.equal(row(lines, 'fleeting'), '', 'no longer listed');
		const left = await openArchiveDisk({root}).readAll();
		assert.deepEqual(left.runs.map(run => run.job.metadata.name), ['steady']);

		// Read-only all along: browsing and deleting the archive sent nothing that changes the cluster.
		assert.deepEqual(world.sim.requests.filter(request => mutating.has(request.method)).map(request => `${request.method} ${request.path}`), []);
	} finally {
		await screen.stop();
		await world.stop();
		rmSync(saved, {recursive: true, force: true});
	}
});

test('after a restart on the same archive the deleted job is still listed, with its detail and its logs', async () => {
	const world = await headlessWorld(scenario);
	const root = path.join(world.dir, 'state', 'kjobs', 'archive');
	const first = screenOn(world, root, world.dir);
	try {
		await archiveBoth(world, first);
	} finally {
		await first.stop();
	}

	const second = screenOn(world, root, world.dir);
	try {
		await second.until(frame => row(frame, 'steady') !== '', 'the jobs list');
		assert.equal(row(second.lines(), 'fleeting'), '', 'the cluster no longer has fleeting');
		await second.press(':', 'h', 'i', 's', 't', 'o', 'r', 'y', '\r');
		let lines = await second.until(frame => row(frame, 'fleeting') !== '', 'the history of the earlier session');
		assert.match(row(lines, 'fleeting'), /fleeting\s+archived\s+Complete/);
		await second.press('/', 'f', 'l', 'e', 'e', 't', '\r');
		await second.until(frame => row(frame, 'steady') === '', 'filtered');
		await second.press('\r');
		lines = await second.until(frame => frame.some(line => line.includes('archived job batch/fleeting')), 'the detail');
		assert.match(lines.join('\n'), /#1 fleeting-\w+ \d+s 0 Completed/);
		await second.press('l');
		lines = await second.until(frame => frame.some(line => line.includes('fleeting done')), 'the logs');
		assert.ok(lines.some(line => line.includes('secret=hunter2 printed by the pod')));
	} finally {
		await second.stop();
		await world.stop();
	}
});

test('with the archive off the history says so', async () => {
	const world = await headlessWorld(scenario);
	const session = startSession({connection: loadConnection({kubeconfig: world.kubeconfig, namespace: 'batch', env: {}, homeDir: world.dir}), demo: false, clock: world.clock});
	const app = render(
		<App
			store={session.store} clock={session.clock} info={session.info()} onRequest={session.handle} logs={session.logs} access={session.access}
			size={{columns: 120, rows: 30}} onQuit={() => {}} noColor
		/>,
	);
	try {
		assert.equal(session.history, undefined);
		app.stdin.write('H');
		const frame = () => app.lastFrame() ?? '';
		await waitFor('the history', () => frame().includes('the archive is off'), {ms: 5000, step: () => session.store.flush(), explain: frame});
		assert.match(frame(), /the archive is off \(kjobs was started with --no-archive\): nothing was kept/);
		assert.ok(!frame().includes('KJOBS') && !frame().includes(' ARCHIVE '), 'no ARCHIVE word in the header');
	} finally {
		app.unmount();
		app.cleanup();
		await session.stop();
		await world.stop();
	}
});
