/**
Pieces both detail screens show: labelled fields, conditions and recent events.
*/
import {translateTimestampSince} from '../../kube/duration.js';
import type {JobCondition, KubeEvent} from '../../kube/types.js';
import type {StoreView} from '../../store/types.js';
import {eventsOf, eventTime} from '../lookups.js';

/** One `label: value` line of a detail screen. */
export type DetailField = {readonly label: string; readonly value: string};

/** A job condition as shown: age is since its last transition. */
export type ConditionLine = {readonly type: string; readonly status: string; readonly reason: string; readonly message: string; readonly age: string};

/** An event as shown, e.g. `12s  Warning  BackOff  pod/x  Back-off restarting failed container` (×3). */
export type EventLine = {
	readonly uid: string;
	readonly age: string;
	readonly type: string;
	readonly reason: string;
	/** `job/name` or `pod/name`, like kubectl's OBJECT column. */
	readonly object: string;
	readonly message: string;
	readonly count: number;
};

/** How many recent events a detail screen keeps. */
export const recentEventCount = 20;

/** The conditions of an object, in the order the API lists them. */
export function conditionLines(conditions: readonly JobCondition[] | undefined, now: number): ConditionLine[] {
	return (conditions ?? []).map((condition) => ({
		type: condition.type,
		status: condition.status,
		reason: condition.reason ?? '',
		message: condition.message ?? '',
		age: translateTimestampSince(condition.lastTransitionTime, now),
	}));
}

/** The most recent events about the given objects, newest last, each with its age. */
export function recentEvents(snapshot: StoreView, uids: readonly string[], now: number, count = recentEventCount): EventLine[] {
	return eventsOf(snapshot, uids).slice(-count).map((event) => eventLine(event, now));
}

function eventLine(event: KubeEvent, now: number): EventLine {
	const time = eventTime(event);
	return {
		uid: event.metadata.uid ?? event.metadata.name ?? '',
		age: time === undefined ? '<unknown>' : translateTimestampSince(new Date(time).toISOString(), now),
		type: event.type ?? '',
		reason: event.reason ?? '',
		object: `${(event.involvedObject.kind ?? '').toLowerCase()}/${event.involvedObject.name ?? ''}`,
		message: (event.message ?? '').trim(),
		count: event.count === undefined || event.count === 0 ? 1 : event.count,
	};
}
