import assert from 'node:assert/strict';
import {test} from 'node:test';
import {appOn} from '../helpers/app-rig.js';
import {connectionFrom, jobInput, tempDir, waitFor} from '../helpers/reliability.js';
import {loopbackKubeconfig, startLoopbackApi} from '../helpers/loopback-api.js';

const dir = tempDir('kjobs-malformed-');
const created = '2026-11-23T09:00:00Z';

function job(name: string, change: (job: Record<string, any>) => void = () => {}): Record<string, unknown> {
	const object = jobInput(name, 'batch') as unknown as Record<string, any>;
	object['metadata'] = {...object['metadata'], uid: `uid-${name}`, resourceVersion: '1', creationTimestamp: created};
	object['status'] = {active: 1, startTime: created, conditions: []};
	change(object);
	return object;
}

function pod(name: string, change: (pod: Record<string, any>) => void = () => {}): Record<string, unknown> {
	const object: Record<string, any> = {
		apiVersion: 'v1',
		kind: 'Pod',
		metadata: {name, namespace: 'batch', uid: `uid-${name}`, resourceVersion: '1', creationTimestamp: created, labels: {'batch.kubernetes.io/controller-uid': 'uid-good-a', 'controller-uid': 'uid-good-a', 'job-name': 'good-a'}},
		spec: {containers: [{name: 'main', image: 'busybox'}], restartPolicy: 'Never'},
		status: {phase: 'Running', startTime: created},
	};
	change(object);
	return object;
}

// The eight shapes of the issue, each in an object that is otherwise fine.
const badJobs = [
	job('bad-conditions', j => { j['status'].conditions = 'oops'; }),
	job('bad-spec', j => { j['spec'] = null; }),
	job('bad-name', j => { j['metadata'].name = 42; }),
	job('bad-status', j => { j['status'] = 'x'; }),
	job('bad-template', j => { j['spec'].template = null; }),
	job('bad-metadata', j => { j['metadata'] = null; }),
	job('bad-timestamp', j => { j['metadata'].creationTimestamp = 12_345; j['status'].startTime = {when: 'now'}; }),
];
const badPods = [pod('bad-containers', p => { p['spec'].containers = 'main'; })];

test('malformed objects are skipped and named; the rest renders and q quits', {timeout: 30_000}, async () => {
	const server = await startLoopbackApi({answer(request, response) {
		const url = request.url ?? '';
		response.setHeader('content-type', 'application/json');
		if (url.includes('watch=')) {
			response.writeHead(200);
			if (url.startsWith('/apis/batch/v1/jobs')) {
				// One bad object arrives by the watch as well, before a good one.
				response.write(`${JSON.stringify({type: 'ADDED', object: job('bad-watched', j => { j['status'].conditions = {type: 'Complete'}; })})}\n`);
				response.write(`${JSON.stringify({type: 'ADDED', object: job('good-b')})}\n`);
			}

			response.flushHeaders();
			return;
		}

		if (request.method === 'POST') {
			response.end(JSON.stringify({status: {allowed: true}}));
			return;
		}

		const items = url.startsWith('/apis/batch/v1/jobs') ? [...badJobs, job('good-a')] : (url.startsWith('/api/v1/pods') ? [...badPods, pod('good-a-pod')] : []);
		response.end(JSON.stringify({kind: 'List', apiVersion: 'v1', metadata: {resourceVersion: '1'}, items}));
	}});
	const app = appOn(connectionFrom(dir, loopbackKubeconfig(server.url, '{}'), {allNamespaces: true}), {columns: 200, rows: 20});
	try {
		await waitFor('both good jobs', () => app.lines().some(line => line.includes('good-a')) && app.lines().some(line => line.includes('good-b')), {ms: 8000}).catch(error => {
			console.log(app.frame().split('\n').slice(0, 12).join('\n'));
			throw error;
		});
		const snapshot = app.session.store.getSnapshot();
		assert.deepEqual([...snapshot.jobs.values()].map(object => object.metadata.name).sort(), ['good-a', 'good-b']);
		assert.deepEqual([...snapshot.pods.values()].map(object => object.metadata.name), ['good-a-pod']);
		await waitFor('the skipped objects named', () => app.lines().some(line => line.startsWith('⚠ skipped 9 malformed objects: job batch/bad-conditions: status.conditions is not a list')), {ms: 3000});
		assert.deepEqual(snapshot.malformed?.map(entry => `${entry.kind} ${entry.name}: ${entry.reason}`).sort(), [
			'job (no name): metadata is not an object',
			'job batch/(no name): metadata.name is not a string',
			'job batch/bad-conditions: status.conditions is not a list',
			'job batch/bad-spec: spec is not an object',
			'job batch/bad-status: status is not an object',
			'job batch/bad-template: spec.template is not an object',
			'job batch/bad-timestamp: metadata.creationTimestamp is not a string',
			'job batch/bad-watched: status.conditions is not a list',
			'pod batch/bad-containers: spec.containers is not a list',
		]);
		app.press('q');
		await waitFor('the quit', () => app.quits() === 1);
	} finally {
		await app.stop();
		await server.stop();
	}
});
