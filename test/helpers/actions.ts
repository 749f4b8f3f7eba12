/**
Shared set-up for the action tests: a manual-clock simulator with a `batch` namespace, a KubeConfig for it and an
action context with seeded randomness on a manual app clock (a replace-rerun's polling waits for its advance).
*/
import {createServer, request} from 'node:http';
import type {AddressInfo} from 'node:net';
import {KubeConfig} from '@kubernetes/client-node';
import {type ActionContext, type ActionContextOptions, createActionContext} from '../../source/cluster/actions/context.js';
import {type MutationGate, openGate} from '../../source/cluster/actions/gate.js';
import type {CronJob, Job} from '../../source/kube/types.js';
import type {RbacRule, RecordedRequest} from '../../source/simulator/index.js';
import {waitFor} from './wait-for.js';
import {createManualClock, type ManualClock} from '../../source/store/clock.js';
import {call, createJob, jobManifest, startTestSimulator, start} from './simulator.js';

/** A started simulator plus what the actions need. */
export type ActionWorld = Awaited<ReturnType<typeof startTestSimulator>> & {kc: KubeConfig; context: ActionContext; appClock: ManualClock};

/** A repeatable random source (a tiny LCG) so generated names are known. */
export function seeded(seed = 7): () => number {
	let state = seed;
	return () => {
		state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
		return state / 2_147_483_648;
	};
}

/** Starts a simulator with namespace `batch`, and an action context on it. */
export async function actionWorld(gate: MutationGate = openGate, options: ActionContextOptions & {rbac?: RbacRule[]} = {}): Promise<ActionWorld> {
	const sim = await startTestSimulator({});
	await call(sim, 'POST', '/api/v1/namespaces', {metadata: {name: 'batch'}});
	if (options.rbac) {
		sim.setRbac(options.rbac);
	}

	const kc = new KubeConfig();
	kc.loadFromString(sim.kubeconfig);
	const appClock = createManualClock(start);
	const context = createActionContext(kc, gate, appClock, {random: seeded(), pollMs: 20, ...options});
	return Object.assign(sim, {kc, context, appClock});
}

/** A job with `pods` parallel pods in `batch`, its pods created by the simulated controller. */
export async function jobWithPods(world: ActionWorld, name: string, pods: number): Promise<Job> {
	await createJob(world, name, 'batch', {parallelism: pods, completions: pods});
	await world.advance(1000);
	return world.store.get<Job>('Job', 'batch', name) as Job;
}

/** A cron job in `batch` with template labels and annotations. */
export async function cronJob(world: ActionWorld, name: string, extra: Partial<CronJob['spec']> = {}): Promise<CronJob> {
	const reply = await call(world, 'POST', '/apis/batch/v1/namespaces/batch/cronjobs', {
		metadata: {name, labels: {owner: 'cron-label-not-copied'}},
		spec: {schedule: '0 2 * * *', jobTemplate: {metadata: {labels: {team: 'data'}, annotations: {'example.com/note': 'nightly'}}, spec: jobManifest('x', {backoffLimit: 2}).spec}, ...extra},
	});
	if (reply.status !== 201) {
		throw new Error(reply.text);
	}

	return reply.json as CronJob;
}

/** The requests recorded since `from`, without the reads, as "METHOD path?query contentType". */
export function writesSince(requests: readonly RecordedRequest[], from: number): string[] {
	return requests.slice(from)
		.filter(request => request.method !== 'GET')
		.map(request => `${request.method} ${request.path}${request.query ? `?${request.query}` : ''} ${request.contentType ?? '-'}`);
}

/** Pod names in `batch`, sorted. */
export function podNames(world: ActionWorld): string[] {
	return world.store.list('Pod', 'batch').map(pod => pod.metadata.name ?? '').sort();
}

/** A loopback proxy in front of the simulator that records each request's method, path, content type and body. */
export type RecordingProxy = {kc: KubeConfig; bodies: Array<{method: string; path: string; contentType?: string; body: string}>; close(): Promise<void>};

/** Starts a recording proxy for `world` (the simulator records requests but not their bodies). */
export async function recordingProxy(world: ActionWorld): Promise<RecordingProxy> {
	const bodies: RecordingProxy['bodies'] = [];
	const target = new URL(world.url);
	const server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const body = Buffer.concat(chunks);
			bodies.push({method: req.method ?? '', path: req.url ?? '', contentType: req.headers['content-type'], body: body.toString('utf8')});
			const upstream = request({host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers}, reply => {
				res.writeHead(reply.statusCode ?? 502, reply.headers);
				reply.pipe(res);
			});
			upstream.on('error', () => res.destroy());
			upstream.end(body);
		});
	});
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	const {port} = server.address() as AddressInfo;
	const kc = new KubeConfig();
	kc.loadFromString(world.kubeconfig.replace(world.url, `http://127.0.0.1:${port}`));
	return {kc, bodies, close: async () => new Promise<void>(resolve => {
		server.closeAllConnections();
		server.close(() => resolve());
	})};
}

/** Awaits `work`, moving `clock` on by `ms` at each look so the waits it makes on the clock end (bounded by waitFor). */
export async function stepping<T>(clock: ManualClock, work: Promise<T>, ms = 20): Promise<T> {
	let done = false;
	const result = work.finally(() => {
		done = true;
	});
	await waitFor('the action to finish', () => done, {
		step() {
			if (!done) {
				clock.advance(ms);
			}
		},
	});
	return result;
}
