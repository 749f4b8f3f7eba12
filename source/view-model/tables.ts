/**
The three list views as table models: rows for every live object and tombstone of the view's kind, filtered, sorted.
*/
import {jobStatus} from '../kube/job-printer.js';
import type {CronJob, Job, Pod} from '../kube/types.js';
import {timeOf} from '../kube/types.js';
import type {ResourceSnapshot} from '../store/types.js';
import {sizeColumns} from './columns.js';
import {cronJobColumns, cronJobRow} from './cronjob-rows.js';
import {parseFilter} from './filter.js';
import {jobColumns} from './job-rows.js';
import {isCronJob, isJob, isPod} from './lookups.js';
import {podColumns, podRow} from './pod-rows.js';
import {cachedJobRow} from './row-cache.js';
import {stillFading} from './row-flags.js';
import type {Column, Row, Tone} from './types.js';

/** The list views. */
export type ViewId = 'jobs' | 'cronjobs' | 'pods';

/** What the user asked the table for. */
export type TableQuery = {
	readonly filter: string;
	readonly sort: 'name' | 'age' | 'status';
	readonly hideCompleted: boolean;
	readonly allNamespaces: boolean;
};

/** A table ready to draw: sized columns and rows (already filtered and sorted). */
export type TableModel = {readonly columns: readonly Column[]; readonly rows: readonly Row[]; readonly filterError?: string};

type Entry = {readonly row: Row; readonly object: Job | CronJob | Pod; readonly completed: boolean};

const rowTexts = new WeakMap<Row, {columnsKey: string; text: string}>();

/** Builds the table for a view: one row per object (tombstones included, marked), filtered, hidden and sorted as asked. */
export function tableModel(view: ViewId, snapshot: ResourceSnapshot, now: number, query: TableQuery): TableModel {
	const entries = collect(view, snapshot, now);
	const specs = view === 'jobs' ? jobColumns(query.allNamespaces) : view === 'cronjobs' ? cronJobColumns(query.allNamespaces) : podColumns(query.allNamespaces);
	const filter = parseFilter(query.filter);
	// The filter sees the row as the table shows it: its cells in column order, one space apart. Rows are reused
	// between frames (row-cache.ts), so their text is too; an empty filter needs no text at all.
	const columnsKey = specs.map((spec) => spec.id).join(' ');
	const rowText = (row: Row) => {
		const known = rowTexts.get(row);
		if (known?.columnsKey === columnsKey) {
			return known.text;
		}

		const text = specs.map((spec) => row.cells[spec.id] ?? '').join(' ');
		rowTexts.set(row, {columnsKey, text});
		return text;
	};

	const matchAll = query.filter.trim() === '';
	const kept = entries.filter((entry) => !(query.hideCompleted && entry.completed)
		&& (matchAll || filter.test(rowText(entry.row), entry.object.metadata.labels ?? {})));
	kept.sort(comparator(query));
	const rows = kept.map((entry) => entry.row);
	const model = {columns: sizeColumns(specs, rows), rows};
	return filter.error === undefined ? model : {...model, filterError: filter.error};
}

function collect(view: ViewId, snapshot: ResourceSnapshot, now: number): Entry[] {
	const entries: Entry[] = [];
	const tombstones = [...snapshot.deleted.values()].filter((tombstone) => stillFading(tombstone.deletedAt, now)).map((tombstone) => tombstone.object);
	switch (view) {
		case 'jobs': {
			const add = (job: Job, deleted: boolean) => {
				const row = cachedJobRow(job, snapshot, now, deleted);
				entries.push({row, object: job, completed: jobStatus(job) === 'Complete'});
			};

			for (const job of snapshot.jobs.values()) {
				add(job, false);
			}

			for (const object of tombstones) {
				if (isJob(object) && !snapshot.jobs.has(object.metadata.uid ?? '')) {
					add(object, true);
				}
			}

			break;
		}

		case 'cronjobs': {
			for (const cronJob of snapshot.cronJobs.values()) {
				entries.push({row: cronJobRow(cronJob, snapshot, now), object: cronJob, completed: false});
			}

			for (const object of tombstones) {
				if (isCronJob(object) && !snapshot.cronJobs.has(object.metadata.uid ?? '')) {
					entries.push({row: cronJobRow(object, snapshot, now, true), object, completed: false});
				}
			}

			break;
		}

		case 'pods': {
			for (const pod of snapshot.pods.values()) {
				entries.push({row: podRow(pod, snapshot, now), object: pod, completed: pod.status?.phase === 'Succeeded'});
			}

			for (const object of tombstones) {
				if (isPod(object) && !snapshot.pods.has(object.metadata.uid ?? '')) {
					entries.push({row: podRow(object, snapshot, now, true), object, completed: object.status?.phase === 'Succeeded'});
				}
			}

			break;
		}
	}

	return entries;
}

// Most urgent first when sorting by status; the tone carries the meaning, the STATUS word breaks ties.
const toneRank: Record<Tone, number> = {error: 0, warning: 1, running: 2, pending: 3, normal: 4, success: 5, muted: 6};

function comparator(query: TableQuery): (a: Entry, b: Entry) => number {
	const byName = (a: Entry, b: Entry) => (query.allNamespaces ? compare(a.object.metadata.namespace, b.object.metadata.namespace) : 0)
		|| compare(a.object.metadata.name, b.object.metadata.name) || compare(a.row.id, b.row.id);
	switch (query.sort) {
		case 'age': {
			// Newest first, like `kubectl get --sort-by=.metadata.creationTimestamp` reversed: what just happened is on top.
			return (a, b) => (timeOf(b.object.metadata.creationTimestamp) ?? 0) - (timeOf(a.object.metadata.creationTimestamp) ?? 0) || byName(a, b);
		}

		case 'status': {
			return (a, b) => toneRank[a.row.tone] - toneRank[b.row.tone] || compare(a.row.cells.status, b.row.cells.status) || byName(a, b);
		}

		default: {
			return byName;
		}
	}
}

function compare(a: string | undefined, b: string | undefined): number {
	const left = a ?? '';
	const right = b ?? '';
	return left < right ? -1 : left > right ? 1 : 0;
}
