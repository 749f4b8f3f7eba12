/**
A pod's containers as its detail screen shows them: what each one is doing now, how its last run ended and what it
said when it stopped — the termination message is where a failed batch container explains itself.
*/
import {translateTimestampSince} from '../../kube/duration.js';
import type {ContainerState, ContainerStatus, Pod} from '../../kube/types.js';
import {timeOf} from '../../kube/types.js';
import {spanText} from '../countdown.js';
import type {Tone} from '../types.js';

/** One container of a pod, in words. */
export type ContainerSummary = {
	readonly name: string;
	readonly init: boolean;
	readonly image: string;
	/** `Running for 2m3s`, `Terminated: exit 137 OOMKilled after 8s, 4m ago`, `Waiting: ImagePullBackOff`. */
	readonly state: string;
	readonly tone: Tone;
	readonly ready: boolean;
	readonly restarts: number;
	/** How the previous run ended, for a restarted container. */
	readonly lastState?: string;
	/** The message of the current (or else the last) termination or wait, trimmed to its first lines. */
	readonly message?: string;
};

/** The pod's init containers, then its containers, each with its status (or `Waiting` before it has one). */
export function podContainers(pod: Pod, now: number): ContainerSummary[] {
	const statuses = new Map<string, ContainerStatus>();
	for (const status of [...pod.status?.initContainerStatuses ?? [], ...pod.status?.containerStatuses ?? []]) {
		statuses.set(status.name, status);
	}

	const summary = (container: {name: string; image?: string}, init: boolean): ContainerSummary => {
		const status = statuses.get(container.name);
		const {text, tone} = stateText(status?.state, now);
		const last = status?.lastState?.terminated ? stateText(status.lastState, now).text : undefined;
		const message = messageOf(status?.state) ?? messageOf(status?.lastState);
		return {
			name: container.name,
			init,
			image: status?.image ?? container.image ?? '',
			state: text,
			tone,
			ready: status?.ready ?? false,
			restarts: status?.restartCount ?? 0,
			...(last === undefined ? {} : {lastState: last}),
			...(message === undefined ? {} : {message}),
		};
	};

	return [
		...(pod.spec.initContainers ?? []).map((container) => summary(container, true)),
		...pod.spec.containers.map((container) => summary(container, false)),
	];
}

function stateText(state: ContainerState | undefined, now: number): {text: string; tone: Tone} {
	if (state?.running) {
		const started = timeOf(state.running.startedAt);
		return {text: started === undefined ? 'Running' : `Running for ${spanText(now - started)}`, tone: 'running'};
	}

	const ended = state?.terminated;
	if (ended) {
		const started = timeOf(ended.startedAt);
		const finished = timeOf(ended.finishedAt);
		const ran = started !== undefined && finished !== undefined ? ` after ${spanText(finished - started)}` : '';
		const ago = ended.finishedAt ? `, ${translateTimestampSince(ended.finishedAt, now)} ago` : '';
		const signal = ended.signal ? ` signal ${ended.signal}` : '';
		return {
			text: `Terminated: exit ${ended.exitCode}${signal}${ended.reason ? ` ${ended.reason}` : ''}${ran}${ago}`,
			tone: ended.exitCode === 0 ? 'success' : 'error',
		};
	}

	const reason = state?.waiting?.reason;
	return {text: reason ? `Waiting: ${reason}` : 'Waiting', tone: reason && /BackOff|Err|Invalid/.test(reason) ? 'error' : 'pending'};
}

// Termination messages can be long (up to 4 KB); the detail shows the start, the describe view has all of it.
function messageOf(state: ContainerState | undefined): string | undefined {
	const text = (state?.terminated?.message ?? state?.waiting?.message)?.trim();
	if (!text) {
		return undefined;
	}

	const lines = text.split('\n');
	return lines.length > 3 ? `${lines.slice(0, 3).join(' ⏎ ')} …` : lines.join(' ⏎ ');
}
