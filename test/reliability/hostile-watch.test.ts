import assert from 'node:assert/strict';
import http from 'node:http';
import type {AddressInfo} from 'node:net';
import {test} from 'node:test';
import {tempDir, waitFor, watchJobsOn} from '../helpers/reliability.js';

const dir = tempDir('kjobs-hostile-');

const job = (name: string, uid: string, rv: string, extra: Record<string, unknown> = {}) => ({
	apiVersion: 'batch/v1',
	kind: 'Job',
	metadata: {name, namespace: 'default', uid, resourceVersion: rv, creationTimestamp: '2026-11-23T09:00:00Z'},
	spec: {completions: 1, template: {spec: {containers: [{name: 'main', image: 'busybox'}], restartPolicy: 'Never'}}},
	status: {},
	...extra,
});

const line = (value: unknown) => `${JSON.stringify(value)}\n`;

// Everything a broken proxy, a buggy server or a hostile one could put on a watch stream.
const hostile = [
	line({type: 'ADDED', object: job('unknown-fields', 'u-unknown', '11', {surprise: {deeply: [1, 2, {x: null}]}, status: {futureField: 'x', active: 1}}), extraTopLevel: true}),
	line({type: 'ADDED', object: {apiVersion: 'batch/v1', kind: 'Job'}}),
	line({type: 'ADDED', object: {apiVersion: 'batch/v1', kind: 'Job', metadata: null}}),
	line({type: 'ADDED', object: {apiVersion: 'batch/v1', kind: 'Job', metadata: {name: 'no-uid', namespace: 'default'}}}),
	line({type: 'ADDED', object: null}),
	line({type: 'ADDED'}),
	line({type: 'SURPRISE', object: job('odd-type', 'u-odd', '12')}),
	line([1, 2, 3]),
	line(null),
	line(42),
	line('a string'),
	line({type: 'ADDED', object: job('huge', 'u-huge', '13', {metadata: {name: 'huge', namespace: 'default', uid: 'u-huge', resourceVersion: '13', annotations: {blob: 'x'.repeat(3_000_000)}, labels: Object.fromEntries(Array.from({length: 5000}, (_, i) => [`k${i}`, `v${i}`]))}})}),
	line({type: 'MODIFIED', object: job('steady', 'u-steady', '20', {status: {succeeded: 1}})}),
	// Out of order: an older version after a newer one.
	line({type: 'MODIFIED', object: job('steady', 'u-steady', '15', {status: {failed: 1}})}),
	line({type: 'DELETED', object: job('never-seen', 'u-never', '21')}),
	line({type: 'DELETED', object: {kind: 'Job'}}),
	line({type: 'BOOKMARK', object: {kind: 'Job'}}),
	line({type: 'BOOKMARK'}),
	line({type: 'MODIFIED', object: job('steady', 'u-steady', 'not-a-number')}),
	'{"type":"ADDED","object":{"apiVersion":"batch/v1","kind":"Job","metadata":{"name":"trunc\n',
	'\u0000\u0001\u001B[2J garbage \uFFFD\n',
	line({type: 'ADDED', object: job('after-garbage', 'u-after', '22')}),
];

test('hostile watch events: no crash, the store stays sane and converges to what the server lists next', {timeout: 20_000}, async () => {
	let watches = 0;
	let lists = 0;
	const server = http.createServer((request, response) => {
		const url = new URL(request.url ?? '/', 'http://x');
		if (!url.pathname.endsWith('/jobs')) {
			response.writeHead(404, {'content-type': 'application/json'});
			response.end('{"kind":"Status","apiVersion":"v1","status":"Failure","reason":"NotFound","code":404}');
			return;
		}

		response.writeHead(200, {'content-type': 'application/json'});
		if (!['true', '1'].includes(url.searchParams.get('watch') ?? '')) {
			lists++;
			// Once every hostile line went out, the list is the final truth the store must end up with.
			const done = watches >= hostile.length;
			const items = done ? [job('steady', 'u-steady', '30'), job('final', 'u-final', '31')] : [job('steady', 'u-steady', '10')];
			response.end(JSON.stringify({kind: 'JobList', apiVersion: 'batch/v1', metadata: {resourceVersion: done ? '31' : '10'}, items}));
			return;
		}

		watches++;
		const text = hostile[watches - 1];
		if (text !== undefined) {
			// One hostile line per watch (a line that breaks the stream must not hide the next), then a 410.
			response.write(text);
			response.end(line({type: 'ERROR', object: {kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'Expired', code: 410, message: 'too old resource version'}}));
			return;
		}

		response.flushHeaders();
	});
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	const port = (server.address() as AddressInfo).port;
	const {clock, store, errors, watchers} = watchJobsOn(port, dir);
	const seen = new Set<string>();
	const unsubscribe = store.subscribe(() => {
		for (const object of store.getSnapshot().jobs.values()) {
			seen.add(`${object.metadata.uid ?? '?'}@${object.metadata.resourceVersion ?? '?'}`);
		}
	});
	try {
		await waitFor('the relist after the hostile stream', () => watches > hostile.length && store.getSnapshot().watch.jobs.phase === 'live' && store.getSnapshot().jobs.has('u-final'), {
			ms: 10_000,
			step: () => clock.advance(1000),
		});
		store.flush();
		const snapshot = store.getSnapshot();
		assert.deepEqual([...snapshot.jobs.values()].map(object => [object.metadata.uid, object.metadata.name, object.metadata.resourceVersion]).sort(), [
			['u-final', 'final', '31'],
			['u-steady', 'steady', '30'],
		]);
		// Never an object without identity, whatever the stream said.
		for (const entry of seen) {
			assert.doesNotMatch(entry, /^\?@/);
		}

		// Only the two lines that are not JSON broke their stream, each named for what it was.
		assert.deepEqual(errors, ['watch jobs: malformed event from the server (88 characters)', 'watch jobs: malformed event from the server (16 characters)']);
		console.log(`# hostile: ${hostile.length} lines over ${watches} watches and ${lists} lists; errors: ${errors.join(' | ')}`);
	} finally {
		unsubscribe();
		await watchers.stop();
		store.dispose();
		server.closeAllConnections();
		await new Promise(resolve => server.close(resolve));
	}
});
