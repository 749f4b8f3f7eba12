import assert from 'node:assert/strict';
import {after, before, test} from 'node:test';
import {KubeConfig} from '@kubernetes/client-node';
import {followPodLogs} from '../../../source/cluster/logs/streams.js';
import {maxLogStreams} from '../../../source/cluster/logs/session.js';
import {LogBuffer} from '../../../source/store/log-buffer.js';
import {createJob, createJobPod, describe, finishPod, logSubject, type LogWorld, print, quickBackoff, startLogWorld, texts, until} from '../../helpers/logs.js';
import {loopbackKubeconfig, startLoopbackApi} from '../../helpers/loopback-api.js';
import {waitFor} from '../../helpers/wait-for.js';

let world: LogWorld;
before(async () => {
	world = await startLogWorld();
});
after(async () => {
	world.store.dispose();
	await world.sim.stop();
});

test(`a pod with 120 containers: at most ${maxLogStreams} log streams open at once, the pane says the rest wait, and they start as others end`, async () => {
	const containers = Array.from({length: 120}, (_, index) => `c${index}`);
	const job = createJob(world, 'wide');
	const pod = createJobPod(world, job, 'wide-aaaaa', {containers});
	for (const container of containers) {
		print(world, pod, `hello from ${container}`, container);
	}

	await world.sync();
	const buffer = new LogBuffer({clock: world.clock});
	let most = 0;
	const session = followPodLogs(world.kc, world.store, logSubject(pod), buffer, {clock: world.clock, backoffMs: quickBackoff, container: 'all'});
	try {
		await until(world, buffer, () => {
			most = Math.max(most, world.sim.openLogStreams());
			// Each open stream's line arrives a moment after it opens: a loaded machine can be between the two.
			return world.sim.openLogStreams() === maxLogStreams && texts(buffer).length >= maxLogStreams;
		});
		assert.ok(describe(buffer.getSnapshot().entries).includes(`!! ${maxLogStreams} log streams are open at once: ${120 - maxLogStreams} more wait and start as those end`));
		// The first fifty print, the others have not been asked for yet.
		assert.equal(texts(buffer).length, maxLogStreams);
		// The pod ends: the open streams end with it, and the waiting containers are read in turn, never more at once.
		finishPod(world, pod, 0);
		await world.sync();
		await until(world, buffer, () => {
			most = Math.max(most, world.sim.openLogStreams());
			return texts(buffer).length === 120;
		}, 10_000);
		assert.deepEqual(texts(buffer).sort(), containers.map(container => `hello from ${container}`).sort());
	} finally {
		session.close();
	}

	await until(world, buffer, () => world.sim.openLogStreams() === 0);
	assert.equal(most, maxLogStreams);
});

test('opening and closing logs 20 times against a server that never answers: no socket stays open', {timeout: 20_000}, async () => {
	const server = await startLoopbackApi({silent: true, tls: true});
	const kc = new KubeConfig();
	kc.loadFromString(loopbackKubeconfig(server.url, '{}'));
	const job = createJob(world, 'silent');
	const pod = createJobPod(world, job, 'silent-aaaaa', {containers: ['main', 'side']});
	await world.sync();
	try {
		for (let round = 0; round < 20; round++) {
			const buffer = new LogBuffer({clock: world.clock});
			const session = followPodLogs(kc, world.store, logSubject(pod), buffer, {clock: world.clock, backoffMs: quickBackoff});
			await waitFor('both requests to arrive', () => server.seen.length >= (round + 1) * 2, {ms: 5000});
			session.close();
		}

		await waitFor('every socket closed', () => server.open() === 0, {ms: 3000});
		assert.equal(server.seen.length, 40);
		assert.ok(server.seen.every(seen => seen.url.startsWith('/api/v1/namespaces/default/pods/silent-aaaaa/log?')));
	} finally {
		await server.stop();
	}
});
