/**
A kubelet (and scheduler) for the real control plane, as an API client: registers one Node, binds every pending pod
to it, walks each pod through ContainerCreating → Running → exit with the run time, exit code and output its
`sim.kjobs.io/*` annotations ask for, stops the containers of deleted pods and finishes their graceful deletion, and
serves /containerLogs over HTTPS for `kubectl logs` and kjobs' log pane (follow, timestamps, tailLines, sinceTime).

The pod-status transitions are the simulator's own (source/simulator/controllers/kubelet/kubelet-steps.ts), applied
to pods read from the API server and written back with PATCH pods/<name>/status; the simulator's scheduler and
kubelet write its in-memory store directly instead.

Polls the pod list every `intervalMs` rather than watching: on a cluster this small a list is cheap and it keeps the
loop free of resume logic.
*/
import https from 'node:https';
import type {AddressInfo} from 'node:net';
import type {Pod} from '../../source/kube/types.js';
import type {EventRecorder, EventSource, EventSubject} from '../../source/simulator/controllers/events.js';
import {lineOffset} from '../../source/simulator/controllers/job/pod-plan.js';
import {accept, containerCreatingMs, currentPlan, exit, kill, start, type PodRuntime} from '../../source/simulator/controllers/kubelet/kubelet-steps.js';
import {setPodCondition} from '../../source/simulator/controllers/kubelet/pod-status.js';
import {rfc3339, wholeSecond} from '../../source/simulator/controllers/objects.js';
import type {ControllerRuntime} from '../../source/simulator/controllers/runtime.js';
import {signServingCert, type ControlPlane} from './control-plane.js';

export type FakeKubelet = {
	readonly nodeName: string;
	readonly port: number;
	/** Failures of API calls the loop made (kept going past them). */
	readonly errors: readonly string[];
	stop(): Promise<void>;
};

const mergePatch = 'application/merge-patch+json';

