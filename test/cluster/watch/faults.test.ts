import assert from 'node:assert/strict';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import http from 'node:http';
import type {AddressInfo} from 'node:net';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {after, test} from 'node:test';
import {loadConnection} from '../../../source/cluster/connection/kubeconfig.js';
import {createManualClock, createSystemClock} from '../../../source/store/clock.js';
import {startWatchers} from '../../../source/cluster/watch/watcher.js';
import {createResourceStore} from '../../../source/store/resource-store.js';
import type {WatchState} from '../../../source/store/types.js';
import {start, waitFor} from '../../helpers/cluster.js';

// A bare HTTP server that answers every request with whatever the test says: faults the simulator does not make.
const token = 'kjobs-test-token-123';
const dir = mkdtempSync(path.join(tmpdir(), 'kjobs-faults-'));
after(() => {
	rmSync(dir, {recursive: true, force: true});
});

type Answer = {status: number; headers?: Record<string, string>; body?: unknown; hold?: boolean};

async function faultServer(answer: (url: URL, authorization: string | undefined) => Answer) {
	const seen: string[] = [];
	const server = http.createServer((request, response) => {
		const url = new URL(request.url ?? '/', 'http://x');
		seen.push(request.headers.authorization ?? '');
		const {status, headers, body, hold} = answer(url, request.headers.authorization);
		response.writeHead(status, {'content-type': 'application/json', ...headers});
		if (hold) {
			// An open watch with nothing to say.
			response.flushHeaders();
			return;
		}

		response.end(body === undefined ? '' : JSON.stringify(body));
	});
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	const port = (server.address() as AddressInfo).port;
	return {
		port,
		seen,
		async close() {
			server.closeAllConnections();
			await new Promise(resolve => server.close(resolve));
		},
	};
}

function connection(port: number) {
	const file = path.join(dir, `config-${port}.yaml`);
	writeFileSync(
		file,
		[
			'apiVersion: v1',
			'kind: Config',
			'clusters: [{name: c, cluster: {server: "http://127.0.0.1:' + port + '"}}]',
			`users: [{name: u, user: {token: ${token}}}]`,
			'contexts: [{name: ctx, context: {cluster: c, user: u, namespace: ns}}]',
			'current-context: ctx',
		].join('\n'),
	);
	return loadConnection({kubeconfig: file, env: {}, homeDir: dir});
}

async function watchJobs(port: number) {
	const clock = createManualClock(start);
	const store = createResourceStore({clock});
	const watchers = startWatchers(connection(port), store, clock, {kinds: ['jobs'], backoff: {random: () => 1}});
	// Watch states reach the snapshot with the store's next notification, which waits on the manual clock: flush it.
	const state = () => {
		store.flush();
		return store.getSnapshot().watch.jobs;
	};
	return {clock, store, watchers, state};
}

