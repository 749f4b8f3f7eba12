import assert from 'node:assert/strict';
import {test} from 'node:test';
import {fetchPreviousLogs, followJobLogs, followPodLogs} from '../../../source/cluster/logs/streams.js';
import type {Pod} from '../../../source/kube/types.js';
import {LogBuffer} from '../../../source/store/log-buffer.js';
import {initialLogPaneState, logPaneReducer} from '../../../source/state/log-pane/reducer.js';
import {sinceOptions} from '../../../source/view-model/logs/types.js';
import {logView} from '../../../source/view-model/logs/view.js';
import {advanceUntilLines, createJob, createJobPod, describe, fileLogWorld, finishPod, logSubject, print, quickBackoff, restartContainer, submitJob, texts, until} from '../../helpers/logs.js';

const world = await fileLogWorld();


test('the job controller retries a failing job: all three attempts in order with separators, retries attached after opening', async () => {
	const job = await submitJob(world, 'retry', 2, {
		'sim.kjobs.io/run-seconds': '3',
		'sim.kjobs.io/exit-code': '1',
		'sim.kjobs.io/log': 'attempt {attempt} on {pod}\nworking\nboom',
	});
	await world.sim.advance(1000);
	await world.sync();
	const buffer = new LogBuffer({clock: world.clock});
	const session = followJobLogs(world.kc, world.store, logSubject(job), buffer, {clock: world.clock, backoffMs: quickBackoff});
	// Attempts 2 and 3 are created 10 s and 20 s after the previous failure, long after the pane opened.
	await advanceUntilLines(world, buffer, 9);
	const pods = [...world.sim.store.list<Pod>('Pod', 'default')].filter(pod => pod.metadata.labels?.['batch.kubernetes.io/job-name'] === 'retry')
		.sort((a, b) => Date.parse(a.metadata.creationTimestamp!) - Date.parse(b.metadata.creationTimestamp!)).map(pod => pod.metadata.name!);
	assert.equal(pods.length, 3);
	assert.deepEqual(describe(buffer.getSnapshot().entries), pods.flatMap((name, i) => [
		`── attempt ${i + 1} · ${name}`,
		`#${i + 1} attempt ${i + 1} on ${name}`,
		`#${i + 1} working`,
		`#${i + 1} boom`,
	]));
	session.close();
	await until(world, buffer, () => world.sim.openLogStreams() === 0);
	assert.equal(world.sim.openLogStreams(), 0);
});

test('scripted attempts: a finished one fetched once, a running one followed, a later one attached', async () => {
	const job = createJob(world, 'pi');
	const first = createJobPod(world, job, 'pi-aaaaa');
	print(world, first, 'attempt one starting');
	await world.sim.advance(1000);
	print(world, first, 'attempt one failed');
	finishPod(world, first, 1);
	await world.sim.advance(1000);
	const second = createJobPod(world, job, 'pi-bbbbb');
	print(world, second, 'attempt two starting');
	await world.sync();

	// The pane opens now: attempt 1 has finished (fetched once), attempt 2 is running (followed).
	const buffer = new LogBuffer({clock: world.clock});
	const session = followJobLogs(world.kc, world.store, logSubject(job), buffer, {clock: world.clock, backoffMs: quickBackoff});
	await until(world, buffer, () => texts(buffer).length === 3);
	assert.equal(world.sim.openLogStreams(), 1);

	await world.sim.advance(1000);
	print(world, second, 'attempt two failed');
	finishPod(world, second, 1);
	await world.sync();
	await until(world, buffer, () => texts(buffer).length === 4);

	// The third attempt appears only after the pane opened.
	await world.sim.advance(10_000);
	const thirdStartedAt = world.sim.clock.now();
	const third = createJobPod(world, job, 'pi-ccccc');
	print(world, third, 'attempt three starting');
	await world.sync();
	await until(world, buffer, () => texts(buffer).length === 5);
	await world.sim.advance(1000);
	print(world, third, 'pi = 3.14159');
	await until(world, buffer, () => texts(buffer).length === 6);

	assert.deepEqual(describe(buffer.getSnapshot().entries), [
		'── attempt 1 · pi-aaaaa',
		'#1 attempt one starting',
		'#1 attempt one failed',
		'── attempt 2 · pi-bbbbb',
		'#2 attempt two starting',
		'#2 attempt two failed',
		'── attempt 3 · pi-ccccc',
		'#3 attempt three starting',
		'#3 pi = 3.14159',
	]);
	const separator = buffer.getSnapshot().entries.find(entry => entry.kind === 'separator' && entry.tag === '#3');
	assert.equal(separator?.kind === 'separator' ? separator.startedAt : undefined, thirdStartedAt);
	assert.equal(world.sim.openLogStreams(), 1);
	session.close();
	await until(world, buffer, () => world.sim.openLogStreams() === 0);
	assert.equal(world.sim.openLogStreams(), 0);
	assert.equal(world.sim.logs.openFollowers, 0);
});

