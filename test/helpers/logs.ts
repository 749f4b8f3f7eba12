/**
Helpers for the log tests: a simulated cluster with a manual clock, a live ResourceStore fed by listing the cluster
over HTTP, a manual app clock for the log sessions' reconnect and settle waits (stepped while waiting, never slept on),
and direct control of pods and their container output (the simulated controllers are not needed).
*/
import {after} from 'node:test';
import {KubeConfig} from '@kubernetes/client-node';
import type {ContainerStatus, Job, Pod} from '../../source/kube/types.js';
import {createManualClock} from '../../source/store/clock.js';
import {createResourceStore} from '../../source/store/resource-store.js';
import type {LiveResourceStore} from '../../source/store/types.js';
import type {LogBuffer, LogEntry} from '../../source/store/log-buffer.js';
import {call, start, startTestSimulator} from './simulator.js';
import {waitFor} from '../helpers/wait-for.js';

export {start} from './simulator.js';

/** A cluster, a store that mirrors it, and a client-node KubeConfig pointing at it. */
export type LogWorld = Awaited<ReturnType<typeof startLogWorld>>;

/** Starts the simulator and a store; `sync()` relists jobs and pods into the store and notifies at once. */
export async function startLogWorld() {
	const sim = await startTestSimulator();
	// The app clock of the store, the buffers and the log sessions; until() steps it.
	const clock = createManualClock(sim.clock.now());
	const store: LiveResourceStore = createResourceStore({clock, notifyIntervalMs: 0});
	const kc = new KubeConfig();
	kc.loadFromString(sim.kubeconfig);
	const sync = async () => {
		for (const [kind, path] of [['jobs', '/apis/batch/v1/jobs'], ['pods', '/api/v1/pods']] as const) {
			const reply = await call(sim, 'GET', path);
			store.apply({type: 'relist', kind, objects: reply.json.items});
		}

		store.flush();
	};

	return {sim, store, kc, sync, clock};
}

/**
A job the simulated controllers do not know: only its pods exist (labelled with its uid), so the test alone decides
what they print and when they end.
*/
export function createJob(world: LogWorld, name: string): Job {
	return {apiVersion: 'batch/v1', kind: 'Job', metadata: {name, namespace: 'default', uid: world.sim.store.newUid()}, spec: {template: {spec: {containers: [{name: 'main'}]}}}} as unknown as Job;
}

/** Creates a real job through the API; the simulated job controller and kubelet run it. */
export async function submitJob(world: LogWorld, name: string, backoffLimit: number, annotations: Record<string, string>): Promise<Job> {
	const reply = await call(world.sim, 'POST', '/apis/batch/v1/namespaces/default/jobs', {
		apiVersion: 'batch/v1',
		kind: 'Job',
		metadata: {name},
		spec: {backoffLimit, template: {metadata: {annotations}, spec: {restartPolicy: 'Never', containers: [{name: 'main', image: 'busybox'}]}}},
	});
	if (reply.status !== 201) {
		throw new Error(`job not created: ${reply.text}`);
	}

	return reply.json as Job;
}

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Creates a running pod of a job, created and started now (containers `main` unless given). */
export function createJobPod(world: LogWorld, job: Job, name: string, options: {containers?: string[]; restartPolicy?: string; index?: number} = {}): Pod {
	const now = world.sim.clock.now();
	const containers = options.containers ?? ['main'];
	const uid = job.metadata.uid!;
	return world.sim.store.create<Pod>('Pod', {
		apiVersion: 'v1',
		kind: 'Pod',
		metadata: {
			name,
			namespace: 'default',
			creationTimestamp: iso(now),
			labels: {'batch.kubernetes.io/controller-uid': uid, 'batch.kubernetes.io/job-name': job.metadata.name!},
			// The simulated kubelet keeps it running (for a day) and prints nothing: the test scripts its output.
			annotations: {'sim.kjobs.io/run-seconds': '86400', ...(options.index === undefined ? {} : {'batch.kubernetes.io/job-completion-index': String(options.index)})},
			// No ownerReference: the job is not stored, and the garbage collector would delete the orphan.
		},
		spec: {nodeName: 'sim-node-1', restartPolicy: options.restartPolicy ?? 'Never', containers: containers.map(c => ({name: c, image: 'busybox'}))},
		status: {
			phase: 'Running',
			startTime: iso(now),
			containerStatuses: containers.map(c => ({name: c, ready: true, restartCount: 0, state: {running: {startedAt: iso(now)}}})),
		},
	});
}

/** Appends a line to a container instance at the current simulated time. */
export function print(world: LogWorld, pod: Pod, text: string | Buffer, container = 'main', restart = 0): void {
	world.sim.logs.append(pod.metadata.uid!, container, restart, {time: world.sim.clock.now(), data: Buffer.isBuffer(text) ? text : Buffer.from(text)});
}

