/**
The list entries of jobs, pods and cron jobs. Job and pod entries are remembered on the objects they come from (the
store replaces an object when it changes), so a view rebuilds only the entries of what changed; cron job entries carry
their time cells too (NEXT's missed-run warning is what their tone and the filter go by) and are built per frame.
*/
import {jobStatus} from '../../kube/printers/job.js';
import type {CronJob, Job, Pod} from '../../kube/types.js';
import {timeOf} from '../../kube/types.js';
import type {StoreView} from '../../store/types.js';
import {cronJobCells, cronJobColumns} from '../rows/cronjob-rows.js';
import {jobColumns, jobStaticCells, jobTimeCells, jobTimeWidths} from '../rows/job-rows.js';
import type {JobState} from '../rows/job-status.js';
import {type ListEntry, listEntry} from './list-entry.js';
import {podColumns, podStaticCells, podTimeCells, podTimeWidths, podTone} from '../rows/pod-rows.js';
import type {JobStates} from './row-cache.js';
import {stoppedAt, uidOf} from '../row-flags.js';

type Pair = {live?: ListEntry; deleted?: ListEntry};

const noLabels: Readonly<Record<string, string>> = {};
const jobColumnIds = jobColumns(true).map((column) => column.id);
const podColumnIds = podColumns(true).map((column) => column.id);
const cronJobColumnIds = cronJobColumns(true).map((column) => column.id);

function remembered<K extends object>(cache: WeakMap<K, Pair>, key: K, deleted: boolean, build: () => ListEntry): ListEntry {
	let pair = cache.get(key);
	if (!pair) {
		pair = {};
		cache.set(key, pair);
	}

	const slot = deleted ? 'deleted' : 'live';
	return pair[slot] ??= build();
}

function common(object: Job | Pod | CronJob, deleted: boolean) {
	const {metadata} = object;
	return {
		id: uidOf(object),
		deleted,
		namespace: metadata.namespace ?? '',
		name: metadata.name ?? '',
		created: timeOf(metadata.creationTimestamp) ?? 0,
		labels: metadata.labels ?? noLabels,
	};
}

/**
The entries of one engine's views. The same object comes back for the same job state (a new object whenever the job
or its pods change) or pod, which is what lets a kept order tell a changed entry from an unchanged one by identity.
*/
export class ListEntries {
	readonly #jobStates: JobStates;
	// Keyed by the job's remembered state (JobStates), which is a new object whenever the job or its pods change.
	readonly #jobEntries = new WeakMap<JobState, Pair>();
	readonly #podEntries = new WeakMap<Pod, Pair>();

	/** Entries whose job statuses come from `jobStates`. */
	constructor(jobStates: JobStates) {
		this.#jobStates = jobStates;
	}

	/**
	A job's entry (a tombstone's when `deletedAt` is given: its clocks stop there), the same object while the job and
	its pods are.
	*/
	job(job: Job, snapshot: StoreView, deletedAt?: number): ListEntry {
		const deleted = deletedAt !== undefined;
		const state = this.#jobStates.state(job, snapshot);
		return remembered(this.#jobEntries, state, deleted, () => listEntry({
			...common(job, deleted),
			kind: 'jobs',
			columnIds: jobColumnIds,
			completed: jobStatus(job) === 'Complete',
			tone: deleted ? 'muted' : state.tone,
			// A tombstone's clocks stopped when it was seen deleted: its time cells are fixed text from then on.
			...(deletedAt === undefined
				? {cells: jobStaticCells(job, state, false), timeWidths: jobTimeWidths(job, state, false), timeCells: (now: number) => jobTimeCells(job, state, now, false)}
				: {cells: {...jobStaticCells(job, state, true), ...jobTimeCells(job, state, deletedAt, true)}}),
		}));
	}

	/** A pod's entry (a tombstone's when `deletedAt` is given: its clocks stop there), the same object while the pod is. */
	pod(pod: Pod, deletedAt?: number): ListEntry {
		const deleted = deletedAt !== undefined;
		return remembered(this.#podEntries, pod, deleted, () => listEntry({
			...common(pod, deleted),
			kind: 'pods',
			columnIds: podColumnIds,
			completed: pod.status?.phase === 'Succeeded',
			tone: deleted ? 'muted' : podTone(pod),
			...(deletedAt === undefined
				? {cells: podStaticCells(pod, false), timeWidths: podTimeWidths(pod), timeCells: (now: number) => podTimeCells(pod, now)}
				: {cells: {...podStaticCells(pod, true), ...podTimeCells(pod, deletedAt)}}),
		}));
	}

	/** A cron job's entry at `now` (a tombstone's clocks stop at `deletedAt`), every cell included (a new object each time). */
	cronJob(cronJob: CronJob, snapshot: StoreView, now: number, deletedAt?: number): ListEntry {
		const deleted = deletedAt !== undefined;
		const {cells, tone} = cronJobCells(cronJob, snapshot, stoppedAt(now, deletedAt), deleted);
		return listEntry({...common(cronJob, deleted), kind: 'cronjobs', columnIds: cronJobColumnIds, completed: false, tone, cells});
	}
}
