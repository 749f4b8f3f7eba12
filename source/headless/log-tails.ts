/**
The last lines of each failed attempt's log, for `kjobs wait`'s failure report: one plain (not followed) request per
container through the log pane's own request path, bounded by the app clock so a silent server cannot hold the exit.
*/
import type {KubeConfig} from '@kubernetes/client-node';
import {requestLog} from '../cluster/logs/request.js';
import type {Pod} from '../kube/types.js';
import {type Clock, sleep} from '../store/clock.js';
import type {LogTail} from '../view-model/wait/wait-report.js';

/** Fetches the last `lines` lines of every main container of each pod; gives up on what has not arrived after `timeoutMs`. */
export async function fetchLogTails(kc: KubeConfig, pods: readonly Pod[], lines: number, clock: Clock, timeoutMs = 10_000): Promise<LogTail[]> {
	const aborts = new Set<() => void>();
	let closed = false;
	const registry = {
		add(abort: () => void) {
			aborts.add(abort);
			return () => aborts.delete(abort);
		},
		get closed() {
			return closed;
		},
	};
	const fetches = pods.map(async (pod): Promise<LogTail> => {
		const got: string[] = [];
		let error: string | undefined;
		for (const container of pod.spec.containers ?? []) {
			const result = await requestLog(kc, {namespace: pod.metadata.namespace ?? 'default', pod: pod.metadata.name ?? '', container: container.name, follow: false, tailLines: lines}, line => {
				got.push(line.text);
			}, registry);
			if (result.outcome === 'refused') {
				error = result.message;
			}
		}

		return {podUid: pod.metadata.uid ?? '', lines: got.slice(-lines), ...(error !== undefined && got.length === 0 ? {error} : {})};
	});
	const stop = new AbortController();
	const all = Promise.all(fetches);
	await Promise.race([all, sleep(clock, timeoutMs, stop.signal)]);
	stop.abort();
	closed = true;
	for (const abort of [...aborts]) {
		abort();
	}

	return all;
}
