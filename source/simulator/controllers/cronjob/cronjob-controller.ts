/**
The CronJob controller v2, after
https://github.com/kubernetes/kubernetes/blob/v1.34.0/pkg/controller/cronjob/cronjob_controllerv2.go: reconciles child
Jobs into status.active / lastSuccessfulTime, starts the most recent due schedule (timeZone, startingDeadlineSeconds,
Forbid / Replace), names Jobs `<cronjob>-<minutes>`, and trims finished history to the limits. Schedule maths comes
from kube/cron/schedule.ts.
*/
import {type Schedule, mostRecentScheduleTime, parseSchedule} from '../../../kube/cron/schedule.js';
import {isJobFinished, jobFinishedCondition} from '../../../kube/job-state.js';
import {cronJobChildName, jobFromTemplate, oldFinishedJobs} from './cronjob-jobs.js';
import type {CronJob, Job} from '../../../kube/types.js';
import {cronJobSubject} from '../events.js';
import {prepareJobForCreate} from '../job/job-defaults.js';
import {controllerOf, deleteObject, forEachObject, rfc3339, sameJson} from '../objects.js';
import type {ControllerRuntime} from '../runtime.js';
import {rfc1123z} from '../rfc1123.js';

const source = {component: 'cronjob-controller'};

export {cronJobChildName} from './cronjob-jobs.js';

/** What one sync did (for tests and the upstream vectors). */
export type CronSyncResult = {created?: string; deleted: string[]};

/** The CronJob controller. */
export class CronJobController {
	readonly #runtime: ControllerRuntime;
	readonly #schedules = new Map<string, Schedule | Error>();
	// Warnings the real controller repeats on every sync are recorded once per cause here.
	readonly #said = new Set<string>();
	readonly #firstRun = new Map<string, {key: string; schedule: Schedule; at: number | undefined}>();

	constructor(runtime: ControllerRuntime) {
		this.#runtime = runtime;
	}

	/** One pass over every CronJob. */
	reconcile(now: number): void {
		const {store} = this.#runtime;
		const cronJobs = store.list<CronJob>('CronJob');
		if (cronJobs.length === 0) {
			return;
		}

		const byOwner = new Map<string, Job[]>();
		for (const job of store.list<Job>('Job')) {
			const owner = controllerOf(job);
			if (owner?.kind === 'CronJob') {
				byOwner.set(owner.uid, [...(byOwner.get(owner.uid) ?? []), job]);
			}
		}

		const uids = new Set(cronJobs.map(cronJob => cronJob.metadata.uid ?? ''));
		for (const uid of this.#firstRun.keys()) {
			if (!uids.has(uid)) {
				this.#firstRun.delete(uid);
			}
		}

		forEachObject(cronJobs, cronJob => {
			this.sync(cronJob, now, (byOwner.get(cronJob.metadata.uid ?? '') ?? []).filter(job => job.metadata.namespace === cronJob.metadata.namespace));
		});
	}

