/**
The `kubectl get events` table: port of printEvent in pkg/printers/internalversion/printers.go.
*/

import {eventDocs, nameDoc} from './column-docs.js';
import {translateTimestampSince} from '../duration.js';
import {column} from './helpers.js';
import type {PrintOptions, TableColumnDefinition, TableRow} from './table.js';
import {timeOf, type KubeEvent} from '../types.js';

export {namespaceColumns, printNamespace} from './namespace.js';

/** The ten event columns in wide order; Subobject, Source, First Seen, Count and Name are wide-only. */
export const eventColumns: TableColumnDefinition[] = [
	column('Last Seen', 'string', eventDocs.lastTimestamp),
	column('Type', 'string', eventDocs.type),
	column('Reason', 'string', eventDocs.reason),
	column('Object', 'string', eventDocs.involvedObject),
	column('Subobject', 'string', eventDocs.fieldPath, {priority: 1}),
	column('Source', 'string', eventDocs.source, {priority: 1}),
	column('Message', 'string', eventDocs.message),
	column('First Seen', 'string', eventDocs.firstTimestamp, {priority: 1}),
	column('Count', 'string', eventDocs.count, {priority: 1}),
	column('Name', 'string', nameDoc, {priority: 1, format: 'name'}),
];

/**
The SOURCE cell: "component, host", falling back to reportingComponent / reportingInstance (events.k8s.io events).
*/
export function formatEventSource(event: KubeEvent): string {
	const component = event.source?.component || event.reportingComponent || '';
	const instance = event.source?.host || event.reportingInstance || '';
	return instance ? `${component}, ${instance}` : component;
}

/**
The OBJECT cell: "job/demo", "pod/demo-abcde", or just the lower-cased kind when the name is empty.
*/
export function eventObject(event: KubeEvent): string {
	const kind = (event.involvedObject.kind ?? '').toLowerCase();
	return event.involvedObject.name ? `${kind}/${event.involvedObject.name}` : kind;
}

/**
The times and count kubectl shows: firstTimestamp (else eventTime), lastTimestamp (else first seen), series
overriding last seen and count, and a missing count shown as 1.
*/
export function eventTiming(event: KubeEvent, now: number): {lastSeen: string; firstSeen: string; count: number} {
	const firstSeen = translateTimestampSince(timeOf(event.firstTimestamp) === undefined ? event.eventTime : event.firstTimestamp, now);
	let lastSeen = timeOf(event.lastTimestamp) === undefined ? firstSeen : translateTimestampSince(event.lastTimestamp, now);
	let count = event.count ?? 0;
	if (event.series) {
		lastSeen = translateTimestampSince(event.series.lastObservedTime, now);
		count = event.series.count ?? 0;
	} else if (count === 0) {
		// Singleton events don't have a count set in the new API.
		count = 1;
	}

	return {lastSeen, firstSeen, count};
}

/**
One `kubectl get events` row: LAST SEEN, TYPE, REASON, OBJECT, MESSAGE (plus the wide columns in their places).
*/
export function printEvent(event: KubeEvent, now: number, options?: PrintOptions): TableRow {
	const {lastSeen, firstSeen, count} = eventTiming(event, now);
	const message = (event.message ?? '').trim();
	const head = [lastSeen, event.type ?? '', event.reason ?? '', eventObject(event)];
	if (options?.wide) {
		return {cells: [...head, event.involvedObject.fieldPath ?? '', formatEventSource(event), message, firstSeen, count, event.metadata.name ?? '']};
	}

	return {cells: [...head, message]};
}
