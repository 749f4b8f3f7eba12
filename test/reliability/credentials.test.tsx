import assert from 'node:assert/strict';
import {writeFileSync} from 'node:fs';
import http from 'node:http';
import type {AddressInfo} from 'node:net';
import path from 'node:path';
import {after, test} from 'node:test';
import {noTerminalText} from '../../source/cli.js';
import {secureKubeconfig} from '../../source/simulator/api/auth.js';
import {startSimulator, type Simulator} from '../../source/simulator/index.js';
import {generateTls} from '../../source/simulator/tls/tls.js';
import type {WatchState} from '../../source/store/types.js';
import {appOn, type AppRig} from '../helpers/app-rig.js';
import {runCli} from '../helpers/cli-run.js';
import {connectionFrom, fakeClientKey, fakeToken, fakeWrongToken, secrets, tempDir, waitFor} from '../helpers/reliability.js';

const dir = tempDir('kjobs-creds-');
const captured: string[] = [];
const stackTrace = /\n\s+at .+:\d+:\d+/;

// What a case started and has not stopped yet. A failing assertion leaves its servers and apps running, and their
// sockets would keep this test process alive for good (the whole suite then hangs); the hook below stops them.
const running = new Set<() => Promise<unknown>>();

/** Registers `stop` to run at the end of the file unless the case runs the returned function (once) itself. */
function stopLater(stop: () => Promise<unknown>): () => Promise<void> {
	const once = async () => {
		if (running.delete(once)) {
			await stop();
		}
	};

	running.add(once);
	return once;
}

/** A simulator the end of the file stops if its case did not. */
async function simulator(options: Parameters<typeof startSimulator>[0]): Promise<Simulator> {
	const sim = await startSimulator(options);
	const stop = stopLater(() => sim.stop());
	// A proxy, not a copy: the simulator's url and port are getters.
	return new Proxy(sim, {get: (target, key) => (key === 'stop' ? stop : Reflect.get(target, key))});
}

after(async () => {
	await Promise.allSettled([...running].map(async stop => stop()));
	// Everything any case printed or drew: no secret, no stack trace.
	for (const secret of secrets) {
		assert.equal(captured.filter(text => text.includes(secret)).length, 0, `a secret leaked: ${secret.slice(0, 12)}…`);
	}

	assert.equal(captured.filter(text => stackTrace.test(text)).length, 0);
});

const config = (extra: {currentContext?: boolean; user?: string; cluster?: string} = {}) => [
	'apiVersion: v1',
	'kind: Config',
	'clusters: [{name: c, cluster: {server: "https://127.0.0.1:6443"}}]',
	`users: [{name: u, user: {token: ${fakeToken}}}, {name: k, user: {client-key-data: ${Buffer.from(fakeClientKey).toString('base64')}}}]`,
	`contexts: [{name: x, context: {cluster: ${extra.cluster ?? 'c'}, user: ${extra.user ?? 'u'}}}]`,
	...(extra.currentContext === false ? [] : ['current-context: x']),
	'',
].join('\n');

const file = (name: string, text: string) => {
	const target = path.join(dir, name);
	writeFileSync(target, text);
	return target;
};

const cliCases: Array<{name: string; args: () => string[]; stderr: (dir: string) => string}> = [
	{name: 'missing file', args: () => ['--kubeconfig', path.join(dir, 'nope.yaml')], stderr: d => `kjobs: cannot read kubeconfig ${d}/nope.yaml: no such file\n`},
	{name: 'no kubeconfig anywhere', args: () => [], stderr: d => `kjobs: no kubeconfig found: looked at KUBECONFIG (not set), ${d}/home/.kube/config, the in-cluster service account\nuse --kubeconfig FILE, or try \`kjobs --demo\` for a simulated cluster\n`},
	{name: 'YAML error', args: () => ['--kubeconfig', file('bad.yaml', `apiVersion: v1\nusers: [{name: u, user: {token: ${fakeToken}}}]\nclusters: [\n  - oops: : :\n`)], stderr: d => `kjobs: kubeconfig ${d}/bad.yaml is not valid: missed comma between flow collection entries (line 4)\n`},
	{name: 'no current context', args: () => ['--kubeconfig', file('nocurrent.yaml', config({currentContext: false}))], stderr: d => `kjobs: the kubeconfig (${d}/nocurrent.yaml) has no current context\nchoose one with --context (contexts: x)\n`},
	{name: 'unknown context', args: () => ['--kubeconfig', file('ctx.yaml', config()), '--context', 'prod'], stderr: d => `kjobs: context "prod" is not in the kubeconfig (${d}/ctx.yaml)\ncontexts: x\n`},
	{name: 'unknown user entry', args: () => ['--kubeconfig', file('user.yaml', config({user: 'ghost'}))], stderr: d => `kjobs: context "x" refers to user "ghost", which is not in the kubeconfig (${d}/user.yaml)\n`},
	{name: 'unknown cluster entry', args: () => ['--kubeconfig', file('cluster.yaml', config({cluster: 'nowhere'}))], stderr: d => `kjobs: context "x" refers to cluster "nowhere", which is not in the kubeconfig (${d}/cluster.yaml)\n`},
	{name: 'stdin is not a terminal', args: () => ['--kubeconfig', file('good.yaml', config())], stderr: () => noTerminalText},
];

