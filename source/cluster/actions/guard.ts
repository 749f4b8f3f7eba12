/**
The in-flight guard: one action per target at a time, so a key pressed twice quickly never creates two objects.
*/

/** What `run` returns when the target already has an action in flight. */
export const busy = Symbol('busy');

/** A per-target lock held until the action's promise settles. */
export type InFlightGuard = {
	/** Runs `action` unless `key` has one in flight; then returns `busy` without calling it. */
	run<T>(key: string, action: () => Promise<T>): Promise<T | typeof busy>;
	/** Whether `key` has an action in flight. */
	isBusy(key: string): boolean;
};

/** Creates an empty guard. */
export function createInFlightGuard(): InFlightGuard {
	const inFlight = new Set<string>();
	return {
		async run(key, action) {
			if (inFlight.has(key)) {
				return busy;
			}

			inFlight.add(key);
			try {
				return await action();
			} finally {
				inFlight.delete(key);
			}
		},
		isBusy: key => inFlight.has(key),
	};
}
