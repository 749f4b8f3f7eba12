/**
Check 2: the pi Job runs to its end (a kubelet is needed: the simulator's, or the fake kubelet on the real control
plane). Three variants side by side: the container exits 0; exits 1 with backoffLimit 0; runs past activeDeadlineSeconds. Recorded through
raw watches opened before the apply, so every state the API server published is seen in order: the Job's
conditions, its pod's phase, the final Job status, and `kubectl logs`.
*/
import {spawn} from 'node:child_process';
import {Watch} from '@kubernetes/client-node';
import type {Job, KubeObject, Pod} from '../../../source/kube/types.js';
import type {Target} from '../targets.js';
import {piJob, type Row, waitUntil} from './common.js';

type Variant = {name: string; label: string; exitCode: number; runSeconds: number; activeDeadlineSeconds?: number};
const variants: Variant[] = [
	{name: 'pi-ok', label: 'exit 0, backoffLimit 0', exitCode: 0, runSeconds: 3},
	{name: 'pi-fail', label: 'exit 1, backoffLimit 0', exitCode: 1, runSeconds: 3},
	// The job controller deletes the running pod at the deadline: the kubelet's graceful-deletion path.
	{name: 'pi-deadline', label: 'runs 60 s, activeDeadlineSeconds 4', exitCode: 0, runSeconds: 60, activeDeadlineSeconds: 4},
];

/** What one target showed for one variant. */
export type RunFacts = {conditions: string; podPhases: string; status: string; logs: string; podAfter: string};

/** The Job's name and its conditions (type=status(reason)), one line per state. */
function jobLine(job: Job): string {
	return `${job.metadata.name}|${(job.status?.conditions ?? []).map(condition => `${condition.type}=${condition.status}${condition.reason ? `(${condition.reason})` : ''}`).join(',')}`;
}

/** The pod's job, name, phase, container state and whether it is being deleted, one line per state. */
function podLine(pod: Pod): string {
	const state = pod.status?.containerStatuses?.[0]?.state;
	const detail = state?.waiting?.reason ?? state?.terminated?.reason ?? (state?.running ? 'running' : '');
	return [pod.metadata.labels?.['job-name'] ?? '', pod.metadata.name, pod.status?.phase ?? '', detail, pod.metadata.deletionTimestamp ?? ''].join('|');
}

/**
A raw watch (client-node's Watch, from "now", in an empty namespace) collecting one line per event, so no state the
API server sent is lost to coalescing, and each event's object can be checked for kind and apiVersion (kubectl's
printers need both: without them `kubectl get -w -o name` prints `status/<unknown>` and stops).
*/
function watchLines<T extends KubeObject>(target: Target, namespace: string, path: string, line: (object: T) => string) {
	const lines: string[] = [];
	const kindless: string[] = [];
	let events = 0;
	let controller: AbortController | undefined;
	const watch = new Watch(target.connection(namespace).kubeConfig);
	const started = watch.watch(path.replace('{ns}', namespace), {}, (type, object: T) => {
		if (type === 'ADDED' || type === 'MODIFIED' || type === 'DELETED') {
			events++;
			if (!object.kind || !object.apiVersion) {
				kindless.push(type);
			}

			lines.push(line(object) + (type === 'DELETED' ? '|DELETED' : ''));
		}
	}, () => {}).then(abort => {
		controller = abort;
	});
	return {
		lines,
		started,
		/** How many events came, and the types of those whose object lacked kind or apiVersion. */
		shape: () => ({events, kindless}),
		async stop() {
			await started.catch(() => {});
			controller?.abort();
		},
	};
}