test('configuration errors from the real CLI: exit 1 and the message naming the thing', {timeout: 120_000}, async () => {
	// Three at a time: each run loads the whole app through tsx, and the cores are shared.
	const results: Array<{item: (typeof cliCases)[number]; result: Awaited<ReturnType<typeof runCli>>}> = [];
	for (let index = 0; index < cliCases.length; index += 3) {
		results.push(...await Promise.all(cliCases.slice(index, index + 3).map(async item => ({item, result: await runCli(dir, item.args())}))));
	}

	for (const {item, result} of results) {
		captured.push(result.stdout, result.stderr);
		assert.deepEqual({case: item.name, code: result.code, stdout: result.stdout, stderr: result.stderr}, {case: item.name, code: 1, stdout: '', stderr: item.stderr(dir)});
	}
});

// Connection problems are not fatal: the screen says reconnecting (with when) and the watch state names the cause.

async function onScreen(yaml: string, until: (state: WatchState) => boolean, options: {scope?: {namespace?: string; allNamespaces?: boolean}; columns?: number; rows?: number} = {}): Promise<{app: AppRig; state: WatchState}> {
	const app = appOn(connectionFrom(dir, yaml, options.scope ?? {allNamespaces: true}), {columns: options.columns ?? 200, rows: options.rows ?? 12});
	const stop = stopLater(() => app.stop());
	app.stop = stop;
	try {
		await waitFor('the jobs watch state', () => until(app.session.store.getSnapshot().watch.jobs), {ms: 8000});
	} catch (error) {
		captured.push(...app.frames());
		await app.stop();
		throw error;
	}

	return {app, state: app.session.store.getSnapshot().watch.jobs};
}

async function finish(app: AppRig): Promise<void> {
	// q still quits while disconnected.
	app.press('q');
	await waitFor('the quit', () => app.quits() === 1);
	captured.push(...app.frames());
	await app.stop();
}

const reconnecting = (state: WatchState) => state.phase === 'reconnecting';
const headerRetry = /^0 jobs │ jobs reconnecting — next try in \ds · cronjobs reconnecting — next try in \ds · pods reconnecting — next try in \ds · events reconnecting — next try in \ds$/;

let secure: Simulator;
test('connection problems on screen: reconnecting with the next attempt, the cause named, q still quits', {timeout: 40_000}, async t => {
	secure = await simulator({scenario: 'demo', seed: 3, tls: true, token: fakeToken});
	const closed = http.createServer();
	await new Promise<void>(resolve => closed.listen(0, '127.0.0.1', resolve));
	const deadPort = (closed.address() as AddressInfo).port;
	await new Promise(resolve => closed.close(resolve));
	const withoutCa = secure.kubeconfig.replace(/\n\s*certificate-authority-data: .*/, '');
	const cases: Array<{name: string; yaml: string; error: string}> = [
		{name: 'unreachable server', yaml: secure.kubeconfig.replace(/server: .*/, `server: https://127.0.0.1:${deadPort}`), error: `cannot reach https://127.0.0.1:${deadPort}: connection refused`},
		{name: 'DNS failure', yaml: secure.kubeconfig.replace(/server: .*/, 'server: https://kjobs-nowhere.invalid:6443'), error: 'cannot reach https://kjobs-nowhere.invalid:6443: host not found'},
		{name: 'untrusted certificate (--tls without the CA)', yaml: withoutCa, error: `certificate not trusted (${secure.url}): UNABLE_TO_VERIFY_LEAF_SIGNATURE`},
		{name: 'wrong token', yaml: secureKubeconfig(secure.kubeconfig, {token: fakeWrongToken}), error: 'credentials rejected or expired (401 Unauthorized)'},
	];
	await Promise.all(cases.map(async item => t.test(item.name, async () => {
		const {app, state} = await onScreen(item.yaml, reconnecting);
		assert.equal(state.phase === 'reconnecting' ? state.error : '', item.error);
		await waitFor('the header', () => headerRetry.test(app.lines()[1] ?? ''));
		// The bottom line names the cause and the next attempt (cut with … where the terminal is narrower).
		const cause = `⚠ jobs, cronjobs, pods, events: ${item.error} — next try in `;
		await waitFor('the cause on screen', () => app.lines().some(line => line.length > 40 && cause.startsWith(line.replace(/…$/, '')) || line.startsWith(cause)));
		await finish(app);
	})));
	await secure.stop();
});

