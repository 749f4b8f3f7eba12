/**
The `kubectl get cronjobs` table: port of printCronJob in pkg/printers/internalversion/printers.go.
*/

import {containersDoc, creationTimestampDoc, cronJobDocs, imagesDoc, jobSelectorDoc, nameDoc} from './column-docs.js';
import {translateTimestampSince} from '../duration.js';
import {formatLabelSelector} from '../labels/selector.js';
import {column, layoutContainerCells, printBoolPtr} from './helpers.js';
import type {PrintOptions, TableColumnDefinition, TableRow} from './table.js';
import type {CronJob} from '../types.js';

/** The ten cronjob columns; the last three are wide-only (priority 1). */
export const cronJobColumns: TableColumnDefinition[] = [
	column('Name', 'string', nameDoc, {format: 'name'}),
	column('Schedule', 'string', cronJobDocs.schedule),
	column('Timezone', 'string', cronJobDocs.timeZone),
	column('Suspend', 'boolean', cronJobDocs.suspend),
	column('Active', 'integer', cronJobDocs.active),
	column('Last Schedule', 'string', cronJobDocs.lastScheduleTime),
	column('Age', 'string', creationTimestampDoc),
	column('Containers', 'string', containersDoc, {priority: 1}),
	column('Images', 'string', imagesDoc, {priority: 1}),
	column('Selector', 'string', jobSelectorDoc, {priority: 1}),
];

/**
One `kubectl get cronjobs` row. SUSPEND is the string "True"/"False"/"<unset>" and ACTIVE a number, as upstream.
*/
export function printCronJob(cronJob: CronJob, now: number, options?: PrintOptions): TableRow {
	const {spec, status} = cronJob;
	const lastSchedule = status?.lastScheduleTime ? translateTimestampSince(status.lastScheduleTime, now) : '<none>';
	const cells: TableRow['cells'] = [
		cronJob.metadata.name ?? '',
		spec.schedule,
		spec.timeZone ?? '<none>',
		printBoolPtr(spec.suspend),
		status?.active?.length ?? 0,
		lastSchedule,
		translateTimestampSince(cronJob.metadata.creationTimestamp, now),
	];
	if (options?.wide) {
		const jobSpec = spec.jobTemplate?.spec;
		const {names, images} = layoutContainerCells(jobSpec?.template?.spec?.containers);
		cells.push(names, images, formatLabelSelector(jobSpec?.selector));
	}

	return {cells};
}
