import assert from 'node:assert/strict';
import {after, before, test} from 'node:test';
import {followCronJobLogs} from '../../../source/cluster/logs/streams.js';
import type {CronJob, Job} from '../../../source/kube/types.js';
import {LogBuffer} from '../../../source/store/log-buffer.js';
import {logVerdicts} from '../../../source/view-model/logs/verdicts.js';
import {call} from '../../helpers/simulator.js';
import {describe, logSubject, quickBackoff, startLogWorld, texts, until, type LogWorld} from '../../helpers/logs.js';

let world: LogWorld;
before(async () => {
	world = await startLogWorld();
});
after(async () => {
	world.store.dispose();
	await world.sim.stop();
});

// The world's sync() lists jobs and pods; the cron job itself is listed here too, as the app's watch would have it.
async function syncAll(): Promise<void> {
	const reply = await call(world.sim, 'GET', '/apis/batch/v1/cronjobs');
	world.store.apply({type: 'relist', kind: 'cronjobs', objects: reply.json.items});
	await world.sync();
}

// Moves the simulated cluster and the app clock on a second at a time until `done` holds (at most three minutes).
async function runUntil(buffer: LogBuffer, done: () => boolean): Promise<void> {
	for (let second = 0; second < 180 && !done(); second++) {
		await world.sim.advance(1000);
		world.clock.advance(1000);
		await syncAll();
		await new Promise(resolve => setTimeout(resolve, 5));
	}

	await until(world, buffer, done);
}

test('a cron job\'s pane follows each newer run: the earlier run\'s lines stay, a marker names the new run, the verdicts cover both', async () => {
	const created = await call(world.sim, 'POST', '/apis/batch/v1/namespaces/default/cronjobs', {
		apiVersion: 'batch/v1',
		kind: 'CronJob',
		metadata: {name: 'ticker'},
		spec: {
			schedule: '* * * * *',
			jobTemplate: {spec: {backoffLimit: 0, template: {
				metadata: {annotations: {'sim.kjobs.io/run-seconds': '5', 'sim.kjobs.io/log': 'tick from {pod}'}},
				spec: {restartPolicy: 'Never', containers: [{name: 'main', image: 'busybox'}]},
			}}},
		},
	});
	assert.equal(created.status, 201, created.text);
	const cronJob = created.json as CronJob;
	await syncAll();
	const buffer = new LogBuffer({clock: world.clock});
	const runs: string[] = [];
	const session = followCronJobLogs(world.kc, world.store, logSubject(cronJob), buffer, {clock: world.clock, backoffMs: quickBackoff, onRun: job => runs.push(job.name)});
	await until(world, buffer, () => describe(buffer.getSnapshot().entries).length === 1);
	// Opened before the first run: the pane says it waits, and nothing else.
	assert.deepEqual(describe(buffer.getSnapshot().entries), ['!! cron job ticker has not run a job yet: its first run will show here']);

	await runUntil(buffer, () => texts(buffer).length === 2);
	const jobs = () => [...world.store.getSnapshot().jobs.values()].filter((job: Job) => job.metadata.ownerReferences?.[0]?.uid === cronJob.metadata.uid)
		.sort((a, b) => Date.parse(a.metadata.creationTimestamp!) - Date.parse(b.metadata.creationTimestamp!)).map(job => job.metadata.name!);
	const [first, second] = jobs();
	assert.ok(first && second, `two runs: ${jobs().join(', ')}`);
	assert.deepEqual(runs, [first, second]);
	const entries = describe(buffer.getSnapshot().entries);
	const pods = entries.filter(entry => entry.startsWith('── ')).map(entry => entry.split(' · ')[1]!);
	assert.deepEqual(entries, [
		'!! cron job ticker has not run a job yet: its first run will show here',
		`── attempt 1 · ${pods[0]}`,
		`#1 tick from ${pods[0]}`,
		`!! newer run: job ${second}`,
		`── attempt 1 · ${pods[1]}`,
		`#1 tick from ${pods[1]}`,
	]);
	assert.ok(pods[0]!.startsWith(first) && pods[1]!.startsWith(second));

	// The earlier run's end follows its last attempt; the newest run's end is the pane's last line once it is known.
	const jobNamed = (name: string) => [...world.store.getSnapshot().jobs.values()].find(job => job.metadata.name === name);
	await runUntil(buffer, () => jobNamed(second)?.status?.succeeded === 1);
	const verdicts = logVerdicts(world.store.getSnapshot(), {kind: 'cronjob', uid: cronJob.metadata.uid!}, world.clock.now());
	const podUid = (name: string) => [...world.store.getSnapshot().pods.values()].find(pod => pod.metadata.name === name)!.metadata.uid!;
	assert.match(verdicts.pods.get(podUid(pods[0]!))!.text, /^exited 0 \(Completed\) after 5s · job complete after \d+s$/);
	assert.match(verdicts.pods.get(podUid(pods[1]!))!.text, /^exited 0 \(Completed\) after 5s$/);
	assert.match(verdicts.end!.text, /^job complete after \d+s$/);

	session.close();
	await session.done;
	await until(world, buffer, () => world.sim.openLogStreams() === 0);
});
