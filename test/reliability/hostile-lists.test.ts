import assert from 'node:assert/strict';
import http from 'node:http';
import type {AddressInfo} from 'node:net';
import {test} from 'node:test';
import {type RecordedWatch, tempDir, waitFor, watchJobsOn} from '../helpers/reliability.js';

const dir = tempDir('kjobs-hostile-lists-');

const job = (name: string, rv: string, extra: Record<string, unknown> = {}) => ({
	apiVersion: 'batch/v1',
	kind: 'Job',
	metadata: {name, namespace: 'default', uid: `u-${name}`, resourceVersion: rv, creationTimestamp: '2026-11-23T09:00:00Z'},
	spec: {completions: 1, template: {spec: {containers: [{name: 'main', image: 'busybox'}], restartPolicy: 'Never'}}},
	status: {},
	...extra,
});

// 100,000 levels of arrays inside a field no rule looks at: JSON.parse takes it, every recursive walk overflows.
const deep = (name: string, rv: string) => JSON.stringify(job(name, rv)).replace(/}$/, `,"deep":${'['.repeat(100_000)}${']'.repeat(100_000)}}`);

type Answer = (url: URL, response: http.ServerResponse) => void;

/** A plain-http API server for jobs only, answering lists and watches as `answer` says; counts the requests. */
async function withServer(answer: Answer, run: (watchers: {errors: string[]; store: RecordedWatch['store']; clock: RecordedWatch['clock']; requests: () => {lists: number; watches: number}}) => Promise<void>): Promise<void> {
	let lists = 0;
	let watches = 0;
	const server = http.createServer((request, response) => {
		const url = new URL(request.url ?? '/', 'http://x');
		if (!url.pathname.endsWith('/jobs')) {
			response.writeHead(404, {'content-type': 'application/json'});
			response.end('{"kind":"Status","apiVersion":"v1","status":"Failure","reason":"NotFound","code":404}');
			return;
		}

		if (url.searchParams.get('watch') === 'true' || url.searchParams.get('watch') === '1') {
			watches++;
		} else {
			lists++;
		}

		response.writeHead(200, {'content-type': 'application/json'});
		answer(url, response);
	});
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	const port = (server.address() as AddressInfo).port;
	const {clock, store, errors, watchers} = watchJobsOn(port, dir);
	try {
		await run({errors, store, clock, requests: () => ({lists, watches})});
	} finally {
		await watchers.stop();
		store.dispose();
		server.closeAllConnections();
		await new Promise(resolve => server.close(resolve));
	}
}

test('a server that hands back the same continue token for ever: the list stops with a clear error instead of looping', {timeout: 20_000}, async () => {
	await withServer((url, response) => {
		// Every page, whatever the token asked for, says there is more from the same place.
		response.end(JSON.stringify({kind: 'JobList', apiVersion: 'batch/v1', metadata: {resourceVersion: '10', continue: 'same-token'}, items: [job(`page-${url.searchParams.get('continue') ?? 'first'}`, '10')]}));
	}, async ({errors, store, requests}) => {
		await waitFor('the jobs watch to fail', () => store.getSnapshot().watch.jobs.phase === 'failed', {ms: 5000, step: () => store.flush()});
		const {lists} = requests();
		// The loop may not go on asking while the app clock stands still (its next try waits for the slowest backoff).
		await new Promise(resolve => setImmediate(resolve));
		await waitFor('no more list requests', () => requests().lists === lists, {ms: 200});
		assert.equal(requests().lists, 2);
		assert.deepEqual(errors, ['list jobs: the server sent the same continue token again after 2 pages; the list never ends']);
		const state = store.getSnapshot().watch.jobs;
		assert.equal(state.phase === 'failed' && state.error, errors[0]);
	});
});

test('one object nested 100,000 levels deep: skipped and named, in a list and on the watch; the rest of the list is stored', {timeout: 20_000}, async () => {
	await withServer((url, response) => {
		if (url.searchParams.has('watch')) {
			response.write(`{"type":"ADDED","object":${deep('deep-watched', '12')}}\n`);
			response.write(`${JSON.stringify({type: 'ADDED', object: job('after', '13')})}\n`);
			response.flushHeaders();
			return;
		}

		response.end(`{"kind":"JobList","apiVersion":"batch/v1","metadata":{"resourceVersion":"11"},"items":[${JSON.stringify(job('first', '10'))},${deep('deep-listed', '11')},${JSON.stringify(job('last', '11'))}]}`);
	}, async ({errors, store}) => {
		await waitFor('the list and the watch', () => store.getSnapshot().jobs.has('u-after'), {ms: 5000, step: () => store.flush()});
		store.flush();
		const snapshot = store.getSnapshot();
		assert.deepEqual([...snapshot.jobs.values()].map(object => object.metadata.name).sort(), ['after', 'first', 'last']);
		assert.deepEqual(snapshot.malformed, [
			{kind: 'job', name: 'default/deep-listed', reason: 'nested more than 100 levels deep'},
			{kind: 'job', name: 'default/deep-watched', reason: 'nested more than 100 levels deep'},
		]);
		assert.equal(snapshot.watch.jobs.phase, 'live');
		assert.deepEqual(errors, []);
	});
});
