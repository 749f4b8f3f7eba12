/**
Small helpers shared by the table printers (ports of printers.go utilities).
*/

import type {Container} from '../types.js';
import type {TableColumnDefinition} from './table.js';

/**
Builds a column definition; `format` and `priority` default like Go's zero values.
*/
export function column(name: string, type: string, description: string, extra?: {format?: string; priority?: number}): TableColumnDefinition {
	return {name, type, format: extra?.format ?? '', description, priority: extra?.priority ?? 0};
}

/**
Port of layoutContainerCells: container names and images, each joined with ",".
*/
export function layoutContainerCells(containers: readonly Container[] | undefined): {names: string; images: string} {
	const list = containers ?? [];
	return {names: list.map(container => container.name ?? '').join(','), images: list.map(container => container.image ?? '').join(',')};
}

/**
Port of printBoolPtr: "<unset>" for nil, else "True"/"False" (a string, although the column type says boolean).
*/
export function printBoolPtr(value: boolean | null | undefined): string {
	if (value === undefined || value === null) {
		return '<unset>';
	}

	return value ? 'True' : 'False';
}
