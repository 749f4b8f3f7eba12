/**
Check: kjobs' actions, through kjobs' own action code (performAction, the path the app's dialogs take), accepted by
the API server and followed by the controllers:

- delete a Job with Background, Foreground and Orphan, and what the garbage collector then does with its pod, in
  the server's order (by resourceVersion);
- rerun as a copy and rerun replacing the old Job: the copy passes validation and its pod runs to Complete;
- trigger a CronJob, compared field by field with `kubectl create job --from=cronjob/…` of the same CronJob;
- suspend and resume a running Job (what the job controller does with its pod and conditions) and a CronJob.
*/
import {createActionContext} from '../../../source/cluster/actions/context.js';
import {openGate} from '../../../source/cluster/actions/gate.js';
import {performAction} from '../../../source/cluster/actions/perform.js';
import type {ActionRequest, Propagation} from '../../../source/cluster/actions/types.js';
import type {CronJob, Job, KubeObject, Pod} from '../../../source/kube/types.js';
import {createSystemClock} from '../../../source/store/clock.js';
import type {Target} from '../targets.js';
import {piJob, type Row, waitUntil} from './common.js';
import {inServerOrder, recordEvents, type Recorded} from './recorder.js';

const namespace = 'conformance-actions';
const policies: Propagation[] = ['Background', 'Foreground', 'Orphan'];

/** What one target showed. */
export type ActionFacts = {
	deletes: Record<Propagation, {message: string; order: string; after: string}>;
	rerunCopy: string;
	rerunReplace: string;
	trigger: {message: string; differences: string; managers: string};
	suspendJob: string;
	suspendCronJob: string;
};

const jobName = (object: KubeObject) => object.metadata.labels?.['batch.kubernetes.io/job-name'] ?? object.metadata.labels?.['job-name'];

/** The deletion milestones of job `name` and its pods, each once, in the server's order. */
function deletionOrder(events: readonly Recorded[], name: string): string {
	const milestones: string[] = [];
	const once = (milestone: string) => {
		if (!milestones.includes(milestone)) {
			milestones.push(milestone);
		}
	};

	for (const {type, object} of events) {
		const isJob = object.kind === 'Job' && object.metadata.name === name;
		const isPod = object.kind === 'Pod' && jobName(object) === name;
		if (isJob) {
			if (type === 'DELETED') {
				once('job gone');
			} else if (object.metadata.deletionTimestamp) {
				once(`job deleting [${(object.metadata.finalizers ?? []).join(',')}]`);
			}
		} else if (isPod) {
			if (type === 'DELETED') {
				once('pod gone');
			} else if (object.metadata.deletionTimestamp) {
				once('pod deleting');
			} else if ((object.metadata.ownerReferences ?? []).length === 0) {
				once('pod orphaned (no ownerReference)');
			}
		}
	}

	return milestones.join(' → ');
}

/** Random name suffixes (ours and the API server's) as xxxxx, so both columns can be compared. */
const masked = (text: string) => text.replace(/-(rerun|manual)-[a-z0-9]{5}\b/g, '-$1-xxxxx').replace(/\b([a-z0-9-]+)-[b-df-hj-np-tv-z2-9]{5}\b(?=[ ,;)]|$)/g, '$1-xxxxx');

const conditionsOf = (job: Job) => (job.status?.conditions ?? []).map(condition => `${condition.type}=${condition.status}${condition.reason ? `(${condition.reason})` : ''}`).join(',') || '(none)';

