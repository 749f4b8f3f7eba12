/**
How a container instance ended, in words: `exited 3 (Error) after 4s`. Shared by the log streams (restart separators)
and the log pane's verdicts.
*/
import {humanDuration} from './duration.js';
import {type ContainerState, timeOf} from './types.js';

/** A terminated container state as the kubelet reports it. */
export type Terminated = NonNullable<ContainerState['terminated']>;

/** `exited 3 (Error) after 4s`, `exited 137 (OOMKilled)`, `killed by signal 9`; the run time when both ends are known. */
export function exitText(terminated: Terminated): string {
	const started = timeOf(terminated.startedAt);
	const finished = timeOf(terminated.finishedAt);
	const after = started === undefined || finished === undefined ? '' : ` after ${humanDuration(Math.max(0, finished - started))}`;
	const how = terminated.signal && !terminated.exitCode ? `killed by signal ${terminated.signal}` : `exited ${terminated.exitCode ?? 0}`;
	return `${how}${terminated.reason ? ` (${terminated.reason})` : ''}${after}`;
}
