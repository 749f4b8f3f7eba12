/**
The scale scenario: a cluster the size that makes other tools stall (by default 10,000 jobs over 50 namespaces, 1,000
cron jobs and 50,000 pods) written straight into the store, then churned at a steady rate of watch events (pod
status updates, new pods, completions with their job's status, deletions) from a timer in simulated time. No
controllers run: at this size their full reconcile passes would make the simulator, not the client, the bottleneck.
A probe job (namespace `a-bench`, listed first) counts tenths of a second since `probeBase`, modulo 10,000, in its
succeeded count (shown as `N/9999`), so a client's lag can be read straight off the screen.
*/
import {ManualClock, wallNow} from '../../clock.js';
import {startSimulator, type Simulator, type SimulatorOptions} from '../../index.js';
import {seededRandom} from '../../random.js';
import {ScaleChurn} from './churn.js';
import {scaleCronJob, scaleJob, scaleJobState, scalePod, type ScalePodPhase} from './objects.js';
import type {Job, Namespace} from '../../../kube/types.js';
import {rfc3339} from '../../controllers/objects.js';

/** The scale scenario's size and churn. */
export type ScaleOptions = {
	jobs?: number;
	cronJobs?: number;
	pods?: number;
	namespaces?: number;
	/** Watch events per second (default 500; 0 for a still cluster). */
	churn?: number;
};

/** The default size, the bench's: 10,000 jobs, 1,000 cron jobs and 50,000 pods in 50 namespaces, 500 events a second. */
export const scaleDefaults = {jobs: 10_000, cronJobs: 1000, pods: 50_000, namespaces: 50, churn: 500} as const;

/** A running scale simulation. */
export type ScaleSimulator = {
	readonly simulator: Simulator;
	/** What a client must end up with after its lists: the generated objects plus the probe job (and its pod). */
	readonly expected: {jobs: number; cronJobs: number; pods: number};
	/** Epoch ms (wall clock) the probe job's succeeded count is measured from, in tenths of a second. */
	readonly probeBase: number;
	/** Changes the churn rate, events per second. */
	setChurn(eventsPerSecond: number): void;
	/** Starts or stops the probe's 10 updates per second. */
	setProbe(on: boolean): void;
	/** Appends generated lines to the log-probe pod's log at this rate (0 stops). */
	setLogRate(linesPerSecond: number): void;
	stop(): Promise<void>;
};

/** The namespace and names of the probe objects. */
export const scaleProbe = {namespace: 'a-bench', job: 'probe', logJob: 'log-probe', logPod: 'log-probe-0', modulo: 10_000} as const;

/** Starts a simulated cluster holding the scale scenario; `options` passes port, host, kubeconfigPath, seed and so on through. */
export async function startScaleSimulator(options: SimulatorOptions & ScaleOptions = {}): Promise<ScaleSimulator> {
	const sizes = {
		jobs: options.jobs ?? scaleDefaults.jobs,
		cronJobs: options.cronJobs ?? scaleDefaults.cronJobs,
		pods: options.pods ?? scaleDefaults.pods,
		namespaces: Math.max(1, options.namespaces ?? scaleDefaults.namespaces),
	};
	// A manual clock keeps the controllers' ticker off; the churn timer moves it along with the wall clock.
	const clock = options.clock ?? new ManualClock(options.start ?? wallNow());
	// A minute of history at the default churn, so a client whose first list takes a while can still resume its watch.
	const simulator = await startSimulator({...options, historySize: options.historySize ?? 60_000, scenario: 'empty', clock});
	const random = seededRandom(options.seed ?? 8);
	const {store} = simulator;
	const now = clock.now();
	const nsName = (i: number) => `ns-${String(i).padStart(2, '0')}`;
	for (const name of [scaleProbe.namespace, ...Array.from({length: sizes.namespaces}, (_, i) => nsName(i))]) {
		store.create('Namespace', {apiVersion: 'v1', kind: 'Namespace', metadata: {name, labels: {'kubernetes.io/metadata.name': name}, creationTimestamp: rfc3339(now - 86_400_000)}, spec: {finalizers: ['kubernetes']}, status: {phase: 'Active'}} as Namespace);
	}

	const cronJobs = Array.from({length: sizes.cronJobs}, (_, i) => store.create('CronJob', scaleCronJob(nsName(i % sizes.namespaces), `cron-${String(i).padStart(4, '0')}`, i, now - 86_400_000 + i * 1000, i % 20 === 19)));
	const jobs: Job[] = [];
	for (let i = 0; i < sizes.jobs; i++) {
		const cron = i % 3 === 0 ? cronJobs[i % Math.max(1, cronJobs.length)] : undefined;
		const namespace = cron?.metadata.namespace ?? nsName(i % sizes.namespaces);
		const name = cron ? `${cron.metadata.name}-${29_000_000 + i}` : `batch-${String(i).padStart(5, '0')}`;
		const perJob = Math.floor(sizes.pods / sizes.jobs) + (i < sizes.pods % sizes.jobs ? 1 : 0);
		const created = now - Math.floor(random() * 6 * 3_600_000);
		jobs.push(store.create('Job', scaleJob(namespace, name, store.newUid(), scaleJobState(i), created, perJob, cron)));
	}

	const churn = new ScaleChurn(store, clock, random, jobs, simulator.logs);
	for (let p = 0; p < sizes.pods; p++) {
		const job = jobs[p % jobs.length];
		if (!job) {
			break;
		}

		const phase = podPhase(scaleJobState(p % jobs.length), p);
		churn.addPod(job, phase, Date.parse(job.metadata.creationTimestamp ?? '') + p % 7 * 1000);
	}

	const probeBase = wallNow();
	const probe = store.create('Job', scaleJob(scaleProbe.namespace, scaleProbe.job, store.newUid(), 'running', now, 1));
	store.update('Job', {...probe, spec: {...probe.spec, completions: scaleProbe.modulo - 1}, status: {...probe.status, succeeded: 0}});
	const logJob = store.create('Job', scaleJob(scaleProbe.namespace, scaleProbe.logJob, store.newUid(), 'running', now, 1));
	const logPod = store.create('Pod', scalePod(logJob, scaleProbe.logPod, store.newUid(), 'Running', now, 'sim-node-1'));
	churn.start({probe: probe.metadata.name ?? '', probeBase, logPod, rate: options.churn ?? scaleDefaults.churn});
	return {
		simulator,
		expected: {jobs: sizes.jobs + 2, cronJobs: sizes.cronJobs, pods: Math.min(sizes.pods, sizes.jobs > 0 ? sizes.pods : 0) + 1},
		probeBase,
		setChurn: rate => churn.setRate(rate),
		setProbe: on => churn.setProbe(on),
		setLogRate: rate => churn.setLogRate(rate),
		async stop() {
			churn.stop();
			await simulator.stop();
		},
	};
}

function podPhase(state: ReturnType<typeof scaleJobState>, p: number): ScalePodPhase {
	switch (state) {
		case 'running': {
			return p % 10 === 0 ? 'Pending' : (p % 3 === 0 ? 'Succeeded' : 'Running');
		}

		case 'failed':
		case 'backoff': {
			return 'Failed';
		}

		default: {
			return 'Succeeded';
		}
	}
}
