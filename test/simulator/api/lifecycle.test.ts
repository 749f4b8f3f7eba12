import assert from 'node:assert/strict';
import {test} from 'node:test';
import {call, createJob, putPod, startTestSimulator, stream} from '../../helpers/simulator.js';
import {waitFor} from '../../helpers/wait-for.js';

test('stop() closes open watches and log streams and leaves no handles behind', async () => {
	const sim = await startTestSimulator();
	const pod = putPod(sim, 'p');
	sim.logs.append(pod.metadata.uid!, 'main', 0, {time: 0, data: Buffer.from('x')});
	const watch = stream(sim, '/api/v1/pods?watch=true');
	const log = stream(sim, '/api/v1/namespaces/default/pods/p/log?follow=true');
	await watch.next(1);
	await log.next(1);
	assert.equal(sim.openWatches(), 1);
	assert.equal(sim.openLogStreams(), 1);
	const before = new Set(process.getActiveResourcesInfo());
	await sim.stop();
	await watch.ended;
	await log.ended;
	assert.equal(sim.openWatches(), 0);
	assert.equal(sim.openLogStreams(), 0);
	await new Promise(resolve => setImmediate(resolve));
	const left = process.getActiveResourcesInfo().filter(kind => kind === 'TCPServerWrap' || kind === 'TCPSocketWrap');
	assert.deepEqual(left, []);
	assert.ok(before.has('TCPServerWrap'));
});

test('restart keeps the port; keepState keeps objects; a fresh store starts at higher resourceVersions', async () => {
	const sim = await startTestSimulator();
	const port = sim.port;
	await createJob(sim, 'kept');
	const rvBefore = sim.store.rv;
	await sim.restart({keepState: true});
	assert.equal(sim.port, port);
	const kept = await call(sim, 'GET', '/apis/batch/v1/namespaces/default/jobs/kept');
	assert.equal(kept.status, 200);
	await sim.restart();
	assert.equal(sim.port, port);
	const gone = await call(sim, 'GET', '/apis/batch/v1/namespaces/default/jobs/kept');
	assert.equal(gone.status, 404);
	assert.ok(sim.store.rv > rvBefore);
	const old = stream(sim, `/apis/batch/v1/jobs?watch=true&resourceVersion=${rvBefore}`);
	await old.ended;
	assert.equal(JSON.parse(old.lines[0]!).object.code, 410);
	await sim.stop();
});

test('after a restart that keeps the objects, as after a real API server\'s: a watch from before it gets 410, one from now resumes', async () => {
	const sim = await startTestSimulator();
	await createJob(sim, 'first');
	const older = sim.store.rv;
	await createJob(sim, 'second');
	const current = sim.store.rv;
	await sim.restart({keepState: true});
	const old = stream(sim, `/apis/batch/v1/jobs?watch=true&resourceVersion=${older}`);
	await waitFor('an answer to the watch from before the restart', () => old.lines.length > 0);
	await old.ended;
	assert.deepEqual(old.lines.map(line => JSON.parse(line).object).map((status: any) => [status.code, status.reason, status.message]), [[410, 'Expired', `too old resource version: ${older} (${current})`]]);
	const resumed = stream(sim, `/apis/batch/v1/jobs?watch=true&resourceVersion=${current}`);
	await resumed.status;
	const third = await createJob(sim, 'third');
	await resumed.next(1);
	assert.deepEqual(resumed.lines.map(line => JSON.parse(line)).map((event: any) => [event.type, event.object.metadata.name]), [['ADDED', third.metadata.name]]);
	resumed.close();
	old.close();
	await sim.stop();
});

test('a too-new resourceVersion on watch or list is 504 Timeout with ResourceVersionTooLarge', async () => {
	const sim = await startTestSimulator();
	const reply = await call(sim, 'GET', `/apis/batch/v1/jobs?watch=true&resourceVersion=${sim.store.rv + 100}`);
	assert.equal(reply.status, 504);
	assert.equal(reply.json.details.causes[0].reason, 'ResourceVersionTooLarge');
	const list = await call(sim, 'GET', `/apis/batch/v1/jobs?resourceVersion=${sim.store.rv + 100}&resourceVersionMatch=NotOlderThan`);
	assert.equal(list.status, 504);
	assert.equal(list.json.message, `Too large resource version: ${sim.store.rv + 100}, current: ${sim.store.rv}`);
	await sim.stop();
});
