/**
What the controllers share besides the store: the event recorder, the log buffers, the random source, the nodes and
the job controller's note of which attempt each pod is (for the `{attempt}` log placeholder).
*/
import type {SimLogs} from '../logs.js';
import type {SimStore} from '../store.js';
import type {EventRecorder} from './events.js';

/** Shared controller state. */
export type ControllerRuntime = {
	readonly store: SimStore;
	readonly logs: SimLogs;
	readonly random: () => number;
	readonly nodes: readonly string[];
	readonly events: EventRecorder;
	/** Pod uid → 1 for a job's first pod, 2 for the next… */
	readonly attempts: Map<string, number>;
};
