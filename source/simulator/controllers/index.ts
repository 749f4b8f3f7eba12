/**
The simulated control plane: job, cronjob, TTL-after-finished and garbage-collection controllers plus the kubelet.
(Contract stub: the controllers helper replaces the body; the signature stays.)
*/
import type {SimClock} from '../clock.js';
import type {SimLogs} from '../logs.js';
import type {SimStore} from '../store.js';

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

/** Creates the controllers and the kubelet over a store. */
export function createControllers(_context: SimContext): Controllers {
	return {reconcile() {}, stop() {}};
}
