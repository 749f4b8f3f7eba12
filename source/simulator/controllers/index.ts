/**
The simulated control plane: job, cronjob, TTL-after-finished and garbage-collection controllers plus the scheduler
and kubelet, all level-triggered over one store and driven by `reconcile(now)`.
*/
import type {SimClock} from '../clock.js';
import type {SimLogs} from '../logs.js';
import type {SimStore} from '../store.js';
import {CronJobController} from './cronjob/cronjob-controller.js';
import {EventRecorder} from './events.js';
import {GarbageCollector} from './gc.js';
import {JobController} from './job/job-controller.js';
import {Kubelet} from './kubelet/kubelet.js';
import type {ControllerRuntime} from './runtime.js';
import {TtlController} from './ttl-controller.js';

export {prepareCronJobForCreate, prepareJobForCreate} from './job/job-defaults.js';

/** What every controller works with. */
export type SimContext = {
	readonly store: SimStore;
	readonly logs: SimLogs;
	readonly clock: SimClock;
	/** Seeded random source in [0, 1). */
	readonly random: () => number;
	/** Names of the fake nodes pods are scheduled on. */
	readonly nodes: readonly string[];
};

/** The running control plane. */
export type Controllers = {
	/** Brings every object one step closer to its desired state at simulated time `now`. Level-triggered and idempotent. */
	reconcile(now: number): void;
	/** Stops listening to the store. */
	stop(): void;
};

// One reconcile repeats the controllers while they still change something, so a chain of reactions (job → pod →
// scheduled → running) settles within one call, but a bug can never loop forever.
const maxPasses = 6;

/** Creates the controllers and the kubelet over a store. */
export function createControllers(context: SimContext): Controllers {
	const runtime: ControllerRuntime = {
		store: context.store,
		logs: context.logs,
		random: context.random,
		nodes: context.nodes.length > 0 ? context.nodes : ['sim-node-1'],
		events: new EventRecorder(context.store),
		attempts: new Map(),
	};
	const kubelet = new Kubelet(runtime);
	const jobs = new JobController(runtime);
	const cronJobs = new CronJobController(runtime);
	const ttl = new TtlController(runtime);
	const gc = new GarbageCollector(runtime);
	let stopped = false;
	return {
		reconcile(now: number) {
			if (stopped) {
				return;
			}

			// Like a real controller manager, one failing controller does not stop the others; with a manual clock
			// (tests) the first error is rethrown after the pass so bugs do not hide.
			let failure: unknown;
			const run = (step: () => void) => {
				try {
					step();
				} catch (error) {
					failure ??= error;
				}
			};

			for (let pass = 0; pass < maxPasses; pass++) {
				const before = context.store.rv;
				run(() => cronJobs.reconcile(now));
				run(() => jobs.reconcile(now));
				run(() => kubelet.reconcile(now));
				run(() => jobs.reconcile(now));
				run(() => ttl.reconcile(now));
				run(() => gc.reconcile(now));
				if (context.store.rv === before) {
					break;
				}
			}

			run(() => runtime.events.expire(now));
			if (failure !== undefined && context.clock.manual) {
				throw failure;
			}
		},
		stop() {
			stopped = true;
		},
	};
}
