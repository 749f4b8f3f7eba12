import assert from 'node:assert/strict';
import {test} from 'node:test';
import type {Job, Pod} from '../../../source/kube/types.js';
import {ManualClock} from '../../../source/simulator/clock.js';
import {startScaleSimulator} from '../../../source/simulator/scenarios/scale/scale.js';
import {scaleSimulatorOptions} from '../../../source/simulator/scenarios/scale/main.js';

test('the scale scenario stores the asked-for jobs, cron jobs and pods plus the probes, in realistic states', async () => {
	const scale = await startScaleSimulator({jobs: 200, cronJobs: 20, pods: 1000, namespaces: 5, churn: 0, clock: new ManualClock(Date.parse('2026-11-23T12:00:00Z'))});
	try {
		const {store} = scale.simulator;
		assert.deepEqual(scale.expected, {jobs: 202, cronJobs: 20, pods: 1001});
		assert.equal(store.count('Job'), 202);
		assert.equal(store.count('CronJob'), 20);
		assert.equal(store.count('Pod'), 1001);
		const phases = new Map<string, number>();
		for (const pod of store.list<Pod>('Pod')) {
			phases.set(pod.status?.phase ?? '', (phases.get(pod.status?.phase ?? '') ?? 0) + 1);
		}

		// Jobs 0–71 of each hundred complete, 72–85 running, 86–97 failed or backing off, 98–99 suspended; five pods each.
		assert.deepEqual(Object.fromEntries(phases), {Succeeded: 784, Running: 87, Pending: 10, Failed: 120});
		const probe = store.get<Job>('Job', 'a-bench', 'probe');
		assert.equal(probe?.spec.completions, 9999);
		assert.equal(store.list('Namespace').filter(ns => ns.metadata.name?.startsWith('ns-')).length, 5);
		// A third of the jobs belong to a cron job, as a real cluster's mix does.
		assert.equal(store.list<Job>('Job').filter(job => job.metadata.ownerReferences?.[0]?.kind === 'CronJob').length, 67);
	} finally {
		await scale.stop();
	}
});

test('the scale flags parse into simulator options; a bad count is refused', () => {
	const options = scaleSimulatorOptions(['--scenario', 'scale', '--jobs', '100', '--pods', '500', '--churn', '0', '--port', '0']);
	assert.equal(options.jobs, 100);
	assert.equal(options.pods, 500);
	assert.equal(options.churn, 0);
	assert.equal(options.cronJobs, undefined);
	assert.throws(() => scaleSimulatorOptions(['--jobs', 'many']), /invalid value for --jobs: many/);
});