/** `kubectl get jobs -w -o name` in the background: what a person watching with kubectl would see. */
function kubectlWatch(target: Target, namespace: string) {
	const child = spawn(target.kubectlPath, ['--kubeconfig', target.kubeconfig, 'get', 'jobs', '-n', namespace, '-w', '-o', 'name'], {stdio: ['ignore', 'pipe', 'ignore'], env: target.kubectlEnv});
	let text = '';
	child.stdout.on('data', (chunk: Buffer) => {
		text += chunk.toString();
	});
	return {
		async stop(): Promise<string> {
			if (child.exitCode === null && child.signalCode === null) {
				child.kill('SIGTERM');
				await new Promise(resolve => child.once('exit', resolve));
			}

			const lines = text.split('\n').filter(Boolean);
			return `${lines.length} lines: ${[...new Set(lines)].sort().join(', ')}`;
		},
	};
}

const dedupe = (states: string[]) => states.filter((state, i) => i === 0 || state !== states[i - 1]);

/** Runs both variants against `target` in namespace conformance-job-run. */
export type WatchFacts = {eventShape: string; kubectlWatch: string};

export async function runJobRun(target: Target): Promise<{runs: Record<string, RunFacts>; watch: WatchFacts}> {
	const namespace = 'conformance-job-run';
	await target.ok(['create', 'namespace', namespace]);
	const jobs = watchLines<Job>(target, namespace, '/apis/batch/v1/namespaces/{ns}/jobs', jobLine);
	const pods = watchLines<Pod>(target, namespace, '/api/v1/namespaces/{ns}/pods', podLine);
	const byKubectl = kubectlWatch(target, namespace);
	const out: Record<string, RunFacts> = {};
	let watch: WatchFacts = {eventShape: '', kubectlWatch: ''};
	try {
		await jobs.started;
		await pods.started;
		await new Promise(resolve => setTimeout(resolve, 500));
		for (const variant of variants) {
			await target.ok(['apply', '-n', namespace, '-f', '-'], JSON.stringify(piJob(variant.name, {exitCode: variant.exitCode, runSeconds: variant.runSeconds, backoffLimit: 0, activeDeadlineSeconds: variant.activeDeadlineSeconds})));
		}

		const finished = (name: string) => jobs.lines.some(line => line.startsWith(`${name}|`) && /(Complete|Failed)=True/.test(line));
		await waitUntil(`${target.label}: all pi jobs finished`, 90_000, async () => variants.every(variant => finished(variant.name)));
		// The trailing updates: the job controller takes its tracking finalizer off every pod (the deadline's pod then
		// goes) and counts them, leaving no uncounted pods in any job's status.
		await waitUntil(`${target.label}: the job controller done with the pods`, 30_000, async () => {
			const podsNow = (await target.getJson<{items: Pod[]}>(['get', 'pods', '-n', namespace])).items;
			const jobsNow = (await target.getJson<{items: Job[]}>(['get', 'jobs', '-n', namespace])).items;
			const uncounted = (job: Job) => (job.status?.uncountedTerminatedPods?.succeeded?.length ?? 0) + (job.status?.uncountedTerminatedPods?.failed?.length ?? 0);
			return podsNow.every(pod => !(pod.metadata.finalizers ?? []).includes('batch.kubernetes.io/job-tracking')) && jobsNow.every(job => uncounted(job) === 0);
		});
		for (const variant of variants) {
			const job = await target.getJson<Job>(['get', 'job', '-n', namespace, variant.name]);
			const podList = (await target.getJson<{items: Pod[]}>(['get', 'pods', '-n', namespace, '-l', `job-name=${variant.name}`])).items;
			const pod = podList[0];
			const logs = pod ? await target.kubectl(['logs', '-n', namespace, pod.metadata.name!]) : undefined;
			const status = job.status ?? {};
			const seconds = status.startTime && status.completionTime ? `${(Date.parse(status.completionTime) - Date.parse(status.startTime)) / 1000} s` : 'no completionTime';
			const podNames: string[] = [];
			const podStates = pods.lines.filter(line => line.startsWith(`${variant.name}|`)).map(line => {
				const [, name = '', phase = '', detail = '', deletion = '', deleted = ''] = line.split('|');
				if (!podNames.includes(name)) {
					podNames.push(name);
				}

				return `${podNames.length > 1 ? `pod${podNames.indexOf(name) + 1} ` : ''}${phase}${detail ? `(${detail})` : ''}${deletion ? ' deleting' : ''}${deleted ? ' DELETED' : ''}`;
			});
			const conditionStates = jobs.lines.filter(line => line.startsWith(`${variant.name}|`)).map(line => line.split('|')[1]!.replace(/,$/, '') || '(none)');
			out[variant.name] = {
				conditions: dedupe(conditionStates).join(' → '),
				podPhases: dedupe(podStates).join(' → '),
				status: `succeeded=${status.succeeded ?? '-'} failed=${status.failed ?? '-'} active=${status.active ?? '-'} ready=${status.ready ?? '-'} terminating=${status.terminating ?? '-'}; start→completion ${seconds}`,
				logs: logs ? (logs.code === 0 ? `exit 0: ${JSON.stringify(logs.stdout.trim().slice(0, 30))}` : `exit ${logs.code}: ${logs.stderr.trim().split('\n')[0]}`) : '(no pod)',
				podAfter: pod ? `${podList.length} pod; finalizers ${(pod.metadata.finalizers ?? []).join(',') || 'none'}; ${pod.status?.containerStatuses?.[0]?.state?.terminated ? `terminated exitCode=${pod.status.containerStatuses[0].state.terminated.exitCode} reason=${pod.status.containerStatuses[0].state.terminated.reason}` : 'not terminated'}` : '(no pod)',
			};
		}

		const shapes = [jobs.shape(), pods.shape()];
		const kindless = shapes.flatMap(shape => shape.kindless);
		const total = shapes.reduce((sum, shape) => sum + shape.events, 0);
		const counts = [...new Set(kindless)].map(type => `${kindless.filter(each => each === type).length} ${type}`).join(', ');
		watch = {
			eventShape: kindless.length === 0 ? `all ${total} events have kind and apiVersion` : `${kindless.length} of ${total} events lack kind/apiVersion (${counts})`,
			kubectlWatch: await byKubectl.stop(),
		};
	} finally {
		await byKubectl.stop();
		await jobs.stop();
		await pods.stop();
		await target.kubectl(['delete', 'namespace', namespace, '--wait=false']);
	}

	return {runs: out, watch};
}

