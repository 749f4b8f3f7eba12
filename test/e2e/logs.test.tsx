import {exitText} from '../../source/kube/container-exit.js';
import assert from 'node:assert/strict';
import {mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {after, before, test} from 'node:test';
import {cleanup, render} from 'ink-testing-library';
import {App} from '../../source/app.js';
import {loadConnection} from '../../source/cluster/connection/kubeconfig.js';
import type {Pod} from '../../source/kube/types.js';
import {startSession, type Session} from '../../source/session/session.js';
import {createManualClock} from '../../source/store/clock.js';
import {startTestSimulator} from '../helpers/simulator.js';
import {createJob, createJobPod, type LogWorld, print, restartContainer, submitJob} from '../helpers/logs.js';
import {waitFor} from '../helpers/wait-for.js';

type Sim = Awaited<ReturnType<typeof startTestSimulator>>;

let sim: Sim;
let session: Session;
let scratch: string;
let world: LogWorld;
const clock = createManualClock(0);

before(async () => {
	sim = await startTestSimulator();
	scratch = mkdtempSync(path.join(tmpdir(), 'kjobs-app-logs-'));
	const kubeconfig = path.join(scratch, 'kubeconfig');
	writeFileSync(kubeconfig, sim.kubeconfig);
	clock.set(sim.clock.now());
	session = startSession({connection: loadConnection({kubeconfig, allNamespaces: true, env: {}, homeDir: scratch}), demo: false, clock, logDirectory: scratch});
	// The log helpers script pods through the simulator only.
	world = {sim} as unknown as LogWorld;
});

after(async () => {
	cleanup();
	await session.stop();
	await sim.stop();
	rmSync(scratch, {recursive: true, force: true});
});

function renderApp() {
	const app = render(
		<App
			store={session.store} clock={session.clock} info={session.info()} onRequest={session.handle} logs={session.logs} access={session.access}
			size={{columns: 120, rows: 30}} onQuit={() => {}} noColor
		/>,
	);
	const lines = () => (app.lastFrame() ?? '').split('\n').map(line => line.trimEnd());
	return {app, lines};
}

/**
Delivers the store's and the pane buffer's pending notifications: they wait on the manual app clock, and flushing
sends what arrived over the network without moving time. Then lets Ink draw.
*/
async function deliver(): Promise<void> {
	session.store.flush();
	session.logs.getSnapshot()?.buffer.flush();
	await new Promise(resolve => setImmediate(resolve));
}

/** Polls the frame (real time: watch events and log chunks cross loopback sockets) until `predicate` holds. */
async function frameWhen(lines: () => string[], predicate: (lines: string[]) => boolean, what: string, ms = 5000): Promise<string[]> {
	await deliver();
	await waitFor(what, () => predicate(lines()), {ms, step: () => void deliver(), explain: () => `frame:\n${lines().join('\n')}`});
	return lines();
}

/** Steps the simulated cluster (and the app clock with it) a second at a time until `predicate` holds. */
async function advanceUntil(predicate: () => boolean, what: string, seconds = 60): Promise<void> {
	for (let second = 0; second < seconds && !predicate(); second++) {
		await sim.advance(1000);
		clock.set(sim.clock.now());
		// Let the watch events reach the store and the log chunks reach the buffer.
		await new Promise(resolve => setTimeout(resolve, 30));
		await deliver();
	}

	if (!predicate()) {
		throw new Error(`never happened: ${what}`);
	}
}

const has = (text: string) => (lines: string[]) => lines.some(line => line.includes(text));
const bufferTexts = () => (session.logs.getSnapshot()?.buffer.getSnapshot().entries ?? []).flatMap(entry => (entry.kind === 'line' ? [`${entry.tag} ${entry.text}`] : []));
const press = async (app: ReturnType<typeof render>, ...keys: string[]) => {
	for (const key of keys) {
		app.stdin.write(key);
		// eslint-disable-next-line no-await-in-loop
		await new Promise(resolve => setTimeout(resolve, 20));
	}
};

/** The simulator's count of open log streams once the pane's session closed and its sockets did (bounded wait). */
async function streamsAfterClose(ms = 3000): Promise<number> {
	// The close request reaches the session a moment after the frame changed (the app hands requests over in an effect).
	await waitFor('the log streams to close', () => sim.openLogStreams() === 0 && session.logs.getSnapshot() === undefined, {ms, explain: () => `${sim.openLogStreams()} open`});
	return sim.openLogStreams();
}

const clockOf = (ms: number) => new Date(ms).toISOString().slice(11, 19);

test('l on a retrying job: every attempt behind its separator, retries attached after opening, pause and resume, Esc closes the streams', async () => {
	await submitJob(world, 'retry', 2, {
		'sim.kjobs.io/run-seconds': '3',
		'sim.kjobs.io/exit-code': '1',
		'sim.kjobs.io/log': 'attempt {attempt} on {pod}\nworking\nboom',
	});
	const {app, lines} = renderApp();
	await advanceUntil(() => lines().some(line => / retry /.test(line)), 'the job row');
	await press(app, 'l');
	await frameWhen(lines, has('Logs › job default/retry'), 'the pane');
	// Step the cluster a second at a time, giving the pane's stream (real time) the chance to attach to the running pod.
	for (let second = 0; second < 10 && sim.openLogStreams() === 0; second++) {
		await sim.advance(1000);
		clock.set(sim.clock.now());
		const until = Date.now() + 1000;
		while (sim.openLogStreams() === 0 && Date.now() < until) {
			await new Promise(resolve => setTimeout(resolve, 10));
		}
	}

	assert.equal(sim.openLogStreams(), 1);
	await frameWhen(lines, has('#1 attempt 1 on'), 'attempt 1 in the pane');
	assert.equal(lines()[11], 'Logs › job default/retry · all attempts');

	// Attempt 2 is created 10 s after attempt 1 failed: long after the pane opened.
	await advanceUntil(() => bufferTexts().includes('#2 boom'), 'attempt 2 printed boom');
	await frameWhen(lines, has('#2 boom'), 'attempt 2 in the pane');
	// Scrolling up pauses; attempt 3 arrives meanwhile and is counted, not shown.
	await press(app, 'k');
	await frameWhen(lines, has('paused'), 'the pause');
	await advanceUntil(() => bufferTexts().includes('#3 boom'), 'attempt 3 printed boom');
	const paused = await frameWhen(lines, has('paused · 4 new lines'), 'the new-lines count');
	// All twelve rows fit in the pane, so a paused view still fills it (logView never leaves it half empty).
	assert.equal(paused[26], 'paused · 4 new lines · tail 1000');

	await press(app, 'G');
	const following = await frameWhen(lines, has('#3 boom'), 'attempt 3 after G');
	const pods = [...sim.store.list<Pod>('Pod', 'default')].filter(pod => pod.metadata.labels?.['batch.kubernetes.io/job-name'] === 'retry')
		.sort((a, b) => Date.parse(a.metadata.creationTimestamp!) - Date.parse(b.metadata.creationTimestamp!));
	assert.equal(pods.length, 3);
	const expected = pods.flatMap((pod, i) => {
		const head = `#${i + 1} ── attempt ${i + 1} · ${pod.metadata.name} · started ${clockOf(Date.parse(pod.status!.startTime!))} `;
		return [
			head + '─'.repeat(120 - head.length),
			`#${i + 1} attempt ${i + 1} on ${pod.metadata.name}`,
			`#${i + 1} working`,
			`#${i + 1} boom`,
		];
	});
	// Body: rows 3–26; the jobs table keeps 8 of them, the pane 16 (title, 14 rows, status).
	const body = following.slice(12, 26);
	assert.deepEqual(body.filter(line => !line.includes(' ■ ')), expected);
	// Each failed attempt ends with its verdict, worked out from its pod: how it exited, after how long.
	assert.deepEqual(body.filter(line => line.includes(' ■ ')).slice(0, 2), pods.slice(0, 2).map((pod, i) => `#${i + 1} ■ ${exitText(pod.status!.containerStatuses![0]!.state!.terminated!)}`));
	assert.equal(body[4], `#1 ■ ${exitText(pods[0]!.status!.containerStatuses![0]!.state!.terminated!)}`);
	assert.equal(following[26], 'following · tail 1000');

	// Search: / types into the pane's search line, Enter jumps to the newest hit and counts them.
	await press(app, '/', 'b', 'o', 'o', 'm', '\r');
	const searched = await frameWhen(lines, has('/boom · 3/3'), 'the search status');
	assert.equal(searched[26], 'paused · /boom · 3/3 · n down · N up · tail 1000');
	await press(app, 'z');
	const full = await frameWhen(lines, lines => lines[3]?.startsWith('Logs ›') ?? false, 'the full-screen pane');
	assert.equal(full[3], 'Logs › job default/retry · all attempts');
	await press(app, 'z', '\u001B');
	await frameWhen(lines, lines => !(lines.at(-3) ?? '').includes('/boom'), 'the search cleared');
	await press(app, '\u001B');
	await frameWhen(lines, lines => !lines.some(line => line.startsWith('Logs ›')), 'the pane closed');
	assert.equal(await streamsAfterClose(), 0);
	assert.equal(session.logs.getSnapshot(), undefined);
	app.unmount();
});

test('p on a restarted OnFailure pod shows the previous container; l follows the new one; Esc closes its stream', async () => {
	const job = createJob(world, 'flaky');
	const pod = createJobPod(world, job, 'flaky-xxxxx', {restartPolicy: 'OnFailure'});
	print(world, pod, 'run 0 line');
	await sim.advance(1000);
	print(world, pod, 'run 0 crashed');
	restartContainer(world, pod);
	await sim.advance(1000);
	print(world, pod, 'run 1 line', 'main', 1);
	clock.set(sim.clock.now());
	const {app, lines} = renderApp();
	await press(app, ':', 'p', 'o', 'd', 's', '\r');
	await frameWhen(lines, has('flaky-xxxxx'), 'the pod row');
	await press(app, 'p');
	const previous = await frameWhen(lines, has('run 0 crashed'), 'the previous container\'s lines');
	assert.equal(previous[11], 'Logs › pod default/flaky-xxxxx · previous container');
	assert.deepEqual(previous.slice(12, 14), ['run 0 line', 'run 0 crashed']);
	assert.equal(previous.some(line => line.includes('run 1 line')), false);
	await press(app, '\u001B', 'l');
	const live = await frameWhen(lines, has('run 1 line'), 'the running container\'s lines');
	assert.equal(live[11], 'Logs › pod default/flaky-xxxxx');
	assert.equal(sim.openLogStreams(), 1);

	// s asks where to save, showing the default directory; nothing is written until Enter.
	await press(app, 's');
	const asked = await frameWhen(lines, has('save to '), 'the save prompt');
	assert.ok(asked.some(line => line.includes(`save to ▏ (Enter: ${scratch}/kjobs-flaky-xxxxx-TIME.log)`)), asked.join('\n'));
	assert.deepEqual(readdirSync(scratch).filter(name => name.endsWith('.log')), []);
	// Enter takes the default: the path goes to the message line and the file holds the lines.
	await press(app, '\r');
	const saved = await frameWhen(lines, has('saved 1 line to '), 'the save message');
	const file = /saved 1 line to (\S+)/.exec(saved.join('\n'))?.[1] ?? '';
	assert.equal(path.dirname(file), scratch);
	assert.equal(readFileSync(file, 'utf8'), 'run 1 line\n');
	// A typed name goes into the default directory (a relative path never lands in the process' working directory),
	// into a new subdirectory if it names one; an existing file is never overwritten.
	await press(app, 's', ...'sub/one.log', '\r');
	await frameWhen(lines, has(`saved 1 line to ${scratch}/sub/one.log`), 'the typed path');
	await press(app, 's', ...'sub/one.log', '\r');
	await frameWhen(lines, has(`saved 1 line to ${scratch}/sub/one-2.log`), 'a second name beside the first');
	assert.equal(readFileSync(path.join(scratch, 'sub', 'one.log'), 'utf8'), 'run 1 line\n');
	// Esc on the prompt saves nothing.
	await press(app, 's', 'x', '\u001B');
	assert.deepEqual(readdirSync(scratch).filter(name => name === 'x'), []);

	await press(app, '\u001B');
	await frameWhen(lines, lines => !lines.some(line => line.startsWith('Logs ›')), 'the pane closed');
	assert.equal(await streamsAfterClose(), 0);
	app.unmount();
});

test('c on a pod with two containers: each container in turn, then both again; the title says which', async () => {
	const job = createJob(world, 'duo');
	const pod = createJobPod(world, job, 'duo-yyyyy', {containers: ['app', 'sidecar']});
	print(world, pod, 'from app', 'app');
	print(world, pod, 'from sidecar', 'sidecar');
	const {app, lines} = renderApp();
	await press(app, ':', 'p', 'o', 'd', 's', '\r');
	await frameWhen(lines, lines => / duo-yyyyy /.test(lines[4] ?? ''), 'the pod row selected');
	await press(app, 'l');
	const both = await frameWhen(lines, lines => has('from app')(lines) && has('from sidecar')(lines), 'both containers');
	assert.equal(both[11], 'Logs › pod default/duo-yyyyy');
	// Lines of either container may come first (two streams); each carries its container's name.
	assert.deepEqual(both.slice(12, 14).sort(), ['app     from app', 'sidecar from sidecar']);
	await press(app, 'c');
	const first = await frameWhen(lines, lines => lines[11] === 'Logs › pod default/duo-yyyyy · container app' && has('from app')(lines), 'the app container');
	assert.deepEqual(first.slice(12, 14), ['from app', '']);
	await press(app, 'c');
	const second = await frameWhen(lines, lines => lines[11] === 'Logs › pod default/duo-yyyyy · container sidecar' && has('from sidecar')(lines), 'the sidecar container');
	assert.equal(second.some(line => line.includes('from app')), false);
	await press(app, 'c');
	await frameWhen(lines, lines => lines[11] === 'Logs › pod default/duo-yyyyy' && has('from app')(lines) && has('from sidecar')(lines), 'both again');
	assert.equal(sim.openLogStreams(), 2);
	await press(app, '\u001B');
	assert.equal(await streamsAfterClose(), 0);
	app.unmount();
});
