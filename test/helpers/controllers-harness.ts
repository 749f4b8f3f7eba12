/**
A simulated cluster without the HTTP server, for controller tests: a store, logs and the controllers over a manual
clock that tests step one second at a time.
*/
import {ManualClock} from '../../source/simulator/clock.js';
import {createControllers, prepareCronJobForCreate, prepareJobForCreate, type Controllers} from '../../source/simulator/controllers/index.js';
import {SimLogs} from '../../source/simulator/logs.js';
import {seededRandom, seededUid} from '../../source/simulator/random.js';
import {SimStore} from '../../source/simulator/store.js';
import type {CronJob, Job, KubeEvent, Pod} from '../../source/kube/types.js';

/** 2026-01-01T10:00:00Z */
export const t0 = Date.parse('2026-01-01T10:00:00Z');

/** A test cluster. */
export type Harness = {
	clock: ManualClock;
	store: SimStore;
	logs: SimLogs;
	controllers: Controllers;
	/** Advance `seconds` in 1 s steps, reconciling after each. */
	step(seconds: number): void;
	/** Creates a Job (with the API server's defaults) and reconciles once. */
	job(manifest: Partial<Job> & {metadata: Job['metadata']; spec: Job['spec']}): Job;
	cronJob(manifest: CronJob): CronJob;
	getJob(name: string): Job | undefined;
	pods(jobName?: string): Pod[];
	events(name?: string): KubeEvent[];
	/** Seconds since t0 of a timestamp. */
	at(timestamp: string | null | undefined): number;
};

/** Builds a harness starting at `start`. */
export function harness(start = t0, seed = 1): Harness {
	const clock = new ManualClock(start);
	const random = seededRandom(seed);
	const store = new SimStore({now: () => clock.now(), random, uid: seededUid(random)});
	store.create('Namespace', {metadata: {name: 'default'}});
	const logs = new SimLogs();
	const controllers = createControllers({store, logs, clock, random, nodes: ['sim-node-1', 'sim-node-2']});
	return {
		clock,
		store,
		logs,
		controllers,
		step(seconds) {
			for (let i = 0; i < seconds; i++) {
				clock.advance(1000);
				controllers.reconcile(clock.now());
			}
		},
		job(manifest) {
			const draft = structuredClone({apiVersion: 'batch/v1', kind: 'Job', ...manifest}) as Job;
			draft.metadata.namespace ??= 'default';
			const created = store.create('Job', prepareJobForCreate(draft, store.newUid()));
			controllers.reconcile(clock.now());
			return created;
		},
		cronJob(manifest) {
			const draft = structuredClone({...manifest, apiVersion: 'batch/v1', kind: 'CronJob'});
			draft.metadata.namespace ??= 'default';
			const created = store.create('CronJob', prepareCronJobForCreate(draft));
			controllers.reconcile(clock.now());
			return created;
		},
		getJob: name => store.get<Job>('Job', 'default', name),
		pods: jobName => store.list<Pod>('Pod').filter(pod => jobName === undefined || pod.metadata.labels?.['job-name'] === jobName)
			.sort((a, b) => (a.metadata.creationTimestamp ?? '').localeCompare(b.metadata.creationTimestamp ?? '') || (a.metadata.name ?? '').localeCompare(b.metadata.name ?? '')),
		events: name => store.list<KubeEvent>('Event').filter(event => name === undefined || event.involvedObject.name === name)
			.sort((a, b) => (a.metadata.name ?? '').localeCompare(b.metadata.name ?? '')),
		at: timestamp => (Date.parse(timestamp ?? '') - start) / 1000,
	};
}

/** A one-container pod template with simulator annotations. */
export function template(annotations: Record<string, string>, restartPolicy = 'Never'): Job['spec']['template'] {
	return {metadata: {annotations}, spec: {restartPolicy, containers: [{name: 'main', image: 'busybox:1.36'}]}};
}