/** The table rows for both targets. */
export function jobRunRows(realFacts: Awaited<ReturnType<typeof runJobRun>>, simFacts: Awaited<ReturnType<typeof runJobRun>>): Row[] {
	const real = realFacts.runs;
	const sim = simFacts.runs;
	const rows: Row[] = [
		{check: 'watch event objects (jobs, pods) carry kind + apiVersion', real: realFacts.watch.eventShape, simulator: simFacts.watch.eventShape, verdict: realFacts.watch.eventShape.startsWith('all') === simFacts.watch.eventShape.startsWith('all') ? 'match' : 'DIFFERS'},
		{check: 'kubectl get jobs -w -o name during the run', real: realFacts.watch.kubectlWatch, simulator: simFacts.watch.kubectlWatch, verdict: realFacts.watch.kubectlWatch.replace(/^\d+ lines: /, '') === simFacts.watch.kubectlWatch.replace(/^\d+ lines: /, '') ? 'match' : 'DIFFERS'},
	];
	for (const variant of variants) {
		const r = real[variant.name]!;
		const s = sim[variant.name]!;
		const label = `${variant.name} (${variant.label})`;
		const row = (what: string, a: string, b: string, ignoreTimes = false) => {
			const strip = (text: string) => (ignoreTimes ? text.replace(/start→completion .*$/, '') : text);
			rows.push({check: `${label}: ${what}`, real: a, simulator: b, verdict: strip(a) === strip(b) ? 'match' : 'DIFFERS'});
		};

		row('Job conditions in order', r.conditions, s.conditions);
		row('pod states in order', r.podPhases, s.podPhases);
		row('final Job status', r.status, s.status, true);
		row('pod at the end', r.podAfter, s.podAfter);
		row('kubectl logs', r.logs, s.logs);
	}

	return rows;
}
