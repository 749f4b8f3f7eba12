/**
`d` on a job or a cron job: the fields that matter, like kubectl describe, plus the job's pods and the events.
*/
import {jobDuration} from '../../kube/printers/job.js';
import {podReady, podStatusReason} from '../../kube/printers/pod.js';
import {nextRuns} from '../../kube/cron/schedule.js';
import type {CronJob, Job, KubeEvent, Pod} from '../../kube/types.js';
import {translateTimestampSince, translateTimestampUntil} from '../../kube/duration.js';
import {conditionTable, controlledBy, eventTable, type Field, fieldLines, mapLines, templateLines, timeWithAge} from './parts.js';

function selectorText(job: Job): string {
	const labels = job.spec.selector?.matchLabels ?? {};
	const parts = Object.entries(labels).map(([key, value]) => `${key}=${value}`);
	for (const expression of job.spec.selector?.matchExpressions ?? []) {
		parts.push(`${expression.key} ${expression.operator.toLowerCase()} (${(expression.values ?? []).join(',')})`);
	}

	return parts.length > 0 ? parts.join(',') : '<none>';
}

function podLines(pods: readonly Pod[], now: number): string[] {
	if (pods.length === 0) {
		return ['Pods:  <none>'];
	}

	const rows = pods.map(pod => [pod.metadata.name ?? '', podReady(pod), podStatusReason(pod), pod.spec.nodeName ?? '<none>', translateTimestampSince(pod.metadata.creationTimestamp, now)]);
	const header = ['Name', 'Ready', 'Status', 'Node', 'Age'];
	const widths = header.map((title, column) => Math.max(title.length, ...rows.map(row => (row[column] ?? '').length)));
	const line = (cells: readonly string[]) => `  ${cells.map((cell, column) => cell.padEnd((widths[column] ?? 0) + 2)).join('')}`.trimEnd();
	return ['Pods:', line(header), ...rows.map(row => line(row))];
}

/** The description of a job: its pods (oldest first) and the events about it and them. */
export function describeJob(job: Job, pods: readonly Pod[], events: readonly KubeEvent[], now: number): string[] {
	const {spec, status = {}} = job;
	const fields: Field[] = [
		['Name', job.metadata.name ?? ''],
		['Namespace', job.metadata.namespace ?? ''],
		['Selector', selectorText(job)],
		['Labels', mapLines(job.metadata.labels)],
		['Annotations', mapLines(job.metadata.annotations)],
	];
	const owner = controlledBy(job.metadata.ownerReferences);
	if (owner) {
		fields.push(['Controlled By', owner]);
	}

	fields.push(
		['Parallelism', String(spec.parallelism ?? 1)],
		['Completions', spec.completions === null || spec.completions === undefined ? '<unset>' : String(spec.completions)],
		['Completion Mode', spec.completionMode ?? 'NonIndexed'],
		['Suspend', String(spec.suspend ?? false)],
		['Backoff Limit', String(spec.backoffLimit ?? 6)],
	);
	if (spec.activeDeadlineSeconds !== undefined) {
		fields.push(['Active Deadline Seconds', `${spec.activeDeadlineSeconds}s`]);
	}

	if (spec.ttlSecondsAfterFinished !== undefined) {
		fields.push(['TTL Seconds After Finished', String(spec.ttlSecondsAfterFinished)]);
	}

	fields.push(['Start Time', timeWithAge(status.startTime, now)]);
	if (status.completionTime) {
		fields.push(['Completed At', timeWithAge(status.completionTime, now)]);
	}

	if (status.startTime) {
		fields.push(['Duration', jobDuration(job, now)]);
	}

	if (job.metadata.deletionTimestamp) {
		fields.push(['Terminating Since', timeWithAge(job.metadata.deletionTimestamp, now)]);
	}

	fields.push(['Pods Statuses', `${status.active ?? 0} Active (${status.ready ?? 0} Ready) / ${status.succeeded ?? 0} Succeeded / ${status.failed ?? 0} Failed`]);
	if (spec.completionMode === 'Indexed') {
		fields.push(['Completed Indexes', status.completedIndexes || '<none>']);
	}

	return [...fieldLines(fields), ...templateLines(spec.template), ...conditionTable(status.conditions, now), ...podLines(pods, now), ...eventTable(events, now)];
}

/** The description of a cron job: schedule, policies, last and next runs, its jobs (oldest first) and events. */
export function describeCronJob(cronJob: CronJob, jobs: readonly Job[], events: readonly KubeEvent[], now: number): string[] {
	const {spec, status = {}} = cronJob;
	let next = '<unknown>';
	try {
		const at = spec.suspend ? undefined : nextRuns(spec.schedule, spec.timeZone, now, 1)[0];
		const iso = at === undefined ? undefined : new Date(at).toISOString().replace('.000Z', 'Z');
		next = spec.suspend ? '<suspended>' : (iso === undefined ? '<none>' : `${iso} (in ${translateTimestampUntil(iso, now)})`);
	} catch {
		next = '<invalid schedule>';
	}

	const fields: Field[] = [
		['Name', cronJob.metadata.name ?? ''],
		['Namespace', cronJob.metadata.namespace ?? ''],
		['Labels', mapLines(cronJob.metadata.labels)],
		['Annotations', mapLines(cronJob.metadata.annotations)],
		['Schedule', spec.schedule],
		['Time Zone', spec.timeZone ?? '<unset>'],
		['Concurrency Policy', spec.concurrencyPolicy ?? 'Allow'],
		['Suspend', String(spec.suspend ?? false)],
		['Successful Job History Limit', String(spec.successfulJobsHistoryLimit ?? 3)],
		['Failed Job History Limit', String(spec.failedJobsHistoryLimit ?? 1)],
		['Starting Deadline Seconds', spec.startingDeadlineSeconds === null || spec.startingDeadlineSeconds === undefined ? '<unset>' : `${spec.startingDeadlineSeconds}s`],
		['Last Schedule Time', timeWithAge(status.lastScheduleTime, now)],
		['Last Successful Time', timeWithAge(status.lastSuccessfulTime, now)],
		['Next Schedule Time', next],
		['Active Jobs', (status.active ?? []).map(reference => reference.name ?? '')],
		['Jobs', jobs.map(job => job.metadata.name ?? '')],
	];
	const template = spec.jobTemplate;
	return [
		...fieldLines(fields),
		'Job Template:',
		...fieldLines([
			['Labels', mapLines(template.metadata?.labels)],
			['Annotations', mapLines(template.metadata?.annotations)],
			['Parallelism', String(template.spec.parallelism ?? 1)],
			['Completions', template.spec.completions === null || template.spec.completions === undefined ? '<unset>' : String(template.spec.completions)],
			['Backoff Limit', String(template.spec.backoffLimit ?? 6)],
		], '  '),
		...templateLines(template.spec.template).map(line => `  ${line}`),
		...eventTable(events, now),
	];
}
