/**
The `kubectl get jobs` table: port of printJob in pkg/printers/internalversion/printers.go.
*/

import {containersDoc, creationTimestampDoc, imagesDoc, jobSelectorDoc, jobSucceededDoc, nameDoc} from './column-docs.js';
import {humanDuration, translateTimestampSince} from '../duration.js';
import {hasJobCondition} from '../job-state.js';
import {formatLabelSelector} from '../labels/selector.js';
import {column, layoutContainerCells} from './helpers.js';
import type {PrintOptions, TableColumnDefinition, TableRow} from './table.js';
import {timeOf, type Job} from '../types.js';

/** The eight job columns; the last three are wide-only (priority 1). */
export const jobColumns: TableColumnDefinition[] = [
	column('Name', 'string', nameDoc, {format: 'name'}),
	column('Status', 'string', 'Status of the job.'),
	column('Completions', 'string', jobSucceededDoc),
	column('Duration', 'string', 'Time required to complete the job.'),
	column('Age', 'string', creationTimestampDoc),
	column('Containers', 'string', containersDoc, {priority: 1}),
	column('Images', 'string', imagesDoc, {priority: 1}),
	column('Selector', 'string', jobSelectorDoc, {priority: 1}),
];

/**
kubectl's STATUS cell: Complete, Failed, Terminating, Suspended, FailureTarget, SuccessCriteriaMet or Running,
checked in that order against the first condition of each type.
*/
export function jobStatus(job: Job): string {
	if (hasJobCondition(job, 'Complete')) {
		return 'Complete';
	}

	if (hasJobCondition(job, 'Failed')) {
		return 'Failed';
	}

	if (job.metadata.deletionTimestamp) {
		return 'Terminating';
	}

	for (const type of ['Suspended', 'FailureTarget', 'SuccessCriteriaMet']) {
		if (hasJobCondition(job, type)) {
			return type;
		}
	}

	return 'Running';
}

/**
kubectl's COMPLETIONS cell: "1/3", or "0/1 of 4" for a work-queue job (no completions, parallelism > 1).
*/
export function jobCompletions(job: Job): string {
	const succeeded = job.status?.succeeded ?? 0;
	const completions = job.spec.completions;
	if (completions !== undefined && completions !== null) {
		return `${succeeded}/${completions}`;
	}

	const parallelism = job.spec.parallelism ?? 0;
	return parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
}

/**
kubectl's DURATION cell: "" before the job starts, completionTime - startTime once complete, otherwise
now - startTime (so a Failed job, which never gets a completionTime, keeps counting).
*/
export function jobDuration(job: Job, now: number): string {
	const start = timeOf(job.status?.startTime);
	if (start === undefined) {
		return '';
	}

	const completion = timeOf(job.status?.completionTime);
	return humanDuration((completion ?? now) - start);
}

/**
One `kubectl get jobs` row (all eight cells when wide).
*/
export function printJob(job: Job, now: number, options?: PrintOptions): TableRow {
	const cells: TableRow['cells'] = [
		job.metadata.name ?? '',
		jobStatus(job),
		jobCompletions(job),
		jobDuration(job, now),
		translateTimestampSince(job.metadata.creationTimestamp, now),
	];
	if (options?.wide) {
		const {names, images} = layoutContainerCells(job.spec.template?.spec?.containers);
		cells.push(names, images, formatLabelSelector(job.spec.selector));
	}

	return {cells};
}