function setStatus(world: LogWorld, pod: Pod, change: (status: ContainerStatus) => ContainerStatus, phase?: string): Pod {
	const current = world.sim.store.get<Pod>('Pod', 'default', pod.metadata.name!)!;
	const next = structuredClone(current);
	next.status!.containerStatuses = next.status!.containerStatuses!.map(change);
	if (phase) {
		next.status!.phase = phase;
	}

	return world.sim.store.update('Pod', next);
}

/** Ends every container of a pod with an exit code; the pod's phase becomes Failed or Succeeded. */
export function finishPod(world: LogWorld, pod: Pod, exitCode: number): Pod {
	const at = iso(world.sim.clock.now());
	for (const c of pod.spec.containers ?? []) {
		world.sim.logs.end(pod.metadata.uid!, c.name, currentRestart(world, pod, c.name));
	}

	return setStatus(world, pod, status => ({...status, ready: false, state: {terminated: {exitCode, reason: exitCode === 0 ? 'Completed' : 'Error', finishedAt: at}}}), exitCode === 0 ? 'Succeeded' : 'Failed');
}

/** The current restart count of a container. */
export function currentRestart(world: LogWorld, pod: Pod, container = 'main'): number {
	const current = world.sim.store.get<Pod>('Pod', 'default', pod.metadata.name!)!;
	return current.status?.containerStatuses?.find(s => s.name === container)?.restartCount ?? 0;
}

/** The kubelet restarting a failed container in place (restartPolicy OnFailure). */
export function restartContainer(world: LogWorld, pod: Pod, container = 'main'): Pod {
	const at = iso(world.sim.clock.now());
	const restart = currentRestart(world, pod, container);
	world.sim.logs.end(pod.metadata.uid!, container, restart);
	return setStatus(world, pod, status => (status.name === container ? {...status, restartCount: restart + 1, lastState: {terminated: {exitCode: 1, reason: 'Error', finishedAt: at}}, state: {running: {startedAt: at}}} : status));
}

/**
Waits until `predicate` holds, flushing the buffer; fails after `ms` of real time. Before each look it steps the world's
app clock by `stepMs`, so a session's reconnect backoff or settle time passes in a few looks instead of being slept
through (waitFor's pauses let loopback I/O run).
*/
export async function until(world: LogWorld, buffer: LogBuffer, predicate: () => boolean, ms = 3000, stepMs = 50): Promise<void> {
	await waitFor('log entries', predicate, {ms, step: () => world.clock.advance(stepMs), explain: () => `have ${JSON.stringify(describe(buffer.getSnapshot().entries))}, ${buffer.getSnapshot().activity.errors.join('; ')}`});
	buffer.flush();
}

/** What followJobLogs takes for an object: its uid, name and namespace (default when it has none). */
export function logSubject(object: {metadata: {uid?: string; name?: string; namespace?: string}}): {uid: string; name: string; namespace: string} {
	return {uid: object.metadata.uid!, name: object.metadata.name!, namespace: object.metadata.namespace ?? 'default'};
}

/**
Moves the simulated cluster and the app clock on a second at a time, up to a minute, until the buffer holds `lines`
lines: a retrying job's next attempts come 10 s and 20 s after each failure. The short pause after each second only
paces the loop so that second's lines can cross the loopback sockets; the bounded wait at the end is what asserts.
*/
export async function advanceUntilLines(world: LogWorld, buffer: LogBuffer, lines: number): Promise<void> {
	for (let second = 0; second < 60 && texts(buffer).length < lines; second++) {
		await world.sim.advance(1000);
		world.clock.advance(1000);
		await world.sync();
		await new Promise(resolve => setTimeout(resolve, 5));
	}

	await until(world, buffer, () => texts(buffer).length === lines);
}

/** Entries as compact strings: `#1 hello`, `── attempt 2`, `!! pod deleted`. */
export function describe(entries: readonly LogEntry[]): string[] {
	return entries.map(entry => {
		if (entry.kind === 'line') {
			return `${entry.tag ? `${entry.tag} ` : ''}${entry.text}`;
		}

		return entry.kind === 'separator' ? `── ${entry.label} · ${entry.podName}` : `!! ${entry.tag ? `${entry.tag} ` : ''}${entry.text}`;
	});
}

/** Lines only, as text. */
export function texts(buffer: LogBuffer): string[] {
	return buffer.getSnapshot().entries.flatMap(entry => (entry.kind === 'line' ? [entry.text] : []));
}

/** A fast backoff for tests: reconnect after 10 ms. */
export const quickBackoff = () => 10;

/** The simulated start time, for exact timestamps. */
export const t0 = start;

/** The log world of one test file: started as the file loads, stopped after its last test. */
export async function fileLogWorld(): Promise<LogWorld> {
	const world = await startLogWorld();
	after(async () => {
		world.store.dispose();
		await world.sim.stop();
	});
	return world;
}
