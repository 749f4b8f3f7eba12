import assert from 'node:assert/strict';
import http from 'node:http';
import type {AddressInfo} from 'node:net';
import {test} from 'node:test';
import {setFlagsFromString} from 'node:v8';
import {runInNewContext} from 'node:vm';
import {startWatchers} from '../../../source/cluster/watch/watcher.js';
import type {KubeObject} from '../../../source/kube/types.js';
import {createManualClock} from '../../../source/store/clock.js';
import {createResourceStore} from '../../../source/store/resource-store.js';
import {connectionFrom, fakeToken, start, tempDir, waitFor} from '../../helpers/reliability.js';

// A full garbage collection from inside the test (node runs the tests without --expose-gc).
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const dir = tempDir('kjobs-watch-memory-');

const job = (index: number, rv: number) => ({
	apiVersion: 'batch/v1',
	kind: 'Job',
	metadata: {name: `job-${index}`, namespace: 'default', uid: `u-${index}`, resourceVersion: String(rv), creationTimestamp: '2026-11-23T09:00:00Z'},
	spec: {completions: 1, template: {spec: {containers: [{name: 'main', image: 'busybox'}], restartPolicy: 'Never'}}},
	status: {active: 1},
});

test('objects the watch has replaced are let go: the loop keeps no copy of its first list while it watches', {timeout: 20_000}, async () => {
	const count = 200;
	const server = http.createServer((request, response) => {
		const url = new URL(request.url ?? '/', 'http://x');
		response.writeHead(200, {'content-type': 'application/json'});
		if (url.searchParams.get('watch') === 'true' || url.searchParams.get('watch') === '1') {
			// Every job changes once, then the watch stays open: from now on the store holds only the new versions.
			for (let index = 0; index < count; index++) {
				response.write(`${JSON.stringify({type: 'MODIFIED', object: {...job(index, 1000 + index), status: {succeeded: 1}}})}\n`);
			}

			response.flushHeaders();
			return;
		}

		response.end(JSON.stringify({kind: 'JobList', apiVersion: 'batch/v1', metadata: {resourceVersion: '999'}, items: Array.from({length: count}, (_, index) => job(index, index + 1))}));
	});
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	const port = (server.address() as AddressInfo).port;
	const yaml = `clusters: [{name: c, cluster: {server: "http://127.0.0.1:${port}"}}]\nusers: [{name: u, user: {token: ${fakeToken}}}]\ncontexts: [{name: x, context: {cluster: c, user: u, namespace: default}}]\ncurrent-context: x\n`;
	const clock = createManualClock(start);
	const store = createResourceStore({clock});
	const firsts: Array<WeakRef<KubeObject>> = [];
	const recording = {
		...store,
		apply(event: Parameters<typeof store.apply>[0]) {
			if (event.type === 'list-page') {
				firsts.push(...event.objects.map(object => new WeakRef(object)));
			}

			store.apply(event);
		},
	};
	const watchers = startWatchers(connectionFrom(dir, yaml), recording, clock, {kinds: ['jobs']});
	try {
		await waitFor('every job replaced', () => {
			store.flush();
			const jobs = [...store.getSnapshot().jobs.values()];
			return jobs.length === count && jobs.every(object => Number(object.metadata.resourceVersion) >= 1000);
		}, {ms: 10_000});
		assert.equal(firsts.length, count);
		// WeakRefs hold their target until the current turn ends: let it end before collecting.
		await new Promise(resolve => setImmediate(resolve));
		gc();
		const alive = firsts.filter(ref => ref.deref() !== undefined).length;
		assert.equal(alive, 0, `${alive} of the ${count} first-listed objects are still held`);
	} finally {
		await watchers.stop();
		store.dispose();
		server.closeAllConnections();
		await new Promise(resolve => server.close(resolve));
	}
});
