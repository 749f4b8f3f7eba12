/**
The Job a CronJob creates for one scheduled time: port of getJobFromTemplate2 / getJobName in
https://github.com/kubernetes/kubernetes/blob/v1.34.0/pkg/controller/cronjob/utils.go and cronjob_controllerv2.go,
plus Go's RFC 3339 formatting in a time zone.
*/

import type {CronJob, Job} from '../types.js';

/** batchv1.CronJobScheduledTimestampAnnotation */
export const cronJobScheduledTimestampAnnotation = 'batch.kubernetes.io/cronjob-scheduled-timestamp';

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/**
Formats epoch ms like Go's `t.In(zone).Format(time.RFC3339)`: whole seconds, "Z" for a zero offset, else "+02:00".
Throws RangeError for an unknown zone.
*/
export function formatRfc3339InZone(ms: number, timeZone?: string | null): string {
	const zone = timeZone || 'UTC';
	const seconds = Math.floor(ms / 1000) * 1000;
	const parts = Object.fromEntries(zoneFormatter(zone).formatToParts(new Date(seconds)).map(part => [part.type, part.value]));
	const local = Date.UTC(Number(parts['year']), Number(parts['month']) - 1, Number(parts['day']), Number(parts['hour']), Number(parts['minute']), Number(parts['second']));
	const offsetMinutes = Math.round((local - seconds) / 60_000);
	const sign = offsetMinutes < 0 ? '-' : '+';
	const offset = offsetMinutes === 0 ? 'Z' : `${sign}${pad(Math.trunc(Math.abs(offsetMinutes) / 60))}:${pad(Math.abs(offsetMinutes) % 60)}`;
	const date = new Date(local);
	return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}${offset}`;
}

// Building an Intl.DateTimeFormat costs far more than using one, and the screen formats cron times every second.
const formatters = new Map<string, Intl.DateTimeFormat>();

function zoneFormatter(timeZone: string): Intl.DateTimeFormat {
	let format = formatters.get(timeZone);
	if (!format) {
		format = new Intl.DateTimeFormat('en-US', {
			timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
		});
		formatters.set(timeZone, format);
	}

	return format;
}

/**
The deterministic child Job name "<cronjob>-<minutes since the epoch>" (getJobName), so a retry cannot duplicate it.
*/
export function scheduledJobName(cronJobName: string, scheduledTime: number): string {
	return `${cronJobName}-${Math.floor(scheduledTime / 60_000)}`;
}

/**
Port of getJobFromTemplate2: the Job to create for `scheduledTime` — template labels, template annotations plus the
scheduled-timestamp annotation (in the CronJob's time zone), the deterministic name, a controller ownerReference and
a deep copy of the job template spec. Unlike Go it also sets the namespace, which the caller would pass separately.
*/
export function jobFromCronJob(cronJob: CronJob, scheduledTime: number): Job {
	const template = cronJob.spec.jobTemplate;
	return {
		apiVersion: 'batch/v1',
		kind: 'Job',
		metadata: {
			name: scheduledJobName(cronJob.metadata.name ?? '', scheduledTime),
			namespace: cronJob.metadata.namespace,
			labels: {...template.metadata?.labels},
			annotations: {...template.metadata?.annotations, [cronJobScheduledTimestampAnnotation]: formatRfc3339InZone(scheduledTime, cronJob.spec.timeZone)},
			creationTimestamp: new Date(scheduledTime).toISOString().replace('.000Z', 'Z'),
			ownerReferences: [{apiVersion: 'batch/v1', kind: 'CronJob', name: cronJob.metadata.name ?? '', uid: cronJob.metadata.uid ?? '', controller: true, blockOwnerDeletion: true}],
		},
		spec: structuredClone(template.spec),
	};
}
