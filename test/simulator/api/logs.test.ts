import assert from 'node:assert/strict';
import {after, before, test} from 'node:test';
import type {Simulator} from '../../../source/simulator/index.js';
import {call, putPod, startTestSimulator, start, stream} from '../../helpers/simulator.js';

let sim: Simulator;
const line = (text: string, time = start) => ({time, data: Buffer.from(text)});
const logPath = (pod: string, query = '') => `/api/v1/namespaces/default/pods/${pod}/log${query ? `?${query}` : ''}`;

before(async () => {
	sim = await startTestSimulator();
});

after(async () => {
	await sim.stop();
});

test('logs: whole output, tailLines, sinceTime, timestamps and limitBytes', async () => {
	const pod = putPod(sim, 'plain');
	for (let i = 0; i < 5; i++) {
		sim.logs.append(pod.metadata.uid!, 'main', 0, line(`line ${i}`, start + (i * 1000)));
	}

	const all = await call(sim, 'GET', logPath('plain'));
	assert.equal(all.status, 200);
	assert.equal(all.headers['content-type'], 'text/plain');
	assert.equal(all.text, 'line 0\nline 1\nline 2\nline 3\nline 4\n');
	assert.equal((await call(sim, 'GET', logPath('plain', 'container=main&tailLines=2'))).text, 'line 3\nline 4\n');
	assert.equal((await call(sim, 'GET', logPath('plain', 'sinceTime=2026-01-01T00:00:03Z'))).text, 'line 3\nline 4\n');
	assert.equal((await call(sim, 'GET', logPath('plain', 'tailLines=1&timestamps=true'))).text, '2026-01-01T00:00:04.000000000Z line 4\n');
	assert.equal((await call(sim, 'GET', logPath('plain', 'limitBytes=10'))).text, 'line 0\nlin');
	const both = await call(sim, 'GET', logPath('plain', 'sinceSeconds=5&sinceTime=2026-01-01T00:00:03Z'));
	assert.equal(both.status, 422);
	assert.equal(both.json.reason, 'Invalid');
});

test('logs -f streams new lines and ends when the container instance ends', async () => {
	const pod = putPod(sim, 'follow');
	const uid = pod.metadata.uid!;
	sim.logs.append(uid, 'main', 0, line('first'));
	const followed = stream(sim, logPath('follow', 'follow=true&container=main'));
	await followed.next(1);
	assert.equal(sim.openLogStreams(), 1);
	sim.logs.append(uid, 'main', 0, line('second'));
	await followed.next(2);
	sim.logs.end(uid, 'main', 0);
	await followed.ended;
	assert.deepEqual(followed.lines, ['first', 'second']);
	assert.equal(sim.openLogStreams(), 0);
	assert.equal(sim.logs.openFollowers, 0);
});

test('previous reads restartCount-1, a CrashLoopBackOff pod serves its last run, and errors use the real texts', async () => {
	const pod = putPod(sim, 'crashy', {status: {phase: 'Running', containerStatuses: [{
		name: 'main', ready: false, restartCount: 2,
		state: {waiting: {reason: 'CrashLoopBackOff'}},
		lastState: {terminated: {exitCode: 1, reason: 'Error'}},
	}]}});
	const uid = pod.metadata.uid!;
	sim.logs.append(uid, 'main', 0, line('run 0'));
	sim.logs.append(uid, 'main', 1, line('run 1'));
	assert.equal((await call(sim, 'GET', logPath('crashy', 'previous=true'))).text, 'run 1\n');
	assert.equal((await call(sim, 'GET', logPath('crashy'))).text, 'run 1\n');
	putPod(sim, 'fresh');
	const noPrevious = await call(sim, 'GET', logPath('fresh', 'previous=true'));
	assert.equal(noPrevious.status, 400);
	assert.equal(noPrevious.json.message, 'previous terminated container "main" in pod "fresh" not found');
	putPod(sim, 'two', {containers: ['a', 'b']});
	const unnamed = await call(sim, 'GET', logPath('two'));
	assert.equal(unnamed.json.message, 'a container name must be specified for pod two, choose one of: [a b]');
	const unknown = await call(sim, 'GET', logPath('two', 'container=c'));
	assert.equal(unknown.json.message, 'container c is not valid for pod two');
	putPod(sim, 'creating', {status: {phase: 'Pending', containerStatuses: [{name: 'main', ready: false, restartCount: 0, state: {waiting: {reason: 'ContainerCreating'}}}]}});
	const waiting = await call(sim, 'GET', logPath('creating'));
	assert.equal(waiting.json.message, 'container "main" in pod "creating" is waiting to start: ContainerCreating');
	putPod(sim, 'pending', {spec: {containers: [{name: 'main'}], nodeName: undefined}, status: {phase: 'Pending'}});
	const unscheduled = await call(sim, 'GET', logPath('pending'));
	assert.equal(unscheduled.status, 204);
	assert.equal(unscheduled.text, '');
});
