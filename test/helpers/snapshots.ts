/**
Test-only helpers: build a store view from plain arrays (through the real store, so it holds exactly what the store
would) and load the upstream printer vectors with their relative times resolved against a fixed `now`.
*/
import type {CronJob, Job, KubeEvent, KubeObject, Pod} from '../../source/kube/types.js';
import {createManualClock} from '../../source/store/clock.js';
import {createResourceStore} from '../../source/store/resource-store.js';
import type {StoreView, WatchKind, WatchState} from '../../source/store/types.js';
import {isCronJob, isPod} from '../../source/view-model/lookups.js';
import {readFixtureJson} from '../helpers/fixtures.js';

/** Everything a test may put in a view; the store derives the rest (its indexes). */
export type SnapshotParts = {
	readonly jobs?: readonly Job[];
	readonly cronJobs?: readonly CronJob[];
	readonly pods?: readonly Pod[];
	readonly events?: readonly KubeEvent[];
	/** Tombstones: each object is listed, then deleted at `deletedAt` (which also highlights it then, as the store does). */
	readonly deleted?: ReadonlyArray<{readonly object: Job | CronJob | Pod; readonly deletedAt: number}>;
	/** Live objects last changed at the given time (upserted then); the others arrive in the first list, unhighlighted. */
	readonly changedAt?: Readonly<Record<string, number>>;
	readonly watch?: Partial<Record<WatchKind, WatchState>>;
};

const kinds: readonly WatchKind[] = ['jobs', 'cronjobs', 'pods', 'events'];

/** Feeds `parts` to a fresh store (every watch live unless `watch` says otherwise) and returns the view it publishes. */
export function makeSnapshot(parts: SnapshotParts): StoreView {
	const clock = createManualClock(0);
	// Tombstones stay however old they are: the tests pick their deletion times against their own `now`.
	const store = createResourceStore({clock, tombstoneMs: Number.POSITIVE_INFINITY});
	const changedAt = parts.changedAt ?? {};
	const deleted = parts.deleted ?? [];
	const live: Record<WatchKind, readonly KubeObject[]> = {jobs: parts.jobs ?? [], cronjobs: parts.cronJobs ?? [], pods: parts.pods ?? [], events: parts.events ?? []};
	for (const kind of kinds) {
		const listed = [...live[kind].filter((object) => changedAt[uidOf(object)] === undefined), ...deleted.map((entry) => entry.object).filter((object) => kindOf(object) === kind)];
		store.apply({type: 'relist', kind, objects: listed});
	}

	for (const kind of kinds) {
		for (const object of live[kind]) {
			const at = changedAt[uidOf(object)];
			if (at !== undefined) {
				clock.set(at);
				store.apply({type: 'upsert', kind, object});
			}
		}
	}

	for (const {object, deletedAt} of deleted) {
		clock.set(deletedAt);
		store.apply({type: 'delete', kind: kindOf(object), object});
	}

	for (const kind of kinds) {
		store.apply({type: 'status', kind, state: parts.watch?.[kind] ?? {phase: 'live', since: 0}});
	}

	store.flush();
	return store.getSnapshot();
}

function uidOf(object: {metadata: {uid?: string; name?: string}}): string {
	return object.metadata.uid ?? object.metadata.name ?? '';
}

function kindOf(object: Job | CronJob | Pod): WatchKind {
	return isPod(object) ? 'pods' : isCronJob(object) ? 'cronjobs' : 'jobs';
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
