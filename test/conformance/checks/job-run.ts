/**
Check 2: the pi Job runs to its end (a kubelet is needed: the simulator's, or the fake kubelet on the real control
plane). Two variants side by side: one container exits 0, one exits 1 with backoffLimit 0. Recorded through
raw watches opened before the apply, so every state the API server published is seen in order: the Job's
conditions, its pod's phase, the final Job status, and `kubectl logs`.
*/
import {Watch} from '@kubernetes/client-node';
import type {Job, KubeObject, Pod} from '../../../source/kube/types.js';
import type {Target} from '../targets.js';
import {piJob, type Row, waitUntil} from './common.js';

type Variant = {name: string; exitCode: number};
const variants: Variant[] = [{name: 'pi-ok', exitCode: 0}, {name: 'pi-fail', exitCode: 1}];

/** What one target showed for one variant. */
export type RunFacts = {conditions: string; podPhases: string; status: string; logs: string; podAfter: string};

/** The Job's name and its condition list, one line per state. */
function jobLine(job: Job): string {
	return `${job.metadata.name}|${(job.status?.conditions ?? []).map(condition => `${condition.type}=${condition.status}`).join(',')}`;
}

/** The pod's job, name, phase, container state and whether it is being deleted, one line per state. */
function podLine(pod: Pod): string {
	const state = pod.status?.containerStatuses?.[0]?.state;
	const detail = state?.waiting?.reason ?? state?.terminated?.reason ?? (state?.running ? 'running' : '');
	return [pod.metadata.labels?.['job-name'] ?? '', pod.metadata.name, pod.status?.phase ?? '', detail, pod.metadata.deletionTimestamp ?? ''].join('|');
}

/**
A raw watch (client-node's Watch, from "now", in an empty namespace) collecting one line per event, so no state the
API server sent is lost to coalescing. `kubectl get -w` would be the obvious tool, but against the simulator it prints
`status/<unknown>` for watch events (a simulator finding, not used here so both columns come from the same code).
*/
function watchLines<T extends KubeObject>(target: Target, namespace: string, path: string, line: (object: T) => string) {
	const lines: string[] = [];
	let controller: AbortController | undefined;
	const watch = new Watch(target.connection(namespace).kubeConfig);
	const started = watch.watch(path.replace('{ns}', namespace), {}, (type, object: T) => {
		if (type === 'ADDED' || type === 'MODIFIED' || type === 'DELETED') {
			lines.push(line(object) + (type === 'DELETED' ? '|DELETED' : ''));
		}
	}, () => {}).then(abort => {
		controller = abort;
	});
	return {
		lines,
		started,
		async stop() {
			await started.catch(() => {});
			controller?.abort();
		},
	};
}

const dedupe = (states: string[]) => states.filter((state, i) => i === 0 || state !== states[i - 1]);

/** Runs both variants against `target` in namespace conformance-job-run. */
export async function runJobRun(target: Target): Promise<Record<string, RunFacts>> {
	const namespace = 'conformance-job-run';
	await target.ok(['create', 'namespace', namespace]);
	const jobs = watchLines<Job>(target, namespace, '/apis/batch/v1/namespaces/{ns}/jobs', jobLine);
	const pods = watchLines<Pod>(target, namespace, '/api/v1/namespaces/{ns}/pods', podLine);
	const out: Record<string, RunFacts> = {};
	try {
		await jobs.started;
		await pods.started;
		await new Promise(resolve => setTimeout(resolve, 500));
		for (const variant of variants) {
			await target.ok(['apply', '-n', namespace, '-f', '-'], JSON.stringify(piJob(variant.name, {exitCode: variant.exitCode, runSeconds: 3, backoffLimit: 0})));
		}

		const finished = (name: string) => jobs.lines.some(line => line.startsWith(`${name}|`) && /(Complete|Failed)=True/.test(line));
		await waitUntil(`${target.label}: both pi jobs finished`, 90_000, async () => variants.every(variant => finished(variant.name)));
		// Let trailing updates (finalizer removal, last status write) arrive.
		await new Promise(resolve => setTimeout(resolve, 3000));
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
	} finally {
		await jobs.stop();
		await pods.stop();
		await target.kubectl(['delete', 'namespace', namespace, '--wait=false']);
	}

	return out;
}

/** The table rows for both targets. */
export function jobRunRows(real: Record<string, RunFacts>, sim: Record<string, RunFacts>): Row[] {
	const rows: Row[] = [];
	for (const variant of variants) {
		const r = real[variant.name]!;
		const s = sim[variant.name]!;
		const label = `${variant.name} (exit ${variant.exitCode}, backoffLimit 0)`;
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