test('a token that stops being accepted (the server restarted with another): live, then 401 and reconnecting', {timeout: 20_000}, async () => {
	// TLS (with one CA for both servers): over plain http no token is sent at all.
	const tls = generateTls(Date.now());
	const sim = await simulator({scenario: 'demo', seed: 4, tls, token: fakeToken});
	const {app} = await onScreen(sim.kubeconfig, state => state.phase === 'live');
	const port = sim.port;
	await sim.stop();
	const rotated = await simulator({scenario: 'demo', seed: 4, port, tls, token: fakeWrongToken});
	try {
		await waitFor('401', () => {
			const state = app.session.store.getSnapshot().watch.jobs;
			return state.phase === 'reconnecting' && state.error === 'credentials rejected or expired (401 Unauthorized)';
		}, {ms: 8000});
		assert.match(app.lines()[1] ?? '', /^\d+ jobs .*│ jobs reconnecting — next try in \ds/);
		await finish(app);
	} finally {
		await rotated.stop();
	}
});

test('TLS with the generated CA and the right token: live, and every kind listed', {timeout: 20_000}, async () => {
	const sim = await simulator({scenario: 'demo', seed: 5, tls: true, token: fakeToken});
	const {app} = await onScreen(sim.kubeconfig, state => state.phase === 'live');
	await waitFor('every job', () => app.session.store.getSnapshot().jobs.size === sim.store.list('Job').length);
	assert.match(sim.url, /^https:\/\/127\.0\.0\.1:\d+$/);
	assert.equal(app.lines()[0], `kjobs ctx kjobs-sim · ns all · ${sim.url}`);
	await finish(app);
	await sim.stop();
});

test('403 on everything, a server without batch/v1, a missing namespace, a 20×5 terminal', {timeout: 30_000}, async () => {
	const sim = await simulator({scenario: 'demo', seed: 6});
	sim.setRbac([]);
	const forbidden = await onScreen(sim.kubeconfig, state => state.phase === 'forbidden');
	await waitFor('all forbidden', () => forbidden.app.lines()[1] === '0 jobs │ jobs forbidden · cronjobs forbidden · pods forbidden · events forbidden');
	assert.deepEqual(forbidden.state, {phase: 'forbidden', message: 'jobs.batch is forbidden: User "kjobs-sim" cannot list resource "jobs" in API group "batch" at the cluster scope'});
	await finish(forbidden.app);
	sim.setRbac(undefined);

	// Listing in a namespace that does not exist is an empty list, not an error: kjobs asks for the namespace itself.
	const missing = await onScreen(sim.kubeconfig, state => state.phase === 'live', {scope: {namespace: 'no-such-namespace'}});
	assert.equal(missing.app.lines()[0], `kjobs ctx kjobs-sim · ns no-such-namespace · ${sim.url}`);
	await waitFor('the namespace named as missing', () => missing.app.lines().includes('namespace "no-such-namespace" does not exist — :ns NAME switches, :ns all shows every namespace'));
	await finish(missing.app);
	// An existing namespace with no jobs says just that.
	const quiet = await onScreen(sim.kubeconfig, state => state.phase === 'live', {scope: {namespace: 'kube-public'}});
	await waitFor('an empty table', () => quiet.app.lines().includes('no jobs'));
	assert.equal(quiet.app.session.store.getSnapshot().missingNamespace, undefined);
	await finish(quiet.app);

	const tiny = await onScreen(sim.kubeconfig, state => state.phase === 'live', {columns: 20, rows: 5});
	assert.deepEqual(tiny.app.lines().slice(0, 1), ['Terminal too small:…']);
	await finish(tiny.app);
	await sim.stop();

	// Only the core group exists: every batch/v1 path is 404, as on a server with the group switched off.
	const bare = http.createServer((request, response) => {
		const batch = request.url?.startsWith('/apis/batch/') ?? false;
		response.writeHead(batch ? 404 : 200, {'content-type': 'application/json'});
		if (!batch && request.url?.includes('watch=')) {
			response.flushHeaders();
			return;
		}

		response.end(JSON.stringify(batch ? {kind: 'Status', apiVersion: 'v1', status: 'Failure', message: 'the server could not find the requested resource', reason: 'NotFound', code: 404} : {kind: 'List', apiVersion: 'v1', metadata: {resourceVersion: '1'}, items: []}));
	});
	await new Promise<void>(resolve => bare.listen(0, '127.0.0.1', resolve));
	const url = `http://127.0.0.1:${(bare.address() as AddressInfo).port}`;
	const noBatch = await onScreen(sim.kubeconfig.replace(/server: .*/, `server: ${url}`), state => state.phase === 'failed');
	assert.deepEqual(noBatch.state, {phase: 'failed', error: 'list jobs: 404 the server could not find the requested resource'});
	// The cron jobs' list fails on its own schedule, after the jobs' (seen failing under a loaded full run).
	await waitFor('cronjobs failed too', () => /^0 jobs │ jobs failed: list jobs: 404 the server could not find the requested resource · cronjobs failed/.test(noBatch.app.lines()[1] ?? ''));
	await finish(noBatch.app);
	bare.closeAllConnections();
	await new Promise(resolve => bare.close(resolve));
});
