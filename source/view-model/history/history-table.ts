/**
The history screen: every archived run of the context, newest first, as a table. A run whose job the cluster has
deleted is badged `archived` (the archive is all that is left of it); a finished job still in the cluster is marked
`in cluster`. Its status, completions and duration are worked out from the run's own job and pods, as the Jobs table
works them out from the live ones.
*/
import type {HistoryData, HistoryRun} from '../../archive/types.js';
import {jobFinishedAt} from '../../kube/job-state.js';
import {humanDuration} from '../../kube/duration.js';
import type {StoreView} from '../../store/types.js';
import {namespaceColumn, sizeColumns, type ColumnSpec} from '../columns.js';
import {jobCells} from '../rows/job-rows.js';
import {parseFilter} from '../table/filter.js';
import type {TableModel} from '../table/tables.js';
import type {Row} from '../types.js';

/** The history table's columns. */
export function historyColumns(allNamespaces: boolean): ColumnSpec[] {
	const columns: ColumnSpec[] = [
		{id: 'name', title: 'NAME', cut: 'name', minWidth: 12, cap: 63, priority: 0, want: 20, help: 'The job\'s name.'},
		{id: 'where', title: 'WHERE', minWidth: 10, cap: 10, priority: 0, help: '`archived`: the cluster has deleted the job, the archive is all that is left of it; `in cluster`: the job is still there.'},
		{id: 'status', title: 'STATUS', minWidth: 10, cap: 36, priority: 0, want: 24, help: 'How the run ended, as the Jobs view says it.'},
		{id: 'completions', title: 'COMPLETIONS', minWidth: 11, cap: 16, priority: 2, help: 'Pods succeeded of the completions wanted.'},
		{id: 'failed', title: 'FAILED', minWidth: 6, cap: 18, priority: 3, help: 'Failures counted toward backoffLimit.'},
		{id: 'duration', title: 'DURATION', minWidth: 8, cap: 10, priority: 2, help: 'How long the job ran.'},
		{id: 'ended', title: 'ENDED', minWidth: 5, cap: 10, priority: 1, help: 'Time since the job finished (since it was archived, when it never did).'},
		{id: 'logs', title: 'LOGS', minWidth: 4, cap: 10, priority: 4, align: 'right', help: 'Log entries kept; `cut` when the run passed the per-run cap and lines in the middle were left out.'},
	];
	return allNamespaces ? [namespaceColumn, ...columns] : columns;
}

/** What the history table is drawn from: the filter typed with `/` and the namespace in scope (undefined: all). */
export type HistoryQuery = {readonly filter: string; readonly namespace: string | undefined};

/** The history table and, when it has no rows, what to say instead. */
export type HistoryModel = {readonly table: TableModel; readonly emptyText: string; readonly problems: string};

/** The history screen's model at `now`; `live` is the cluster's snapshot (which jobs are still there), undefined when the archive is off. */
export function historyModel(history: HistoryData | undefined, live: StoreView, now: number, query: HistoryQuery): HistoryModel {
	const specs = historyColumns(query.namespace === undefined);
	if (history === undefined) {
		return {table: tableOf(specs, []), emptyText: 'the archive is off (kjobs was started with --no-archive): nothing was kept', problems: ''};
	}

	const filter = parseFilter(query.filter);
	const rows = history.runs
		.filter(run => query.namespace === undefined || run.namespace === query.namespace)
		.map(run => historyRow(run, history.view, live, now))
		.filter(row => filter.test(Object.values(row.cells).join(' ')));
	const emptyText = !history.loaded
		? 'reading the archive…'
		: (history.runs.length === 0 ? 'no runs archived in this context yet: a job is archived once it finishes' : 'no archived run matches');
	const problems = history.problems.length === 0 ? '' : `${history.problems.length} run ${history.problems.length === 1 ? 'file' : 'files'} could not be read: ${history.problems.map(problem => `${problem.file}: ${problem.reason}`).join('; ')}`;
	return {table: {...tableOf(specs, rows), ...(filter.error === undefined ? {} : {filterError: filter.error})}, emptyText, problems};
}

function tableOf(specs: readonly ColumnSpec[], rows: readonly Row[]): TableModel {
	return {columns: sizeColumns(specs, rows), ids: rows.map(row => row.id), rows, selectable: rows.length};
}

/** One history row: the run's job as the Jobs table shows it, with where it is now and what was kept. */
export function historyRow(run: HistoryRun, archived: StoreView, live: StoreView, now: number): Row {
	const job = archived.jobs.get(run.uid);
	const inCluster = live.jobs.has(run.uid);
	const ended = (job ? jobFinishedAt(job) : undefined) ?? run.capturedAt;
	if (job === undefined) {
		return {id: run.uid, tone: 'muted', cells: {namespace: run.namespace, name: run.name, where: inCluster ? 'in cluster' : 'archived', status: '', ended: ago(ended, now), logs: logsCell(run)}};
	}

	const {cells, state} = jobCells(job, archived, now);
	return {
		id: run.uid,
		tone: state.tone,
		cells: {
			namespace: run.namespace, name: run.name, where: inCluster ? 'in cluster' : 'archived', status: cells['status'] ?? '',
			completions: cells['completions'] ?? '', failed: cells['failed'] ?? '', duration: cells['duration'] ?? '', ended: ago(ended, now), logs: logsCell(run),
		},
	};
}

function ago(at: number, now: number): string {
	// As kubectl's AGE reads: 80s, 5m10s, 2d3h.
	return humanDuration(Math.max(0, now - at));
}

function logsCell(run: HistoryRun): string {
	return run.truncated ? `${run.logEntries} cut` : String(run.logEntries);
}

/** The note an archived job's detail screen opens with: where the run comes from and whether the cluster still has it. */
export function archivedNote(run: HistoryRun | undefined, live: StoreView, now: number): string {
	if (run === undefined) {
		return 'Archived run: no longer in the archive (deleted?)';
	}

	const where = live.jobs.has(run.uid) ? 'the job is still in the cluster' : 'the cluster has deleted the job: this is kjobs\' copy';
	return `Archived ${ago(run.capturedAt, now)} ago · ${where} · ${run.logEntries} log entries${run.truncated ? ' (the middle was cut)' : ''} · l: logs, Ctrl+D: delete from the archive`;
}
