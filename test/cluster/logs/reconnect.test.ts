import assert from 'node:assert/strict';
import {createServer, connect, type Socket} from 'node:net';
import type {AddressInfo} from 'node:net';
import {test} from 'node:test';
import {KubeConfig} from '@kubernetes/client-node';
import {followJobLogs, followPodLogs} from '../../../source/cluster/logs/streams.js';
import {LogBuffer} from '../../../source/store/log-buffer.js';
import {kubeconfigYaml} from '../../../source/simulator/kubeconfig.js';
import {createJob, createJobPod, fileLogWorld, finishPod, logSubject, print, quickBackoff, texts, until} from '../../helpers/logs.js';

const world = await fileLogWorld();


/** A TCP proxy in front of the simulator whose connections the test can cut (a network failure, not a clean end). */
async function startProxy(port: number) {
	const sockets = new Set<Socket>();
	const server = createServer(client => {
		const upstream = connect(port, '127.0.0.1');
		sockets.add(client);
		sockets.add(upstream);
		client.pipe(upstream);
		upstream.pipe(client);
		const drop = () => {
			client.destroy();
			upstream.destroy();
			sockets.delete(client);
			sockets.delete(upstream);
		};

		client.on('error', drop);
		upstream.on('error', drop);
		client.on('close', drop);
		upstream.on('close', drop);
	});
	await new Promise<void>(resolve => {
		server.listen(0, '127.0.0.1', resolve);
	});
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		cut() {
			for (const socket of sockets) {
				socket.resetAndDestroy();
			}
		},
		async stop() {
			this.cut();
			await new Promise(resolve => {
				server.close(resolve);
			});
		},
	};
}

test('a connection cut mid-stream resumes from the last timestamp: no duplicate and no lost line', async () => {
	const proxy = await startProxy(world.sim.port);
	const kc = new KubeConfig();
	kc.loadFromString(kubeconfigYaml(proxy.url));
	const job = createJob(world, 'chatty');
	const pod = createJobPod(world, job, 'chatty-aaaaa');
	// Several lines share one timestamp on either side of the cut: the resume must skip exactly the ones it had.
	for (let i = 1; i <= 5; i++) {
		print(world, pod, `line ${i}`);
	}

	await world.sync();
	const buffer = new LogBuffer({clock: world.clock});
	const session = followPodLogs(kc, world.store, logSubject(pod), buffer, {clock: world.clock, backoffMs: quickBackoff});
	await until(world, buffer, () => texts(buffer).length === 5);
	proxy.cut();
	// Printed while disconnected, in the same second as the lines already read, and in the next one.
	print(world, pod, 'line 6');
	print(world, pod, 'line 7');
	await world.sim.advance(1000);
	print(world, pod, 'line 8');
	await until(world, buffer, () => texts(buffer).length >= 8);
	print(world, pod, 'line 9');
	await until(world, buffer, () => texts(buffer).length >= 9);
	assert.deepEqual(texts(buffer), ['line 1', 'line 2', 'line 3', 'line 4', 'line 5', 'line 6', 'line 7', 'line 8', 'line 9']);
	assert.equal(world.sim.openLogStreams(), 1);
	session.close();
	await until(world, buffer, () => world.sim.openLogStreams() === 0);
	await proxy.stop();
});

test('the API server restarting ends every stream; the job pane reconnects each without duplicates', async () => {
	const job = createJob(world, 'para');
	const a = createJobPod(world, job, 'para-aaaaa', {index: 0});
	const b = createJobPod(world, job, 'para-bbbbb', {index: 1});
	print(world, a, 'a1');
	print(world, b, 'b1');
	await world.sync();
	const buffer = new LogBuffer({clock: world.clock});
	// The server ends the streams cleanly; the pods do not change, so the session resumes after the settle time.
	const session = followJobLogs(world.kc, world.store, logSubject(job), buffer, {clock: world.clock, backoffMs: quickBackoff, endSettleMs: 100});
	await until(world, buffer, () => texts(buffer).length === 2 && world.sim.openLogStreams() === 2);
	await world.sim.restart({keepState: true});
	print(world, a, 'a2');
	print(world, b, 'b2');
	await until(world, buffer, () => texts(buffer).length >= 4 && world.sim.openLogStreams() === 2);
	await world.sim.advance(1000);
	print(world, a, 'a3');
	finishPod(world, b, 0);
	await world.sync();
	await until(world, buffer, () => texts(buffer).length >= 5 && world.sim.openLogStreams() === 1);
	const byPod = (tag: string) => buffer.getSnapshot().entries.flatMap(entry => (entry.kind === 'line' && entry.tag === tag ? [entry.text] : []));
	assert.deepEqual(byPod('i0'), ['a1', 'a2', 'a3']);
	assert.deepEqual(byPod('i1'), ['b1', 'b2']);
	assert.equal(texts(buffer).length, 5);
	session.close();
	await until(world, buffer, () => world.sim.openLogStreams() === 0);
	assert.equal(world.sim.logs.openFollowers, 0);
});

test('a deleted pod keeps its lines, marked, and its stream is closed', async () => {
	const job = createJob(world, 'gone');
	const pod = createJobPod(world, job, 'gone-aaaaa');
	print(world, pod, 'evidence');
	await world.sync();
	const buffer = new LogBuffer({clock: world.clock});
	const session = followJobLogs(world.kc, world.store, logSubject(job), buffer, {clock: world.clock, backoffMs: quickBackoff});
	await until(world, buffer, () => texts(buffer).length === 1 && world.sim.openLogStreams() === 1);
	world.sim.store.remove('Pod', 'default', 'gone-aaaaa');
	world.sim.logs.end(pod.metadata.uid!, 'main', 0);
	await world.sync();
	await until(world, buffer, () => buffer.getSnapshot().entries.some(entry => entry.kind === 'marker'));
	assert.deepEqual(buffer.getSnapshot().entries.map(entry => (entry.kind === 'line' ? entry.text : entry.kind === 'marker' ? `!! ${entry.text}` : `── ${entry.label}`)), ['── attempt 1', 'evidence', '!! pod deleted']);
	await until(world, buffer, () => world.sim.openLogStreams() === 0);
	session.close();
});
