/**
Shared helpers for the simulator's API tests: a manual-clock simulator, raw HTTP calls, watch readers and kubectl.
*/
import {execFile} from 'node:child_process';
import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {request} from 'node:http';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {ManualClock} from '../../source/simulator/clock.js';
import {type Simulator, type SimulatorOptions, startSimulator} from '../../source/simulator/index.js';
import type {Job, Pod} from '../../source/kube/types.js';
import {waitFor} from '../helpers/wait-for.js';

/** Simulated start time of every test cluster. */
export const start = Date.parse('2026-01-01T00:00:00Z');

/** A simulator on a free port with a manual clock. */
export async function startTestSimulator(options: SimulatorOptions = {}): Promise<Simulator & {manual: ManualClock}> {
	const manual = new ManualClock(start);
	const sim = await startSimulator({clock: manual, seed: 1, ...options});
	return Object.assign(sim, {manual});
}

/** A response from `call`. */
export type Reply = {status: number; headers: Record<string, string | string[] | undefined>; text: string; json: any};

/** One HTTP request to the simulator. */
export function call(sim: Simulator, method: string, path: string, body?: string | Buffer | object, headers: Record<string, string> = {}): Promise<Reply> {
	const payload = body === undefined ? undefined : (typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body));
	return new Promise((resolve, reject) => {
		const req = request(`${sim.url}${path}`, {method, headers: {...(payload === undefined ? {} : {'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(payload))}), ...headers}, timeout: 5000, agent: false}, res => {
			const chunks: Buffer[] = [];
			res.on('data', (c: Buffer) => chunks.push(c));
			res.on('end', () => {
				const text = Buffer.concat(chunks).toString('utf8');
				let json: unknown;
				try {
					json = JSON.parse(text);
				} catch {}

				resolve({status: res.statusCode ?? 0, headers: res.headers, text, json});
			});
		});
		req.on('error', reject);
		req.on('timeout', () => req.destroy(new Error(`timeout: ${method} ${path}`)));
		req.end(payload);
	});
}

/** An open streaming response (watch or followed log) that collects lines. */
export type Stream = {lines: string[]; status: Promise<number>; ended: Promise<void>; next(count: number): Promise<string[]>; close(): void};

/** Opens a streaming GET and collects its lines until it ends or `close()`. */
export function stream(sim: Simulator, path: string, headers: Record<string, string> = {}): Stream {
	const lines: string[] = [];
	let buffer = '';
	let resolveStatus!: (n: number) => void;
	let resolveEnded!: () => void;
	const status = new Promise<number>(r => {
		resolveStatus = r;
	});
	const ended = new Promise<void>(r => {
		resolveEnded = r;
	});
	const req = request(`${sim.url}${path}`, {headers, agent: false}, res => {
		resolveStatus(res.statusCode ?? 0);
		res.on('data', (c: Buffer) => {
			buffer += c.toString('utf8');
			const parts = buffer.split('\n');
			buffer = parts.pop() ?? '';
			lines.push(...parts);
		});
		res.on('end', () => {
			if (buffer) {
				lines.push(buffer);
			}

			resolveEnded();
		});
		res.on('error', () => resolveEnded());
	});
	req.on('error', () => {
		resolveStatus(0);
		resolveEnded();
	});
	req.end();
	let ended_ = false;
	void ended.then(() => {
		ended_ = true;
	});
	return {
		lines,
		status,
		ended,
		async next(count: number) {
			await waitFor(`${count} lines of ${path}`, () => lines.length >= count || ended_, {explain: () => `have ${lines.length}: ${lines.join(' | ')}`});
			return lines.slice(0, count);
		},
		close() {
			req.destroy();
		},
	};
}

/** Parsed watch event lines. */
export function events(lines: readonly string[]): Array<{type: string; object: any}> {
	return lines.filter(Boolean).map(line => JSON.parse(line) as {type: string; object: any});
}

/** A minimal Job manifest. */
export function jobManifest(name: string, extra: Partial<Job['spec']> = {}, labels?: Record<string, string>): Job {
	return {apiVersion: 'batch/v1', kind: 'Job', metadata: {name, ...(labels ? {labels} : {})}, spec: {template: {spec: {containers: [{name: 'main', image: 'busybox:1.36'}], restartPolicy: 'Never'}}, ...extra}};
}

/** Creates a Job through the API and returns its body. */
export async function createJob(sim: Simulator, name: string, namespace = 'default', extra: Partial<Job['spec']> = {}, labels?: Record<string, string>): Promise<Job> {
	const reply = await call(sim, 'POST', `/apis/batch/v1/namespaces/${namespace}/jobs`, jobManifest(name, extra, labels));
	if (reply.status !== 201) {
		throw new Error(`create failed: ${reply.text}`);
	}

	return reply.json as Job;
}

/** Puts a running (or otherwise shaped) pod straight into the store, as the kubelet would have left it. */
export function putPod(sim: Simulator, name: string, overrides: Partial<Pod> & {containers?: string[]} = {}, namespace = 'default'): Pod {
	const containers = overrides.containers ?? ['main'];
	const pod: Pod = {
		metadata: {name, namespace, labels: {app: 'demo'}, ...overrides.metadata},
		spec: {containers: containers.map(c => ({name: c, image: 'busybox'})), nodeName: 'sim-node-1', restartPolicy: 'Never', ...overrides.spec},
		status: overrides.status ?? {
			phase: 'Running',
			startTime: '2026-01-01T00:00:00Z',
			containerStatuses: containers.map(c => ({name: c, ready: true, restartCount: 0, image: 'busybox', state: {running: {startedAt: '2026-01-01T00:00:00Z'}}})),
		},
	};
	return sim.store.create('Pod', pod);
}

/** kubectl with an isolated HOME and cache; undefined when kubectl is not installed. */
export type Kubectl = (args: string[], input?: string) => Promise<{code: number; stdout: string; stderr: string}>;

/** Prepares a kubectl runner against the simulator (fresh HOME / cache dir). */
export async function kubectlFor(sim: Simulator): Promise<{kubectl: Kubectl; dir: string; cleanup: () => Promise<void>}> {
	const dir = await mkdtemp(join(tmpdir(), 'kjobs-kubectl-'));
	const kubeconfig = join(dir, 'kubeconfig');
	await writeFile(kubeconfig, sim.kubeconfig);
	const kubectl: Kubectl = (args, input) => new Promise(resolve => {
		const child = execFile('kubectl', ['--kubeconfig', kubeconfig, ...args], {
			env: {...process.env, HOME: dir, KUBECACHEDIR: join(dir, 'cache'), KUBECONFIG: kubeconfig},
			timeout: 20_000,
		}, (error, stdout, stderr) => {
			resolve({code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr});
		});
		if (input !== undefined) {
			child.stdin?.end(input);
		}
	});
	return {kubectl, dir, cleanup: () => rm(dir, {recursive: true, force: true})};
}

/** True when kubectl is on PATH. */
export function hasKubectl(): Promise<boolean> {
	return new Promise(resolve => {
		execFile('kubectl', ['version', '--client'], {timeout: 10_000}, error => {
			resolve(!error);
		});
	});
}