/** Runs every action against `target`. */
export async function runActions(target: Target): Promise<ActionFacts> {
	await target.ok(['create', 'namespace', namespace]);
	const jobs = await recordEvents(target, namespace, '/apis/batch/v1/namespaces/{ns}/jobs');
	const pods = await recordEvents(target, namespace, '/api/v1/namespaces/{ns}/pods');
	const context = createActionContext(target.connection(namespace).kubeConfig, openGate, createSystemClock());
	const act = async (request: ActionRequest) => {
		const result = await performAction(context, request);
		return `${result.ok ? 'ok' : 'refused'}: ${result.message}`;
	};

	const getJob = async (name: string) => target.getJson<Job>(['get', 'job', '-n', namespace, name, '--show-managed-fields']);
	const podsOf = async (name: string) => (await target.getJson<{items: Pod[]}>(['get', 'pods', '-n', namespace, '-l', `job-name=${name}`])).items;
	const runningPod = async (name: string) => waitUntil(`${target.label}: a running pod of ${name}`, 60_000, async () => (await podsOf(name)).some(pod => pod.status?.phase === 'Running' && !pod.metadata.deletionTimestamp));
	const complete = async (name: string) => waitUntil(`${target.label}: ${name} Complete`, 60_000, async () => conditionsOf(await getJob(name)).includes('Complete=True'));
	try {
		const long = policies.map(policy => piJob(`del-${policy.toLowerCase()}`, {runSeconds: 600}));
		const cronJob = {
			apiVersion: 'batch/v1',
			kind: 'CronJob',
			metadata: {name: 'trig', labels: {owner: 'not-copied'}},
			spec: {schedule: '0 0 1 1 *', jobTemplate: {metadata: {labels: {team: 'data'}, annotations: {'example.test/note': 'nightly'}}, spec: piJob('unused', {runSeconds: 1}).spec}},
		};
		await target.ok(['apply', '-n', namespace, '-f', '-'], [...long, piJob('rr', {runSeconds: 1}), piJob('sj', {runSeconds: 600}), cronJob].map(each => JSON.stringify(each)).join('\n---\n'));

		// Delete, three ways.
		await Promise.all(long.map(async job => runningPod(job.metadata.name!)));
		const deletes = {} as ActionFacts['deletes'];
		for (const policy of policies) {
			const name = `del-${policy.toLowerCase()}`;
			const job = await getJob(name);
			const message = await act({kind: 'delete', resource: 'jobs', target: {namespace, name, uid: job.metadata.uid}, propagation: policy});
			await waitUntil(`${target.label}: ${name} settled`, 60_000, async () => {
				const order = deletionOrder(inServerOrder(jobs, pods), name);
				return order.includes('job gone') && (policy === 'Orphan' ? order.includes('pod orphaned') : order.includes('pod gone'));
			});
			const left = await podsOf(name);
			deletes[policy] = {
				message: masked(message),
				order: deletionOrder(inServerOrder(jobs, pods), name),
				after: left.length === 0 ? 'no pod left' : left.map(pod => `pod ${pod.status?.phase ?? '?'}${pod.metadata.deletionTimestamp ? ' deleting' : ''}, ownerReferences ${pod.metadata.ownerReferences?.length ?? 0}, finalizers ${(pod.metadata.finalizers ?? []).join(',') || 'none'}`).join('; '),
			};
			for (const pod of left) {
				await target.kubectl(['delete', 'pod', '-n', namespace, pod.metadata.name!, '--wait=false']);
			}
		}

		// Rerun as a copy, then replacing.
		await complete('rr');
		const original = await getJob('rr');
		const copyMessage = await act({kind: 'rerun', job: original, mode: 'copy'});
		const copyName = /created job [^/]+\/(\S+)/.exec(copyMessage)?.[1] ?? '';
		await complete(copyName);
		const copy = await getJob(copyName);
		const rerunCopy = `${masked(copyMessage)}; ${conditionsOf(copy)}; ${(await podsOf(copyName)).length} pod; annotations ${Object.keys(copy.metadata.annotations ?? {}).sort().join(',')}`;
		const replaceMessage = await act({kind: 'rerun', job: original, mode: 'replace'});
		await waitUntil(`${target.label}: rr replaced`, 60_000, async () => (await getJob('rr')).metadata.uid !== original.metadata.uid);
		await complete('rr');
		const replaced = await getJob('rr');
		const rerunReplace = `${masked(replaceMessage)}; new uid ${replaced.metadata.uid !== original.metadata.uid}; ${conditionsOf(replaced)}; ${(await podsOf('rr')).length} pod`;

		// Trigger vs kubectl create job --from=cronjob/trig.
		const cron = await target.getJson<CronJob>(['get', 'cronjob', '-n', namespace, 'trig']);
		const triggerMessage = await act({kind: 'trigger', cronJob: cron});
		const byKjobs = await getJob(/created job [^/]+\/(\S+)/.exec(triggerMessage)?.[1] ?? '');
		await target.ok(['create', 'job', '-n', namespace, 'trig-by-kubectl', '--from=cronjob/trig']);
		const byKubectl = await getJob('trig-by-kubectl');
		const managers = (job: Job) => ((job.metadata as {managedFields?: Array<{manager?: string; operation?: string; subresource?: string}>}).managedFields ?? []).map(field => `${field.manager ?? '?'} ${field.operation ?? '?'}${field.subresource ? `/${field.subresource}` : ''}`).join(', ') || '(none)';
		const trigger = {
			message: masked(triggerMessage),
			differences: differences(normalized(byKjobs), normalized(byKubectl)),
			managers: `field managers: kjobs' ${managers(byKjobs)}; kubectl's ${managers(byKubectl)}`,
		};

		// Suspend and resume a running Job.
		await runningPod('sj');
		const sj = await getJob('sj');
		const suspendMessage = await act({kind: 'suspend', resource: 'jobs', target: {namespace, name: 'sj', uid: sj.metadata.uid}, suspend: true});
		await waitUntil(`${target.label}: sj suspended`, 60_000, async () => {
			const job = await getJob('sj');
			return conditionsOf(job).includes('Suspended=True') && (job.status?.active ?? 0) === 0 && (await podsOf('sj')).length === 0;
		});
		const suspended = await getJob('sj');
		const resumeMessage = await act({kind: 'suspend', resource: 'jobs', target: {namespace, name: 'sj', uid: sj.metadata.uid}, suspend: false});
		await runningPod('sj');
		const resumed = await getJob('sj');
		const sjPods = new Set(pods.events.filter(event => jobName(event.object) === 'sj').map(event => event.object.metadata.uid));
		const suspendJob = `${suspendMessage} → ${conditionsOf(suspended)}, active ${suspended.status?.active ?? 0}, pod deleted; ${resumeMessage} → ${conditionsOf(resumed)}, active ${resumed.status?.active ?? 0}; ${sjPods.size} pods in all`;

		// Suspend and resume the CronJob.
		const cronTarget = {namespace, name: 'trig', uid: cron.metadata.uid};
		const cronSuspend = await act({kind: 'suspend', resource: 'cronjobs', target: cronTarget, suspend: true});
		const whileSuspended = (await target.ok(['get', 'cronjob', '-n', namespace, 'trig', '-o', 'jsonpath={.spec.suspend}'])).trim();
		const cronResume = await act({kind: 'suspend', resource: 'cronjobs', target: cronTarget, suspend: false});
		const afterResume = (await target.ok(['get', 'cronjob', '-n', namespace, 'trig', '-o', 'jsonpath={.spec.suspend}'])).trim();
		const suspendCronJob = `${cronSuspend} → spec.suspend ${whileSuspended}; ${cronResume} → spec.suspend ${afterResume}`;

		return {deletes, rerunCopy, rerunReplace, trigger, suspendJob: masked(suspendJob), suspendCronJob};
	} finally {
		await jobs.stop();
		await pods.stop();
		await target.kubectl(['delete', 'namespace', namespace, '--wait=false']);
	}
}

