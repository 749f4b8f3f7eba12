/**
The `kubectl get namespaces` table (NAME STATUS AGE): port of printNamespace in printers.go.
*/

import {creationTimestampDoc, nameDoc} from './column-docs.js';
import {translateTimestampSince} from '../duration.js';
import {column} from './helpers.js';
import type {TableColumnDefinition, TableRow} from './table.js';
import type {Namespace} from '../types.js';

/** The three namespace columns. */
export const namespaceColumns: TableColumnDefinition[] = [
	column('Name', 'string', nameDoc, {format: 'name'}),
	column('Status', 'string', 'The status of the namespace'),
	column('Age', 'string', creationTimestampDoc),
];

/**
One `kubectl get namespaces` row: name, phase (Active/Terminating) and age.
*/
export function printNamespace(namespace: Namespace, now: number): TableRow {
	return {cells: [namespace.metadata.name ?? '', namespace.status?.phase ?? '', translateTimestampSince(namespace.metadata.creationTimestamp, now)]};
}