/** Registers node `nodeName` and starts the loop. */
export async function startFakeKubelet(plane: ControlPlane, options: {nodeName?: string; intervalMs?: number} = {}): Promise<FakeKubelet> {
	const nodeName = options.nodeName ?? 'conformance-node-1';
	const intervalMs = options.intervalMs ?? 200;
	const errors: string[] = [];
	const records = new Map<string, PodRuntime>();
	const byName = new Map<string, Pod>();
	const note = (what: string, status: number, body: unknown) => {
		if (errors.length < 100) {
			errors.push(`${what}: ${status} ${typeof body === 'object' && body ? (body as {message?: string}).message ?? '' : String(body).slice(0, 200)}`);
		}
	};

	// kubelet-steps.ts records kubelet events through this: post them as core/v1 Events.
	const events = {
		record(now: number, subject: EventSubject, type: 'Normal' | 'Warning', reason: string, message: string, source: EventSource) {
			const {object} = subject;
			const namespace = object.metadata.namespace ?? 'default';
			void plane.request('POST', `/api/v1/namespaces/${namespace}/events`, {
				metadata: {generateName: `${object.metadata.name}.`, namespace},
				involvedObject: {kind: subject.kind, apiVersion: subject.apiVersion, name: object.metadata.name, namespace, uid: object.metadata.uid, ...(subject.fieldPath ? {fieldPath: subject.fieldPath} : {})},
				reason, message, type, count: 1,
				firstTimestamp: rfc3339(now), lastTimestamp: rfc3339(now),
				source: {component: source.component, ...(source.host ? {host: source.host} : {})},
				reportingComponent: source.component, reportingInstance: source.host ?? '',
			}).catch(() => {});
		},
	} as unknown as EventRecorder;
	const runtime = {random: Math.random, events, attempts: new Map<string, number>(), nodes: [nodeName]} as unknown as ControllerRuntime;

	// The container's scripted lines with their due times (epoch ms), for the pod as last listed.
	const dueLines = (namespace: string, name: string, container: string) => {
		const pod = byName.get(`${namespace}/${name}`);
		const status = pod?.status?.containerStatuses?.find(each => each.name === container);
		const startedAt = Date.parse(status?.state?.running?.startedAt ?? status?.state?.terminated?.startedAt ?? '');
		const plan = pod && records.get(pod.metadata.uid ?? '')?.plan;
		if (!pod || Number.isNaN(startedAt) || !plan) {
			return {pod, status, lines: undefined};
		}

		const lines = plan.lines.map((line, i) => ({time: startedAt + lineOffset(i, plan.lines.length, plan.runMs), text: line.toString('utf8')}));
		return {pod, status, lines, ended: Boolean(status?.state?.terminated) || !byName.has(`${namespace}/${name}`)};
	};

	// Go's RFC3339Nano: fractional seconds without trailing zeros.
	const stamp = (ms: number) => new Date(ms).toISOString().replace(/\.?0*Z$/, 'Z');

	// The kubelet's HTTPS endpoint: the API server dials it for pods/log (it does not verify the certificate).
	// Honours follow, timestamps, tailLines, sinceTime and sinceSeconds; not limitBytes or previous.
	const tls = await signServingCert(plane, 'fake-kubelet');
	const server = https.createServer({cert: tls.cert, key: tls.key}, (request, response) => {
		const url = new URL(request.url ?? '/', 'https://127.0.0.1');
		const match = /^\/containerLogs\/([^/]+)\/([^/]+)\/([^/]+)$/.exec(url.pathname);
		if (!match) {
			response.writeHead(404).end('not found');
			return;
		}

		const [, namespace = '', name = '', container = ''] = match;
		const first = dueLines(namespace, name, container);
		if (!first.pod) {
			response.writeHead(404).end(`pod ${namespace}/${name} not found`);
			return;
		}

		if (!first.lines) {
			response.writeHead(400, {'content-type': 'text/plain'}).end(`container "${container}" in pod "${name}" is waiting to start: ${first.status?.state?.waiting?.reason ?? 'ContainerCreating'}`);
			return;
		}

		const query = url.searchParams;
		const follow = query.get('follow') === 'true';
		const timestamps = query.get('timestamps') === 'true';
		const sinceTime = query.get('sinceTime') ? Date.parse(query.get('sinceTime')!) : query.get('sinceSeconds') ? Date.now() - (Number(query.get('sinceSeconds')) * 1000) : Number.NEGATIVE_INFINITY;
		const tail = query.get('tailLines') === null ? undefined : Number(query.get('tailLines'));
		let written = 0;
		const write = (lines: Array<{time: number; text: string}>) => {
			for (const line of lines) {
				response.write(`${timestamps ? `${stamp(line.time)} ` : ''}${line.text}\n`);
			}
		};

		response.writeHead(200, {'content-type': 'text/plain'});
		const now = Date.now();
		let initial = first.lines.filter(line => line.time <= now && line.time >= sinceTime);
		written = first.lines.filter(line => line.time <= now).length;
		if (tail !== undefined) {
			initial = tail > 0 ? initial.slice(-tail) : [];
		}

		write(initial);
		if (!follow || first.ended) {
			response.end();
			return;
		}

		const timer = setInterval(() => {
			const next = dueLines(namespace, name, container);
			const current = Date.now();
			const due = (next.lines ?? []).filter(line => line.time <= current);
			write(due.slice(written).filter(line => line.time >= sinceTime));
			written = due.length;
			if (!next.lines || next.ended) {
				clearInterval(timer);
				response.end();
			}
		}, 200);
		response.on('close', () => clearInterval(timer));
	});
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	const {port} = server.address() as AddressInfo;

	const created = await plane.request('POST', '/api/v1/nodes', {
		metadata: {name: nodeName, labels: {'kubernetes.io/hostname': nodeName, 'kubernetes.io/os': 'linux', 'kubernetes.io/arch': 'amd64'}},
	});
	if (created.status !== 201) {
		throw new Error(`registering node ${nodeName}: ${created.status} ${JSON.stringify(created.body)}`);
	}

	const heartbeat = rfc3339(Date.now());
	const nodeStatus = await plane.request('PATCH', `/api/v1/nodes/${nodeName}/status`, {
		status: {
			addresses: [{type: 'InternalIP', address: '127.0.0.1'}, {type: 'Hostname', address: nodeName}],
			daemonEndpoints: {kubeletEndpoint: {Port: port}},
			capacity: {cpu: '1000', memory: '1Ti', pods: '1000'},
			allocatable: {cpu: '1000', memory: '1Ti', pods: '1000'},
			conditions: [{type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kjobs conformance fake kubelet is ready', lastHeartbeatTime: heartbeat, lastTransitionTime: heartbeat}],
			nodeInfo: {kubeletVersion: 'kjobs-fake-kubelet', operatingSystem: 'linux', architecture: 'amd64', containerRuntimeVersion: 'fake://0', kernelVersion: '', osImage: 'kjobs conformance', kubeProxyVersion: '', machineID: '', systemUUID: '', bootID: ''},
		},
	}, mergePatch);
	if (nodeStatus.status !== 200) {
		throw new Error(`node status: ${nodeStatus.status} ${JSON.stringify(nodeStatus.body)}`);
	}

	const patchStatus = async (pod: Pod, next: Pod) => {
		const reply = await plane.request('PATCH', `/api/v1/namespaces/${pod.metadata.namespace}/pods/${pod.metadata.name}/status`, {
			metadata: {uid: pod.metadata.uid},
			status: next.status,
		}, mergePatch);
		if (reply.status !== 200) {
			note(`PATCH ${pod.metadata.name}/status`, reply.status, reply.body);
			return undefined;
		}

		return reply.body as Pod;
	};

	// The final DELETE with grace 0 and a uid precondition, once the containers are stopped.
	const finalDelete = async (pod: Pod) => {
		const reply = await plane.request('DELETE', `/api/v1/namespaces/${pod.metadata.namespace}/pods/${pod.metadata.name}`, {
			kind: 'DeleteOptions', apiVersion: 'v1', gracePeriodSeconds: 0, preconditions: {uid: pod.metadata.uid},
		});
		if (reply.status !== 200 && reply.status !== 404 && reply.status !== 409) {
			note(`DELETE ${pod.metadata.name}`, reply.status, reply.body);
		}
	};

	const sync = async (initial: Pod, now: number) => {
		let pod = initial;
		const uid = pod.metadata.uid ?? '';
		const phase = pod.status?.phase;
		const terminal = phase === 'Succeeded' || phase === 'Failed';
		if (pod.metadata.deletionTimestamp) {
			if (!terminal && pod.spec.nodeName === nodeName) {
				const killed = await patchStatus(pod, kill(runtime, pod, wholeSecond(now)));
				pod = killed ?? pod;
			}

			if ((pod.metadata.deletionGracePeriodSeconds ?? 0) > 0) {
				await finalDelete(pod);
			}

			return;
		}

		if (terminal) {
			return;
		}

		if (!pod.spec.nodeName) {
			const bound = await plane.request('POST', `/api/v1/namespaces/${pod.metadata.namespace}/pods/${pod.metadata.name}/binding`, {
				apiVersion: 'v1', kind: 'Binding', metadata: {name: pod.metadata.name, uid},
				target: {apiVersion: 'v1', kind: 'Node', name: nodeName},
			});
			// A namespace being deleted refuses the binding (NamespaceLifecycle), as it would a real scheduler's: not an error.
			if (bound.status !== 201 && !JSON.stringify(bound.body).includes('being terminated')) {
				note(`bind ${pod.metadata.name}`, bound.status, bound.body);
			}

			if (bound.status !== 201) {
				return;
			}

			events.record(now, {kind: 'Pod', apiVersion: 'v1', object: pod}, 'Normal', 'Scheduled', `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${nodeName}`, {component: 'default-scheduler'});
			return; // The next pass sees the bound pod.
		}

		if (pod.spec.nodeName !== nodeName) {
			return;
		}

		let record = records.get(uid);
		if (!record) {
			record = {emitted: 0, generated: 0, pullFailures: 0};
			records.set(uid, record);
		}

		const at = wholeSecond(now);
		if (!pod.status?.startTime) {
			const next = accept(runtime, pod, at, '127.0.0.1');
			// The binding set PodScheduled=True already; keep the server's copy of it.
			if (!next.status?.conditions?.some(condition => condition.type === 'PodScheduled')) {
				setPodCondition(next, 'PodScheduled', 'True', at);
			}

			await patchStatus(pod, next);
			return;
		}

		const plan = currentPlan(runtime, pod, record);
		const status = pod.status.containerStatuses?.[0];
		if (status?.state?.waiting?.reason === 'ContainerCreating') {
			if (now >= Date.parse(pod.status.startTime) + containerCreatingMs) {
				// No pod network here: the pod IP is left unset rather than invented.
				const next = start(runtime, pod, at, '');
				delete next.status!.podIP;
				delete next.status!.podIPs;
				await patchStatus(pod, next);
			}

			return;
		}

		const startedAt = Date.parse(status?.state?.running?.startedAt ?? '');
		if (!Number.isNaN(startedAt) && now >= startedAt + plan.runMs) {
			await patchStatus(pod, exit(runtime, pod, startedAt + plan.runMs, plan, record));
		}
	};

	let stopped = false;
	let timer: NodeJS.Timeout | undefined;
	let running: Promise<void> = Promise.resolve();
	const pass = async () => {
		const reply = await plane.request<{items: Pod[]}>('GET', '/api/v1/pods');
		if (reply.status !== 200) {
			note('list pods', reply.status, reply.body);
			return;
		}

		const now = Date.now();
		const seen = new Set<string>();
		byName.clear();
		for (const pod of reply.body.items) {
			seen.add(pod.metadata.uid ?? '');
			byName.set(`${pod.metadata.namespace}/${pod.metadata.name}`, pod);
		}

		await Promise.all(reply.body.items.map(async pod => sync(pod, now).catch((error: unknown) => note(`sync ${pod.metadata.name}`, 0, (error as Error).message))));
		for (const uid of records.keys()) {
			if (!seen.has(uid)) {
				records.delete(uid);
			}
		}
	};

	const loop = () => {
		if (stopped) {
			return;
		}

		running = pass().catch((error: unknown) => note('pass', 0, (error as Error).message)).finally(() => {
			if (!stopped) {
				timer = setTimeout(loop, intervalMs);
			}
		});
	};

	loop();
	return {
		nodeName,
		port,
		errors,
		async stop() {
			stopped = true;
			clearTimeout(timer);
			await running;
			await new Promise<void>(resolve => server.close(() => resolve()));
			server.closeAllConnections();
		},
	};
}