/**
A Job with what necessarily differs between two creations taken out: name, uid (wherever it appears),
resourceVersion, timestamps, managedFields and status.
*/
function normalized(job: Job): unknown {
	const {name, uid} = job.metadata;
	const copy = structuredClone(job) as Job & {metadata: Record<string, unknown>};
	for (const key of ['name', 'uid', 'resourceVersion', 'creationTimestamp', 'generation', 'managedFields']) {
		delete copy.metadata[key];
	}

	delete copy.status;
	return JSON.parse(JSON.stringify(copy).replaceAll(uid ?? '\0', 'UID').replaceAll(`"${name ?? '\0'}"`, '"NAME"'));
}

/** Every path where the two differ, `path: a ≠ b`, or `identical`. */
function differences(a: unknown, b: unknown, path = ''): string {
	const out: string[] = [];
	const walk = (x: unknown, y: unknown, at: string) => {
		if (x && y && typeof x === 'object' && typeof y === 'object' && !Array.isArray(x) === !Array.isArray(y)) {
			for (const key of [...new Set([...Object.keys(x), ...Object.keys(y)])].sort()) {
				walk((x as Record<string, unknown>)[key], (y as Record<string, unknown>)[key], `${at}.${key}`);
			}
		} else if (JSON.stringify(x) !== JSON.stringify(y)) {
			out.push(`${at}: ${JSON.stringify(x) ?? 'absent'} ≠ ${JSON.stringify(y) ?? 'absent'}`);
		}
	};

	walk(a, b, path);
	return out.length === 0 ? 'identical (but name, uid, timestamps, managedFields, status)' : out.join('; ');
}

/** The table rows for both targets. */
export function actionRows(real: ActionFacts, sim: ActionFacts): Row[] {
	const same = (a: string, b: string) => (a === b ? 'match' : 'DIFFERS');
	const rows: Row[] = [];
	for (const policy of policies) {
		const r = real.deletes[policy];
		const s = sim.deletes[policy];
		rows.push({check: `delete Job --cascade ${policy}: kjobs' message`, real: r.message, simulator: s.message, verdict: same(r.message, s.message)});
		rows.push({check: `delete Job ${policy}: what the GC does (server order)`, real: r.order, simulator: s.order, verdict: same(r.order, s.order)});
		rows.push({check: `delete Job ${policy}: the pod afterwards`, real: r.after, simulator: s.after, verdict: same(r.after, s.after)});
	}

	rows.push(
		{check: 'rerun as a copy: accepted, its pod runs', real: real.rerunCopy, simulator: sim.rerunCopy, verdict: same(real.rerunCopy, sim.rerunCopy)},
		{check: 'rerun replacing the old Job', real: real.rerunReplace, simulator: sim.rerunReplace, verdict: same(real.rerunReplace, sim.rerunReplace)},
		{check: 'trigger CronJob: kjobs\' message', real: real.trigger.message, simulator: sim.trigger.message, verdict: same(real.trigger.message, sim.trigger.message)},
		{check: 'trigger vs kubectl create job --from=cronjob, field by field', real: real.trigger.differences, simulator: sim.trigger.differences, verdict: real.trigger.differences.startsWith('identical') && sim.trigger.differences.startsWith('identical') ? 'match' : 'DIFFERS'},
		{check: 'trigger vs kubectl: field managers', real: real.trigger.managers, simulator: sim.trigger.managers, verdict: real.trigger.managers === sim.trigger.managers ? 'match' : 'known: the simulator keeps no managedFields'},
		{check: 'suspend and resume a running Job', real: real.suspendJob, simulator: sim.suspendJob, verdict: same(real.suspendJob, sim.suspendJob)},
		{check: 'suspend and resume a CronJob', real: real.suspendCronJob, simulator: sim.suspendCronJob, verdict: same(real.suspendCronJob, sim.suspendCronJob)},
	);
	return rows;
}
