/**
A small cluster state for the kubectl tests: one running Job with a pod and an event, one CronJob, built through the
API and the store (the controllers are not run, so nothing moves).
*/
import type {Job, Pod} from '../../source/kube/types.js';
import type {Simulator} from '../../source/simulator/index.js';
import {call, createJob, start} from './simulator.js';

/** Creates the fixture objects; returns the Job's uid. */
export async function buildKubectlFixture(sim: Simulator): Promise<{uid: string}> {
	const job = await createJob(sim, 'demo', 'default', {}, {app: 'demo'});
	const uid = job.metadata.uid!;
	const stored = sim.store.get<Job>('Job', 'default', 'demo')!;
	sim.store.update('Job', {...structuredClone(stored), status: {active: 1, ready: 1, failed: 0, terminating: 0, startTime: '2026-01-01T00:00:00Z', uncountedTerminatedPods: {}}});
	const pod: Pod = {
		metadata: {
			name: 'demo-abcde', namespace: 'default', labels: {...job.spec.template.metadata?.labels},
			ownerReferences: [{apiVersion: 'batch/v1', kind: 'Job', name: 'demo', uid, controller: true, blockOwnerDeletion: true}],
		},
		spec: {containers: [{name: 'main', image: 'busybox:1.36'}], restartPolicy: 'Never', nodeName: 'sim-node-1'},
		status: {
			phase: 'Running', podIP: '10.0.0.5', podIPs: [{ip: '10.0.0.5'}], hostIP: '192.168.0.1', startTime: '2026-01-01T00:00:00Z',
			conditions: [{type: 'Ready', status: 'True'}],
			containerStatuses: [{
				name: 'main', ready: true, restartCount: 1, image: 'busybox:1.36', started: true,
				state: {running: {startedAt: '2026-01-01T00:02:00Z'}},
				lastState: {terminated: {exitCode: 1, reason: 'Error', startedAt: '2026-01-01T00:00:10Z', finishedAt: '2026-01-01T00:01:00Z'}},
			}],
		},
	};
	const created = sim.store.create('Pod', pod);
	sim.logs.append(created.metadata.uid!, 'main', 0, {time: start + 10_000, data: Buffer.from('first run')});
	sim.logs.append(created.metadata.uid!, 'main', 1, {time: start + 120_000, data: Buffer.from('hello')});
	sim.logs.append(created.metadata.uid!, 'main', 1, {time: start + 121_000, data: Buffer.from('world')});
	sim.store.create('Event', {
		metadata: {name: 'demo.1', namespace: 'default'},
		involvedObject: {kind: 'Job', namespace: 'default', name: 'demo', uid, apiVersion: 'batch/v1'},
		reason: 'SuccessfulCreate', message: 'Created pod: demo-abcde', type: 'Normal', count: 1,
		firstTimestamp: '2026-01-01T00:00:00Z', lastTimestamp: '2026-01-01T00:00:00Z', source: {component: 'job-controller'},
	} as never);
	await call(sim, 'POST', '/apis/batch/v1/namespaces/default/cronjobs', {
		metadata: {name: 'nightly', labels: {team: 'x'}},
		spec: {schedule: '0 3 * * *', jobTemplate: {metadata: {labels: {team: 'x'}}, spec: {backoffLimit: 2, template: {spec: {containers: [{name: 'c', image: 'busybox'}], restartPolicy: 'OnFailure'}}}}},
	});
	await call(sim, 'POST', '/api/v1/namespaces', {metadata: {name: 'other'}});
	await createJob(sim, 'elsewhere', 'other');
	return {uid};
}
