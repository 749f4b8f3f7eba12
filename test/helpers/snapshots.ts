/**
Test-only helpers: build a StoreView from plain arrays (with the indexes the store keeps) and load the upstream
printer vectors with their relative times resolved against a fixed `now`.
*/
import type {CronJob, Job, KubeEvent, Pod} from '../../source/kube/types.js';
import type {StoreView, WatchKind, WatchState} from '../../source/store/types.js';
import {readFixtureJson} from '../helpers/fixtures.js';

/** Everything a test may put in a snapshot; indexes are derived. */
export type SnapshotParts = {
	readonly jobs?: readonly Job[];
	readonly cronJobs?: readonly CronJob[];
	readonly pods?: readonly Pod[];
	readonly events?: readonly KubeEvent[];
	readonly deleted?: ReadonlyArray<{readonly object: Job | CronJob | Pod; readonly deletedAt: number}>;
	readonly changedAt?: Readonly<Record<string, number>>;
	readonly watch?: Partial<Record<WatchKind, WatchState>>;
};

/** Builds a snapshot the way the store would: maps by uid plus the pod→job, job→cronjob and event→object indexes. */
export function makeSnapshot(parts: SnapshotParts): StoreView {
	const jobs = byUid(parts.jobs ?? []);
	const cronJobs = byUid(parts.cronJobs ?? []);
	const pods = byUid(parts.pods ?? []);
	const events = byUid(parts.events ?? []);
	const podsByJob = new Map<string, Set<string>>();
	const jobsByCronJob = new Map<string, Set<string>>();
	const eventsByObject = new Map<string, Set<string>>();
	const deletedPods = (parts.deleted ?? []).map((entry) => entry.object).filter((object): object is Pod => object.kind === 'Pod');
	const deletedJobs = (parts.deleted ?? []).map((entry) => entry.object).filter((object): object is Job => object.kind === 'Job');
	for (const pod of [...pods.values(), ...deletedPods]) {
		const owner = pod.metadata.ownerReferences?.find((reference) => reference.controller && reference.kind === 'Job')?.uid
			?? pod.metadata.labels?.['batch.kubernetes.io/controller-uid'] ?? pod.metadata.labels?.['controller-uid'];
		if (owner) {
			add(podsByJob, owner, uidOf(pod));
		}
	}

	for (const job of [...jobs.values(), ...deletedJobs]) {
		const owner = job.metadata.ownerReferences?.find((reference) => reference.controller && reference.kind === 'CronJob')?.uid;
		if (owner) {
			add(jobsByCronJob, owner, uidOf(job));
		}
	}

	for (const event of events.values()) {
		if (event.involvedObject.uid) {
			add(eventsByObject, event.involvedObject.uid, uidOf(event));
		}
	}

	const live: WatchState = {phase: 'live', since: 0};
	return {
		version: 1,
		jobs,
		cronJobs,
		pods,
		events,
		podsByJob,
		jobsByCronJob,
		eventsByObject,
		deleted: new Map((parts.deleted ?? []).map((entry) => [uidOf(entry.object), {object: entry.object, deletedAt: entry.deletedAt}])),
		changedAt: new Map(Object.entries(parts.changedAt ?? {})),
		watch: {jobs: live, cronjobs: live, pods: live, events: live, ...parts.watch},
	};
}

function uidOf(object: {metadata: {uid?: string; name?: string}}): string {
	return object.metadata.uid ?? object.metadata.name ?? '';
}

function byUid<T extends {metadata: {uid?: string; name?: string}}>(objects: readonly T[]): Map<string, T> {
	return new Map(objects.map((object) => [uidOf(object), object]));
}

function add(index: Map<string, Set<string>>, key: string, value: string): void {
	const set = index.get(key) ?? new Set<string>();
	set.add(value);
	index.set(key, set);
}

/** The ISO text of an epoch-ms instant (milliseconds kept). */
export function iso(ms: number): string {
	return new Date(ms).toISOString();
}

/** Reads a JSON file from test/fixtures (relative path). */
export function fixture<T = unknown>(relativePath: string): T {
	return readFixtureJson<T>(relativePath);
}

/** Replaces the upstream `$offsetSeconds` / `$addDate` markers with RFC 3339 strings relative to `now`. */
export function resolveTimes(value: unknown, now: number): unknown {
	if (Array.isArray(value)) {
		return value.map((item) => resolveTimes(item, now));
	}

	if (value === null || typeof value !== 'object') {
		return value;
	}

	const record = value as Record<string, unknown>;
	if (typeof record.$offsetSeconds === 'number') {
		return iso(now + record.$offsetSeconds * 1000);
	}

	if (record.$addDate && typeof record.$addDate === 'object') {
		const {years = 0, months = 0, days = 0} = record.$addDate as {years?: number; months?: number; days?: number};
		const date = new Date(now);
		date.setUTCFullYear(date.getUTCFullYear() + years, date.getUTCMonth() + months, date.getUTCDate() + days);
		const plus = typeof record.$plusSeconds === 'number' ? record.$plusSeconds * 1000 : 0;
		return iso(date.getTime() + plus);
	}

	return Object.fromEntries(Object.entries(record).map(([key, item]) => [key, resolveTimes(item, now)]));
}
