/**
A raw watch (client-node's Watch, from "now") that keeps every event the API server sent, with its resourceVersion,
so a check can put the events of two streams (jobs and pods) into the order the server made them: the
resourceVersion is one cluster-wide counter on both targets (etcd's revision; the simulator's store counter).
*/
import {Watch} from '@kubernetes/client-node';
import type {KubeObject} from '../../../source/kube/types.js';
import type {Target} from '../targets.js';

/** One event as received. */
export type Recorded = {type: 'ADDED' | 'MODIFIED' | 'DELETED'; object: KubeObject; rv: number};

/** A running recording. */
export type Recording = {events: Recorded[]; stop(): Promise<void>};

/** Records the events of `path` ('{ns}' is replaced by `namespace`); resolves once the watch is open. */
export async function recordEvents(target: Target, namespace: string, path: string): Promise<Recording> {
	const events: Recorded[] = [];
	const watch = new Watch(target.connection(namespace).kubeConfig);
	const abort = await watch.watch(path.replace('{ns}', namespace), {}, (type, object: KubeObject) => {
		if (type === 'ADDED' || type === 'MODIFIED' || type === 'DELETED') {
			events.push({type, object, rv: Number(object.metadata.resourceVersion)});
		}
	}, () => {});
	return {
		events,
		async stop() {
			abort.abort();
		},
	};
}

/** The events of several recordings merged into the server's order. */
export function inServerOrder(...recordings: Recording[]): Recorded[] {
	return recordings.flatMap(recording => recording.events).sort((a, b) => a.rv - b.rv);
}
