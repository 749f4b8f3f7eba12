/**
The archive as the screen browses it: the runs of the current context read from disk into a store of their own, so the
job detail screen, the attempt timeline and the log verdicts work on an archived run as they do on a live job (they
read a StoreView, and this is one). Only each run's job, pods and events stay in memory; its log lines are read again
from its file when the log pane opens on it. A file that cannot be read is listed as a problem, the rest still load.
Reading again reads only the files that changed (by size and modified time): the history follows every run written
while it is open, and an archive of hundreds of megabytes must not be read whole each time.
*/
import {jobFinishedAt} from '../kube/job-state.js';
import type {Clock} from '../store/clock.js';
import {createResourceStore} from '../store/resource-store.js';
import type {StoreView, WatchKind} from '../store/types.js';
import type {ArchiveDisk} from './disk.js';
import type {ArchivedRun, HistoryData, HistoryRun, RunProblem} from './types.js';

// What one file held when it was last read: the run without its logs (and how many there were), or why it could not be read.
type Read = {readonly size: number; readonly mtimeMs: number} & ({readonly run: ArchivedRun; readonly logEntries: number} | {readonly problem: RunProblem});

/** What the history needs. */
export type ArchiveHistoryOptions = {
	readonly disk: ArchiveDisk;
	readonly clock: Clock;
	/** The context in use now: only its runs are listed. */
	readonly context: () => string;
};

/** The archive's runs for the screen (`loaded` false until the first read). */
export type ArchiveHistory = {
	subscribe(listener: () => void): () => void;
	getSnapshot(): HistoryData;
	/** Reads the archive again (the history screen opened, a run was written or deleted, the context changed). */
	refresh(): Promise<void>;
	/** The archived run of a job (its logs included), read from its file; undefined when it is not in the archive. */
	run(uid: string): Promise<ArchivedRun | undefined>;
	/** Deletes a job's run from the archive (the file alone: nothing is asked of the cluster); returns the run as listed. */
	remove(uid: string): Promise<HistoryRun | undefined>;
};

const kinds: readonly WatchKind[] = ['jobs', 'cronjobs', 'pods', 'events'];

/** Opens the history of the archive on `options.disk` (nothing is read until the first refresh). */
export function createArchiveHistory(options: ArchiveHistoryOptions): ArchiveHistory {
	const {disk, clock} = options;
	const listeners = new Set<() => void>();
	let data: HistoryData = {loaded: false, runs: [], problems: [], view: storeOf([], clock)};
	// Refreshes run one at a time, the last one asked for wins: a slow read never overwrites a newer one.
	let chain = Promise.resolve();
	let reads = new Map<string, Read>();

	const load = async () => {
		const context = options.context();
		const next = new Map<string, Read>();
		for (const entry of await disk.list().catch(() => [])) {
			const known = reads.get(entry.file);
			if (known !== undefined && known.size === entry.size && known.mtimeMs === entry.mtimeMs) {
				next.set(entry.file, known);
				continue;
			}

			try {
				const run = await disk.read(entry.file);
				next.set(entry.file, {size: entry.size, mtimeMs: entry.mtimeMs, run: {...run, logs: []}, logEntries: run.logs.length});
			} catch (error) {
				next.set(entry.file, {size: entry.size, mtimeMs: entry.mtimeMs, problem: {file: entry.file, reason: (error as Error).message}});
			}
		}

		reads = next;
		const problems = [...next.values()].flatMap(read => ('problem' in read ? [read.problem] : []));
		const mine = [...next].flatMap(([file, read]) => ('run' in read && read.run.context === context ? [{file, run: read.run, logEntries: read.logEntries}] : []));
		const listed: HistoryRun[] = mine.map(({file, run, logEntries}) => ({
			file, uid: run.job.metadata.uid ?? '', context: run.context, namespace: run.namespace, name: run.job.metadata.name ?? '',
			capturedAt: run.capturedAt, endedAt: jobFinishedAt(run.job) ?? run.capturedAt, logEntries, truncated: run.truncated !== undefined,
		// Newest end first: runs of jobs that had finished before kjobs started are written together at its start, so the
		// time of writing alone would list them in no useful order.
		})).sort((a, b) => b.endedAt - a.endedAt || a.name.localeCompare(b.name));
		data = {loaded: true, runs: listed, problems, view: storeOf(mine.map(({run}) => run), clock)};
		for (const listener of [...listeners]) {
			listener();
		}
	};

	return {
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		getSnapshot: () => data,
		async refresh() {
			chain = chain.then(load, load);
			return chain;
		},
		async run(uid) {
			const listed = data.runs.find(run => run.uid === uid);
			return listed === undefined ? undefined : disk.read(listed.file);
		},
		async remove(uid) {
			const listed = data.runs.find(run => run.uid === uid);
			if (listed !== undefined) {
				await disk.remove(listed.file);
				await this.refresh();
			}

			return listed;
		},
	};
}

/** A store holding the runs' jobs, pods and events, every watch live: what the view-model reads a live cluster through. */
function storeOf(runs: readonly ArchivedRun[], clock: Clock): StoreView {
	const store = createResourceStore({clock});
	store.apply({type: 'relist', kind: 'jobs', objects: runs.map(run => run.job)});
	store.apply({type: 'relist', kind: 'cronjobs', objects: []});
	store.apply({type: 'relist', kind: 'pods', objects: runs.flatMap(run => run.pods)});
	store.apply({type: 'relist', kind: 'events', objects: runs.flatMap(run => run.events)});
	for (const kind of kinds) {
		store.apply({type: 'status', kind, state: {phase: 'live', since: clock.now()}});
	}

	store.flush();
	// Nothing changes it again: its timers go, its maps stay readable.
	store.dispose();
	return store.getSnapshot();
}
