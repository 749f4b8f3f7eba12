import assert from 'node:assert/strict';
import {test} from 'node:test';
import * as k8s from '@kubernetes/client-node';
import {startTestSimulator} from '../../helpers/simulator.js';

test('end to end through the API server and client-node: a job runs, logs, completes and cascades on delete', async () => {
	const sim = await startTestSimulator();
	try {
		const config = new k8s.KubeConfig();
		config.loadFromString(sim.kubeconfig);
		const batch = config.makeApiClient(k8s.BatchV1Api);
		const core = config.makeApiClient(k8s.CoreV1Api);
		await batch.createNamespacedJob({namespace: 'default', body: {
			metadata: {name: 'e2e'},
			spec: {completions: 2, parallelism: 1, template: {
				metadata: {annotations: {'sim.kjobs.io/run-seconds': '4', 'sim.kjobs.io/log': 'hello from {pod}\nattempt {attempt}'}},
				spec: {restartPolicy: 'Never', containers: [{name: 'main', image: 'busybox:1.36'}]},
			}},
		}});
		await sim.advance(3000);
		const selector = 'batch.kubernetes.io/job-name=e2e';
		let pods = (await core.listNamespacedPod({namespace: 'default', labelSelector: selector})).items;
		assert.equal(pods.length, 1);
		assert.equal(pods[0]?.status?.phase, 'Running');
		await sim.advance(10_000);
		const job = await batch.readNamespacedJob({name: 'e2e', namespace: 'default'});
		assert.equal(job.status?.succeeded, 2);
		assert.deepEqual(job.status?.conditions?.map(condition => condition.type), ['SuccessCriteriaMet', 'Complete']);
		pods = (await core.listNamespacedPod({namespace: 'default', labelSelector: selector})).items;
		const first = pods.sort((a, b) => String(a.metadata?.creationTimestamp).localeCompare(String(b.metadata?.creationTimestamp)))[0]!;
		const log = await core.readNamespacedPodLog({name: first.metadata!.name!, namespace: 'default'});
		assert.equal(log, `hello from ${first.metadata!.name}\nattempt 1\n`);
		const events = (await core.listNamespacedEvent({namespace: 'default', fieldSelector: 'involvedObject.name=e2e'})).items;
		assert.deepEqual(events.map(event => event.reason), ['SuccessfulCreate', 'SuccessfulCreate', 'Completed']);
		await batch.deleteNamespacedJob({name: 'e2e', namespace: 'default', propagationPolicy: 'Background'});
		await sim.advance(1000);
		pods = (await core.listNamespacedPod({namespace: 'default', labelSelector: selector})).items;
		assert.equal(pods.length, 0);
	} finally {
		await sim.stop();
	}
});
