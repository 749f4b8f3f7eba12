/**
A pod's detail screen as data: its row with every column, its containers, its recent events and the pod's own reason.
*/
import type {Pod} from '../../kube/types.js';
import type {StoreView} from '../../store/types.js';
import {sizeColumns} from '../columns.js';
import {isPod} from '../lookups.js';
import {type ContainerSummary, podContainers} from '../rows/pod-containers.js';
import {podColumns, podRow} from '../rows/pod-rows.js';
import type {Column, Row} from '../types.js';
import {type EventLine, recentEvents} from './detail-parts.js';

/** A pod's detail: its row (one field per column) and its events. */
export type PodDetailModel = {
	readonly uid: string;
	readonly name: string;
	readonly row: Row;
	readonly columns: readonly Column[];
	readonly events: readonly EventLine[];
	readonly deleted: boolean;
	/** Init containers, then containers, with their states. */
	readonly containers: readonly ContainerSummary[];
	/** The pod's own reason and message (an eviction says why here). */
	readonly reason?: string;
	readonly message?: string;
};

/** A pod's detail model (a tombstone too), or undefined when the pod is not in the snapshot. */
export function podDetail(snapshot: StoreView, uid: string, now: number): PodDetailModel | undefined {
	const live = snapshot.pods.get(uid);
	const tombstone = snapshot.deleted.get(uid)?.object;
	const pod: Pod | undefined = live ?? (tombstone && isPod(tombstone) ? tombstone : undefined);
	if (pod === undefined) {
		return undefined;
	}

	const deleted = live === undefined;
	const row = podRow(pod, snapshot, now, deleted);
	const {reason, message} = pod.status ?? {};
	return {
		uid, name: pod.metadata.name ?? '', row, columns: sizeColumns(podColumns(true), [row]), events: recentEvents(snapshot, [uid], now), deleted,
		containers: podContainers(pod, now), ...(reason ? {reason} : {}), ...(message ? {message} : {}),
	};
}