const status = (code: number, message: string) => ({kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', code, message});

function assertNoToken(state: WatchState) {
	assert.ok(!JSON.stringify(state).includes(token), `credential leaked in ${JSON.stringify(state)}`);
}

test('401: "credentials rejected or expired", retried with backoff (the token is never shown)', {timeout: 10_000}, async () => {
	const server = await faultServer(() => ({status: 401, body: status(401, 'Unauthorized')}));
	const w = await watchJobs(server.port);
	try {
		await waitFor('401 reported', () => w.state().phase === 'reconnecting');
		assert.deepEqual(w.state(), {phase: 'reconnecting', nextAttemptAt: start + 1000, attempt: 1, error: 'credentials rejected or expired (401 Unauthorized)'});
		// Plain http: like kubectl, kjobs sends no token there (test/reliability/token-origin.test.ts).
		assert.equal(server.seen[0], '');
		w.clock.advance(1000);
		await waitFor('second attempt', () => w.state().phase === 'reconnecting' && (w.state() as {attempt: number}).attempt === 2);
		assert.deepEqual(w.state(), {phase: 'reconnecting', nextAttemptAt: start + 1000 + 2000, attempt: 2, error: 'credentials rejected or expired (401 Unauthorized)'});
		assertNoToken(w.state());
	} finally {
		await w.watchers.stop();
		await server.close();
	}
});

test('429 with Retry-After waits exactly that long; a 500 backs off; then a list makes it live', {timeout: 10_000}, async () => {
	let mode: 'busy' | 'broken' | 'ok' = 'busy';
	const server = await faultServer(url => {
		if (mode === 'busy') {
			return {status: 429, headers: {'retry-after': '7'}, body: status(429, 'too many requests')};
		}

		if (mode === 'broken') {
			return {status: 500, body: status(500, 'etcd is sad')};
		}

		if (url.searchParams.get('watch')) {
			return {status: 200, hold: true};
		}

		return {status: 200, body: {kind: 'JobList', apiVersion: 'batch/v1', metadata: {resourceVersion: '5'}, items: [{metadata: {name: 'j', namespace: 'ns', uid: 'u1', resourceVersion: '5'}, spec: {template: {spec: {containers: [{name: 'main', image: 'busybox'}]}}}}]}};
	});
	const w = await watchJobs(server.port);
	try {
		await waitFor('429 reported', () => w.state().phase === 'reconnecting');
		assert.deepEqual(w.state(), {phase: 'reconnecting', nextAttemptAt: start + 7000, attempt: 1, error: 'list jobs: 429 too many requests'});
		mode = 'broken';
		w.clock.advance(6999);
		w.clock.advance(1);
		await waitFor('500 reported', () => (w.state() as {attempt?: number}).attempt === 2);
		// The second answer is the barrier: a retry a millisecond early would have been the second request, its 500
		// would set the next attempt from 6999, and a third request would have followed.
		assert.deepEqual(w.state(), {phase: 'reconnecting', nextAttemptAt: start + 7000 + 2000, attempt: 2, error: 'list jobs: 500 etcd is sad'});
		assert.equal(server.seen.length, 2);
		mode = 'ok';
		w.clock.advance(2000);
		await waitFor('live', () => w.state().phase === 'live');
		assert.equal(w.store.getSnapshot().jobs.get('u1')?.metadata.name, 'j');
	} finally {
		await w.watchers.stop();
		await server.close();
	}
});

test('an unreachable server: the URL and the error, retried with growing delays', {timeout: 10_000}, async () => {
	const server = await faultServer(() => ({status: 200}));
	const {port} = server;
	await server.close();
	const w = await watchJobs(port);
	try {
		await waitFor('refused', () => w.state().phase === 'reconnecting');
		assert.deepEqual(w.state(), {phase: 'reconnecting', nextAttemptAt: start + 1000, attempt: 1, error: `cannot reach http://127.0.0.1:${port}: connection refused`});
		w.clock.advance(1000);
		await waitFor('attempt 2', () => (w.state() as {attempt?: number}).attempt === 2);
		w.clock.advance(2000);
		await waitFor('attempt 3', () => (w.state() as {attempt?: number}).attempt === 3);
		assert.deepEqual(w.state(), {phase: 'reconnecting', nextAttemptAt: start + 3000 + 4000, attempt: 3, error: `cannot reach http://127.0.0.1:${port}: connection refused`});
	} finally {
		await w.watchers.stop();
	}
});

test('a server that stays down is tried again at least every 4 s: a restarted API server is seen within seconds', {timeout: 10_000}, async () => {
	const server = await faultServer(() => ({status: 200}));
	const {port} = server;
	await server.close();
	const w = await watchJobs(port);
	try {
		await waitFor('refused', () => w.state().phase === 'reconnecting');
		let at = start;
		for (const [attempt, delay] of [[1, 1000], [2, 2000], [3, 4000], [4, 4000], [5, 4000], [6, 4000]] as const) {
			await waitFor(`attempt ${attempt}`, () => (w.state() as {attempt?: number}).attempt === attempt);
			assert.equal((w.state() as {nextAttemptAt?: number}).nextAttemptAt, at + delay, `attempt ${attempt}`);
			at += delay;
			w.clock.advance(delay);
		}
	} finally {
		await w.watchers.stop();
	}
});

test('a server that ends every watch at once, empty, is not hammered: the loop backs off', {timeout: 10_000}, async () => {
	const server = await faultServer(url =>
		url.searchParams.get('watch') ? {status: 200} : {status: 200, body: {kind: 'JobList', metadata: {resourceVersion: '3'}, items: []}},
	);
	const w = await watchJobs(server.port);
	try {
		await waitFor('backing off', () => w.state().phase === 'reconnecting');
		assert.deepEqual(w.state(), {phase: 'reconnecting', nextAttemptAt: start + 1000, attempt: 1, error: 'watch jobs: the server closed the watch at once'});
		// The retry the scheduler releases is the barrier: a loop that hammered would have sent more requests before it.
		w.clock.advance(1000);
		await waitFor('the retry after the wait', () => (w.state() as {attempt?: number}).attempt === 2);
		assert.equal(server.seen.length, 3, 'one list and one watch, a wait, then one more watch');
	} finally {
		await w.watchers.stop();
		await server.close();
	}
});

test('a failing exec credential plugin is reported as a credentials problem and retried', {timeout: 10_000}, async () => {
	const file = path.join(dir, 'exec.yaml');
	writeFileSync(
		file,
		[
			// https: over plain http no plugin runs at all.
			'clusters: [{name: c, cluster: {server: "https://127.0.0.1:9"}}]',
			'users: [{name: u, user: {exec: {apiVersion: client.authentication.k8s.io/v1, command: kjobs-no-such-plugin, interactiveMode: Never}}}]',
			'contexts: [{name: ctx, context: {cluster: c, user: u}}]',
			'current-context: ctx',
		].join('\n'),
	);
	const clock = createManualClock(start);
	const store = createResourceStore({clock});
	const watchers = startWatchers(loadConnection({kubeconfig: file, env: {}, homeDir: dir}), store, clock, {kinds: ['jobs'], backoff: {random: () => 1}});
	try {
		await waitFor('the plugin failure', () => store.getSnapshot().watch.jobs.phase === 'reconnecting', {step: () => store.flush()});
		assert.deepEqual(store.getSnapshot().watch.jobs, {phase: 'reconnecting', nextAttemptAt: start + 1000, attempt: 1, error: 'cannot get credentials for https://127.0.0.1:9: exec plugin kjobs-no-such-plugin: no such file'});
	} finally {
		await watchers.stop();
	}
});

test('a huge Retry-After (beyond setTimeout\'s 24.8 days) waits the longest kjobs waits, not 1 ms', {timeout: 10_000}, async () => {
	const server = await faultServer(() => ({status: 429, headers: {'retry-after': '99999999999'}, body: status(429, 'too many requests')}));
	const w = await watchJobs(server.port);
	try {
		await waitFor('429 reported', () => w.state().phase === 'reconnecting');
		assert.deepEqual(w.state(), {phase: 'reconnecting', nextAttemptAt: start + 300_000, attempt: 1, error: 'list jobs: 429 too many requests'});
	} finally {
		await w.watchers.stop();
		await server.close();
	}
});

test('the system clock clamps a delay setTimeout cannot hold instead of firing at once', async () => {
	const warnings: string[] = [];
	const onWarning = (warning: Error) => warnings.push(warning.name);
	process.on('warning', onWarning);
	let fired = 0;
	const clock = createSystemClock();
	const cancel = clock.setTimer(() => fired++, 2 ** 31 + 5);
	await new Promise(resolve => setTimeout(resolve, 50));
	cancel();
	process.off('warning', onWarning);
	assert.deepEqual({fired, warnings}, {fired: 0, warnings: []});
});