test('previous-container logs after an OnFailure restart, and the live stream moves on to the new instance', async () => {
	const job = createJob(world, 'flaky');
	const pod = createJobPod(world, job, 'flaky-xxxxx', {restartPolicy: 'OnFailure'});
	print(world, pod, 'run 0 line');
	await world.sync();
	const live = new LogBuffer({clock: world.clock});
	const session = followPodLogs(world.kc, world.store, logSubject(pod), live, {clock: world.clock, backoffMs: quickBackoff});
	await until(world, live, () => texts(live).length === 1);

	await world.sim.advance(1000);
	print(world, pod, 'run 0 crashed');
	restartContainer(world, pod);
	await world.sim.advance(1000);
	print(world, pod, 'run 1 line', 'main', 1);
	await world.sync();
	await until(world, live, () => texts(live).length === 3);
	assert.deepEqual(describe(live.getSnapshot().entries), ['run 0 line', 'run 0 crashed', '── main restarted after it exited 1 (Error) · restart 1 · flaky-xxxxx', 'run 1 line']);

	const previous = new LogBuffer({clock: world.clock});
	const once = fetchPreviousLogs(world.kc, world.store, logSubject(pod), previous, {clock: world.clock});
	await once.done;
	assert.deepEqual(texts(previous), ['run 0 line', 'run 0 crashed']);
	session.close();
	await until(world, live, () => world.sim.openLogStreams() === 0);
});

test('a pod with two containers: one picked, or all of them', async () => {
	const job = createJob(world, 'duo');
	const pod = createJobPod(world, job, 'duo-yyyyy', {containers: ['app', 'sidecar']});
	print(world, pod, 'from app', 'app');
	print(world, pod, 'from sidecar', 'sidecar');
	finishPod(world, pod, 0);
	await world.sync();
	const one = new LogBuffer({clock: world.clock});
	await followPodLogs(world.kc, world.store, logSubject(pod), one, {clock: world.clock, container: 'sidecar'}).done;
	assert.deepEqual(texts(one), ['from sidecar']);
	const all = new LogBuffer({clock: world.clock});
	await followPodLogs(world.kc, world.store, logSubject(pod), all, {clock: world.clock, container: 'all'}).done;
	assert.deepEqual(texts(all).sort(), ['from app', 'from sidecar']);
	assert.deepEqual(all.getSnapshot().entries.map(entry => (entry.kind === 'line' ? entry.container : '')).sort(), ['app', 'sidecar']);
});

test('a since preset reaches the API (tail 2), and a paused pane counts the lines that keep arriving', async () => {
	const job = createJob(world, 'tail');
	const pod = createJobPod(world, job, 'tail-zzzzz');
	for (const text of ['one', 'two', 'three', 'four']) {
		print(world, pod, text);
	}

	await world.sync();
	const buffer = new LogBuffer({clock: world.clock});
	const session = followPodLogs(world.kc, world.store, logSubject(pod), buffer, {clock: world.clock, since: {...sinceOptions('all'), tailLines: 2}, backoffMs: quickBackoff});
	await until(world, buffer, () => texts(buffer).length === 2 && world.sim.openLogStreams() === 1);
	assert.deepEqual(texts(buffer), ['three', 'four']);
	let state = initialLogPaneState();
	state = logPaneReducer(state, {type: 'scroll', delta: 1, bounds: logView(buffer.getSnapshot(), state, 40, 3).scroll});
	for (const text of ['five', 'six', 'seven']) {
		print(world, pod, text);
	}

	await until(world, buffer, () => texts(buffer).length === 5);
	const paused = logView(buffer.getSnapshot(), state, 40, 3);
	assert.deepEqual(paused.rows.map(row => row.segments.map(segment => segment.text).join('')), ['three', 'four']);
	assert.equal(paused.status[0]?.text, 'paused · 3 new lines');
	state = logPaneReducer(state, {type: 'follow'});
	const resumed = logView(buffer.getSnapshot(), state, 40, 3);
	assert.deepEqual(resumed.rows.map(row => row.segments.map(segment => segment.text).join('')), ['six', 'seven']);
	assert.equal(resumed.status[0]?.text, 'following');
	session.close();
	await until(world, buffer, () => world.sim.openLogStreams() === 0);
});