	#once(key: string, cronJob: CronJob, now: number, type: 'Normal' | 'Warning', reason: string, message: string): void {
		const full = `${cronJob.metadata.uid}/${key}`;
		if (!this.#said.has(full)) {
			this.#said.add(full);
			this.#runtime.events.record(now, cronJobSubject(cronJob), type, reason, message, source);
		}
	}

	#event(cronJob: CronJob, now: number, type: 'Normal' | 'Warning', reason: string, message: string): void {
		this.#runtime.events.record(now, cronJobSubject(cronJob), type, reason, message, source);
	}

	#schedule(cronJob: CronJob, now: number): Schedule | Error {
		// Legacy objects may carry TZ= in the schedule (rejected on create since 1.29): it wins over timeZone.
		const legacy = /^(?:CRON_)?TZ=(\S+)\s+(.*)$/.exec(cronJob.spec.schedule.trim());
		if (legacy) {
			this.#once(`unsupported/${cronJob.spec.schedule}`, cronJob, now, 'Warning', 'UnsupportedSchedule', `CRON_TZ or TZ used in schedule ${JSON.stringify(cronJob.spec.schedule)} is not officially supported, see https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/ for more details`);
		}

		const [text, zone] = legacy ? [legacy[2]!, legacy[1]!] : [cronJob.spec.schedule, cronJob.spec.timeZone];
		const key = `${text}\u0000${zone ?? ''}`;
		let parsed = this.#schedules.get(key);
		if (!parsed) {
			try {
				parsed = parseSchedule(text, zone);
			} catch (error) {
				parsed = error instanceof Error ? error : new Error(String(error));
			}

			this.#schedules.set(key, parsed);
		}

		return parsed;
	}

	/** syncCronJob for one CronJob at `now`; `children` are the Jobs it controls (listed here when omitted). */
	sync(initial: CronJob, now: number, children?: Job[]): CronSyncResult {
		const {store} = this.#runtime;
		const result: CronSyncResult = {deleted: []};
		const cronJob = structuredClone(initial);
		const uid = cronJob.metadata.uid ?? '';
		const status = (cronJob.status ??= {});
		children ??= store.list<Job>('Job', cronJob.metadata.namespace).filter(job => controllerOf(job)?.uid === uid);
		let active = [...(status.active ?? [])];

		// 1. Children → status.
		for (const job of children) {
			const inActive = active.some(reference => reference.uid === job.metadata.uid);
			const finished = isJobFinished(job);
			if (inActive && finished) {
				active = active.filter(reference => reference.uid !== job.metadata.uid);
				this.#event(cronJob, now, 'Normal', 'SawCompletedJob', `Saw completed job: ${job.metadata.name}, status: ${jobFinishedCondition(job)?.type}`);
			} else if (!inActive && !finished && !job.metadata.deletionTimestamp) {
				this.#once(`unexpected/${job.metadata.uid}`, cronJob, now, 'Warning', 'UnexpectedJob', `Saw a job that the controller did not create or forgot: ${job.metadata.name}`);
			}

			const completedAt = Date.parse(job.status?.completionTime ?? '');
			if (finished && jobFinishedCondition(job)?.type === 'Complete' && !Number.isNaN(completedAt) && completedAt > (Date.parse(status.lastSuccessfulTime ?? '') || 0)) {
				status.lastSuccessfulTime = rfc3339(completedAt);
			}
		}

		for (const reference of [...active]) {
			if (!children.some(job => job.metadata.uid === reference.uid)) {
				active = active.filter(other => other !== reference);
				this.#event(cronJob, now, 'Normal', 'MissingJob', `Active job went missing: ${reference.name}`);
			}
		}

		status.active = active;
		const due = this.#due(cronJob, now);
		if (due !== undefined) {
			this.#start(cronJob, due, now, result);
		}

		// Jobs started in this sync are not finished, and Replace only deletes unfinished ones: the list is current enough.
		const remaining = children.filter(job => !job.metadata.deletionTimestamp && !result.deleted.includes(job.metadata.name ?? ''));
		for (const job of oldFinishedJobs(cronJob, remaining)) {
			deleteObject(store, 'Job', job, now, 'Background');
			result.deleted.push(job.metadata.name ?? '');
			this.#event(cronJob, now, 'Normal', 'SuccessfulDelete', `Deleted job ${job.metadata.name}`);
		}

		const next = cronJob.status ?? {};
		if ((next.active?.length ?? 0) === 0) {
			delete next.active;
		}

		if (!sameJson(next, initial.status ?? {})) {
			const current = store.get<CronJob>('CronJob', cronJob.metadata.namespace, cronJob.metadata.name ?? '');
			if (current?.metadata.uid === uid) {
				store.update('CronJob', {...structuredClone(current), status: next});
			}
		}

		return result;
	}

	// The schedule time to start now, after the checks of steps 2–6; undefined when nothing should start.
	#due(cronJob: CronJob, now: number): number | undefined {
		if (cronJob.metadata.deletionTimestamp || cronJob.spec.suspend) {
			return undefined;
		}

		const schedule = this.#schedule(cronJob, now);
		if (schedule instanceof Error) {
			const reason = schedule.message.startsWith('invalid timeZone') ? 'UnknownTimeZone' : 'UnparseableSchedule';
			this.#once(`schedule/${cronJob.spec.schedule}/${cronJob.spec.timeZone ?? ''}`, cronJob, now, 'Warning', reason, reason === 'UnknownTimeZone' ? schedule.message : `unparseable schedule: ${JSON.stringify(cronJob.spec.schedule)} : ${schedule.message}`);
			return undefined;
		}

		// Nothing can be due before the first run after lastScheduleTime/creation (startingDeadlineSeconds only moves it
		// later), so the schedule maths is skipped until then.
		const earliest = Date.parse(cronJob.status?.lastScheduleTime ?? '') || Date.parse(cronJob.metadata.creationTimestamp ?? '') || 0;
		const firstKey = `${earliest}`;
		let first = this.#firstRun.get(cronJob.metadata.uid ?? '');
		if (first?.key !== firstKey || first.schedule !== schedule) {
			first = {key: firstKey, schedule, at: schedule.next(earliest)};
			this.#firstRun.set(cronJob.metadata.uid ?? '', first);
		}

		if (first.at === undefined || now < first.at) {
			return undefined;
		}

		let scheduled: number | undefined;
		try {
			const recent = mostRecentScheduleTime(cronJob, now, {schedule});
			scheduled = recent.mostRecent;
			if (recent.missed === 'many' && scheduled !== undefined) {
				this.#once(`many/${scheduled}`, cronJob, now, 'Warning', 'TooManyMissedTimes', 'too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew');
			}
		} catch (error) {
			this.#once(`invalid/${cronJob.spec.schedule}`, cronJob, now, 'Warning', 'InvalidSchedule', `invalid schedule: ${cronJob.spec.schedule} : ${(error as Error).message}`);
			return undefined;
		}

		if (scheduled === undefined || scheduled > now) {
			return undefined;
		}

		const deadline = cronJob.spec.startingDeadlineSeconds;
		if (deadline !== undefined && deadline !== null && scheduled + (deadline * 1000) < now) {
			this.#once(`miss/${scheduled}`, cronJob, now, 'Warning', 'MissSchedule', `Missed scheduled time to start a job: ${rfc1123z(scheduled)}`);
			return undefined;
		}

		const name = cronJobChildName(cronJob, scheduled);
		const status = cronJob.status ?? {};
		if (Date.parse(status.lastScheduleTime ?? '') === scheduled || status.active?.some(reference => reference.name === name)) {
			return undefined;
		}

		if (cronJob.spec.concurrencyPolicy === 'Forbid' && (status.active?.length ?? 0) > 0) {
			this.#once(`forbid/${scheduled}`, cronJob, now, 'Normal', 'JobAlreadyActive', 'Not starting job because prior execution is running and concurrency policy is Forbid');
			return undefined;
		}

		return scheduled;
	}

	#start(cronJob: CronJob, scheduled: number, now: number, result: CronSyncResult): void {
		const {store} = this.#runtime;
		const status = cronJob.status!;
		if (cronJob.spec.concurrencyPolicy === 'Replace') {
			for (const reference of status.active ?? []) {
				const job = store.get<Job>('Job', cronJob.metadata.namespace, reference.name ?? '');
				if (job && job.metadata.uid === reference.uid) {
					deleteObject(store, 'Job', job, now, 'Background');
					result.deleted.push(job.metadata.name ?? '');
					this.#event(cronJob, now, 'Normal', 'SuccessfulDelete', `Deleted job ${job.metadata.name}`);
				}
			}

			status.active = [];
		}

		const name = cronJobChildName(cronJob, scheduled);
		let job = store.get<Job>('Job', cronJob.metadata.namespace, name);
		if (job) {
			// AlreadyExists: adopt it only when this CronJob controls it.
			if (controllerOf(job)?.uid !== cronJob.metadata.uid) {
				return;
			}
		} else {
			const draft = jobFromTemplate(cronJob, scheduled, now);
			job = store.create('Job', prepareJobForCreate(draft, store.newUid()));
			result.created = name;
			this.#event(cronJob, now, 'Normal', 'SuccessfulCreate', `Created job ${name}`);
		}

		status.active = [...(status.active ?? []).filter(reference => reference.uid !== job.metadata.uid), {
			kind: 'Job', namespace: job.metadata.namespace, name: job.metadata.name, uid: job.metadata.uid, apiVersion: 'batch/v1', resourceVersion: job.metadata.resourceVersion,
		}];
		status.lastScheduleTime = rfc3339(scheduled);
	}
}
