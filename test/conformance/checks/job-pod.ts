/**
Check 1: a Job applied with kubectl gets a pod from the job controller, and kjobs' own watchers and store hold the
Job and its Pod at the same uid and resourceVersion as `kubectl get -o json`.
*/
import {startWatchers} from '../../../source/cluster/watch/watcher.js';
import type {Job, KubeObject, Pod} from '../../../source/kube/types.js';
import {createSystemClock} from '../../../source/store/clock.js';
import {createResourceStore} from '../../../source/store/resource-store.js';
import type {Target} from '../targets.js';
import {piJob, type Row, waitUntil} from './common.js';

/** What one target showed. */
export type JobPodFacts = {
	podCreated: string;
	podState: string;
	store: string;
	storeMatches: boolean;
	podLabels: string;
	podFinalizers: string;
	jobSelector: string;
	ownerReference: string;
};

const namespace = 'conformance-job-pod';

const keys = (record: Record<string, string> | undefined) => Object.keys(record ?? {}).sort().join(', ') || '(none)';

function versions(objects: Iterable<KubeObject>): string {
	return [...objects].map(object => `${object.kind ?? '?'}:${object.metadata.uid ?? ''}@${object.metadata.resourceVersion ?? ''}`).sort().join(' ');
}

/** Runs the steps against `target`. */
export async function runJobPod(target: Target): Promise<JobPodFacts> {
	await target.ok(['create', 'namespace', namespace]);
	const applied = Date.now();
	await target.ok(['apply', '-n', namespace, '-f', '-'], JSON.stringify(piJob('pi')));
	let pods: Pod[] = [];
	await waitUntil(`${target.label}: the job's pod`, 30_000, async () => {
		pods = (await target.getJson<{items: Pod[]}>(['get', 'pods', '-n', namespace, '-l', 'job-name=pi'])).items;
		return pods.length > 0;
	});
	const createdMs = Date.now() - applied;
	// Give a scheduler or kubelet, if there is one, time to act; without one nothing more happens to the pod.
	await new Promise(resolve => setTimeout(resolve, 3000));
	const pod = await target.getJson<Pod>(['get', 'pod', '-n', namespace, pods[0]!.metadata.name!]);
	const conditions = (pod.status?.conditions ?? []).map(condition => `${condition.type}=${condition.status}`).join(',') || 'none';
	const podState = `${pod.status?.phase ?? '(no phase)'}; nodeName ${pod.spec?.nodeName ?? 'unset'}; conditions ${conditions}`;

	const clock = createSystemClock();
	const store = createResourceStore({clock});
	const watchers = startWatchers(target.connection(namespace), store, clock, {kinds: ['jobs', 'pods']});
	let fromStore = '';
	let fromKubectl = '';
	let matches = false;
	try {
		await waitUntil(`${target.label}: kjobs watches live`, 30_000, async () => store.getSnapshot().watch.jobs.phase === 'live' && store.getSnapshot().watch.pods.phase === 'live');
		// Objects keep changing while a kubelet runs the pod: compare until both sides agree (or time runs out).
		matches = await waitUntil(`${target.label}: store equals kubectl`, 20_000, async () => {
			const job = await target.getJson<Job>(['get', 'job', '-n', namespace, 'pi']);
			const list = (await target.getJson<{items: Pod[]}>(['get', 'pods', '-n', namespace, '-l', 'job-name=pi'])).items;
			store.flush();
			const snapshot = store.getSnapshot();
			fromKubectl = versions([{...job, kind: 'Job'}, ...list.map(each => ({...each, kind: 'Pod'}))]);
			fromStore = versions([...[...snapshot.jobs.values()].map(each => ({...each, kind: 'Job'})), ...[...snapshot.pods.values()].map(each => ({...each, kind: 'Pod'}))]);
			return fromStore === fromKubectl;
		}, {throwOnTimeout: false});
	} finally {
		await watchers.stop();
		store.dispose();
	}

	const job = await target.getJson<Job>(['get', 'job', '-n', namespace, 'pi']);
	const owner = pod.metadata.ownerReferences?.[0];
	await target.kubectl(['delete', 'namespace', namespace, '--wait=false']);
	const count = fromStore.split(' ').filter(Boolean).length;
	return {
		podCreated: `${pods.length} pod (${pods[0]!.metadata.name!.replace(/-[a-z0-9]{5}$/, '-xxxxx')}) ${(createdMs / 1000).toFixed(1)} s after apply`,
		podState,
		store: matches ? `equal: ${count} objects, uid and resourceVersion` : `differ:\n  store   ${fromStore}\n  kubectl ${fromKubectl}`,
		storeMatches: matches,
		podLabels: keys(pod.metadata.labels),
		podFinalizers: (pod.metadata.finalizers ?? []).join(', ') || '(none)',
		jobSelector: keys(job.spec?.selector?.matchLabels),
		ownerReference: owner ? `${owner.kind} ${owner.name} controller=${owner.controller} blockOwnerDeletion=${owner.blockOwnerDeletion}` : '(none)',
	};
}

/** The table rows for both targets. */
export function jobPodRows(real: JobPodFacts, sim: JobPodFacts): Row[] {
	const same = (a: string, b: string) => (a === b ? 'match' : 'DIFFERS');
	return [
		{check: 'kubectl apply Job → job controller creates its pod', real: real.podCreated, simulator: sim.podCreated, verdict: same(real.podCreated.split(' ')[0]!, sim.podCreated.split(' ')[0]!)},
		{check: 'the pod with no kubelet and no scheduler', real: real.podState, simulator: sim.podState, verdict: 'fact (real has no kubelet yet)'},
		{check: 'kjobs watch+store vs kubectl get -o json', real: real.store, simulator: sim.store, verdict: real.storeMatches && sim.storeMatches ? 'match' : 'DIFFERS'},
		{check: 'pod labels set by the job controller', real: real.podLabels, simulator: sim.podLabels, verdict: same(real.podLabels, sim.podLabels)},
		{check: 'pod finalizers', real: real.podFinalizers, simulator: sim.podFinalizers, verdict: same(real.podFinalizers, sim.podFinalizers)},
		{check: 'job.spec.selector.matchLabels keys', real: real.jobSelector, simulator: sim.jobSelector, verdict: same(real.jobSelector, sim.jobSelector)},
		{check: 'pod ownerReference', real: real.ownerReference, simulator: sim.ownerReference, verdict: same(real.ownerReference, sim.ownerReference)},
	];
}
