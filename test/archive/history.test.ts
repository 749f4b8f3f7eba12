import assert from 'node:assert/strict';
import {existsSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {test} from 'node:test';
import {openArchiveDisk} from '../../source/archive/disk.js';
import {createArchiveHistory} from '../../source/archive/history.js';
import {runFormat, runVersion, type ArchivedRun} from '../../source/archive/types.js';
import {createManualClock} from '../../source/store/clock.js';
import {allRows} from '../../source/view-model/table/tables.js';
import {historyModel} from '../../source/view-model/history/history-table.js';
import {makeSnapshot} from '../helpers/snapshots.js';

const t0 = Date.parse('2026-03-02T10:00:00Z');

function run(uid: string, capturedAt: number, context = 'ctx', namespace = 'batch'): ArchivedRun {
	const job = {
		apiVersion: 'batch/v1', kind: 'Job', metadata: {name: `job-${uid}`, namespace, uid, creationTimestamp: new Date(capturedAt - 60_000).toISOString()},
		spec: {template: {spec: {containers: []}}},
		status: {succeeded: 1, startTime: new Date(capturedAt - 50_000).toISOString(), completionTime: new Date(capturedAt - 10_000).toISOString(), conditions: [{type: 'Complete', status: 'True'}]},
	};
	return {
		format: runFormat, version: runVersion, capturedAt, context, namespace, job: job as unknown as ArchivedRun['job'], pods: [], events: [],
		logs: [{kind: 'line', podUid: 'p', podName: 'pod', tag: '#1', container: 'main', text: 'done', cut: 0}],
	};
}

test('the history lists the current context\'s runs newest first, names an unreadable file, and still lists the rest', async () => {
	const dir = mkdtempSync(path.join(tmpdir(), 'kjobs-history-'));
	try {
		const root = path.join(dir, 'kjobs', 'archive');
		const disk = openArchiveDisk({root});
		await disk.write(run('older', t0));
		const {file} = await disk.write(run('newer', t0 + 1000));
		await disk.write(run('elsewhere', t0 + 2000, 'other-context'));
		writeFileSync(path.join(path.dirname(file), 'broken.json'), '{"format":"kjobs-archive-run","ver');
		let context = 'ctx';
		const history = createArchiveHistory({disk, clock: createManualClock(t0), context: () => context});
		assert.equal(history.getSnapshot().loaded, false);
		await history.refresh();
		const data = history.getSnapshot();
		assert.deepEqual(data.runs.map(each => each.name), ['job-newer', 'job-older']);
		assert.equal(data.view.jobs.size, 2, 'the runs\' jobs are in the history\'s own store');
		assert.deepEqual(data.problems.map(problem => path.basename(problem.file)), ['broken.json']);

		// `newer` is still in the cluster, `older` was deleted there.
		const live = makeSnapshot({jobs: [run('newer', t0).job]});
		const model = historyModel(data, live, t0 + 70_000, {filter: '', namespace: undefined});
		const rows = allRows(model.table.rows);
		assert.deepEqual(rows.map(row => [row.cells['name'], row.cells['where'], row.cells['status'], row.cells['ended']]), [
			['job-newer', 'in cluster', 'Complete', '79s'],
			['job-older', 'archived', 'Complete', '80s'],
		]);
		assert.match(model.problems, /^1 run file could not be read: .*broken\.json: the file is cut short or not JSON/);
		assert.deepEqual(allRows(historyModel(data, live, t0, {filter: 'older', namespace: undefined}).table.rows).map(row => row.id), ['older']);
		assert.equal(historyModel(data, live, t0, {filter: '', namespace: 'other'}).emptyText, 'no archived run matches');

		// Another context lists its own runs.
		context = 'other-context';
		await history.refresh();
		assert.deepEqual(history.getSnapshot().runs.map(each => each.name), ['job-elsewhere']);

		// Deleting removes the file and the row; a path outside the archive is never deleted.
		context = 'ctx';
		await history.refresh();
		assert.equal((await history.remove('older'))?.name, 'job-older');
		assert.deepEqual(history.getSnapshot().runs.map(each => each.name), ['job-newer']);
		assert.equal(await history.remove('older'), undefined);
		const outside = path.join(dir, 'keep.json');
		writeFileSync(outside, '{}');
		await assert.rejects(disk.remove(outside), /is not a run file of the archive/);
		assert.ok(existsSync(outside));
	} finally {
		rmSync(dir, {recursive: true, force: true});
	}
});

test('an archive that is off or empty says so instead of an empty table', () => {
	const live = makeSnapshot({});
	assert.equal(historyModel(undefined, live, t0, {filter: '', namespace: undefined}).emptyText, 'the archive is off (kjobs was started with --no-archive): nothing was kept');
	const empty = {loaded: true, runs: [], problems: [], view: live};
	assert.equal(historyModel(empty, live, t0, {filter: '', namespace: undefined}).emptyText, 'no runs archived in this context yet: a job is archived once it finishes');
	assert.equal(historyModel({...empty, loaded: false}, live, t0, {filter: '', namespace: undefined}).emptyText, 'reading the archive…');
});

test('reading the history again reads only the run files that changed', async () => {
	const dir = mkdtempSync(path.join(tmpdir(), 'kjobs-history-'));
	try {
		const disk = openArchiveDisk({root: path.join(dir, 'kjobs', 'archive')});
		await disk.write(run('a', t0));
		await disk.write(run('b', t0 + 1000));
		const read: string[] = [];
		const counted = {...disk, async read(file: string) {
			read.push(path.basename(file));
			return disk.read(file);
		}};
		const history = createArchiveHistory({disk: counted, clock: createManualClock(t0), context: () => 'ctx'});
		await history.refresh();
		assert.deepEqual(read.sort(), ['a.json', 'b.json']);
		await history.refresh();
		assert.equal(read.length, 2, 'nothing changed, nothing read');
		await disk.write(run('c', t0 + 2000));
		await history.refresh();
		assert.deepEqual(read.slice(2), ['c.json']);
		assert.deepEqual(history.getSnapshot().runs.map(each => [each.name, each.logEntries]), [['job-c', 1], ['job-b', 1], ['job-a', 1]]);
		// The log pane still gets the run's lines: they are read from the file when asked for.
		assert.equal((await history.run('a'))?.logs.length, 1);
	} finally {
		rmSync(dir, {recursive: true, force: true});
	}
});

test('runs are listed by when their jobs ended, newest first, not by when they were written', async () => {
	const dir = mkdtempSync(path.join(tmpdir(), 'kjobs-history-'));
	try {
		const disk = openArchiveDisk({root: path.join(dir, 'kjobs', 'archive')});
		// Both had finished before kjobs started and were written at its start: the one written second ended long before.
		const endedLate = run('ended-late', t0);
		const endedEarly = run('ended-early', t0 + 1000);
		(endedEarly.job.status as {completionTime?: string}).completionTime = new Date(t0 - 3_600_000).toISOString();
		await disk.write(endedLate);
		await disk.write(endedEarly);
		const history = createArchiveHistory({disk, clock: createManualClock(t0), context: () => 'ctx'});
		await history.refresh();
		assert.deepEqual(history.getSnapshot().runs.map(each => each.name), ['job-ended-late', 'job-ended-early']);
	} finally {
		rmSync(dir, {recursive: true, force: true});
	}
});
