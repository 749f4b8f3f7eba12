/**
What one archived run holds: the job as the server last sent it, its pods' final statuses, its events and every
attempt's log lines, with what was left out when the run passed its size cap.
*/
import type {Job, KubeEvent, Pod} from '../kube/types.js';
import type {NewLogEntry} from '../store/log-buffer.js';
import type {StoreView} from '../store/types.js';

/** The format marker every run file starts with; a file without it is not a run. */
export const runFormat = 'kjobs-archive-run';

/** The version of the run file layout. */
export const runVersion = 1;

/** Lines the per-run cap left out of the middle of a run's logs (the first and the last part are kept). */
export type RunTruncation = {readonly lines: number; readonly bytes: number; readonly capBytes: number};

/** One archived run of a job. */
export type ArchivedRun = {
	readonly format: typeof runFormat;
	readonly version: typeof runVersion;
	/** App-clock time the run was written, epoch ms. */
	readonly capturedAt: number;
	readonly context: string;
	readonly namespace: string;
	readonly job: Job;
	/** Every pod of the job kjobs saw, as last seen (the final status, exit codes, reasons, termination messages). */
	readonly pods: readonly Pod[];
	readonly events: readonly KubeEvent[];
	/** Log lines, separators and markers of every attempt and container, in the order they were read. */
	readonly logs: readonly NewLogEntry[];
	/** Set when the logs passed the per-run cap. */
	readonly truncated?: RunTruncation;
};

/** A run file that could not be read, and why (in words for the message line). */
export type RunProblem = {readonly file: string; readonly reason: string};

/** One archived run as the history lists it (its logs stay on disk until the log pane asks). */
export type HistoryRun = {
	readonly file: string;
	readonly uid: string;
	readonly context: string;
	readonly namespace: string;
	readonly name: string;
	/** App-clock time the run was written, epoch ms. */
	readonly capturedAt: number;
	/** When the job finished (its terminal condition), else when the run was written: what the history sorts by. */
	readonly endedAt: number;
	/** Log lines, separators and markers kept. */
	readonly logEntries: number;
	/** The logs passed the per-run cap: some lines in the middle were left out. */
	readonly truncated: boolean;
};

/**
The archive as the screen reads it: the current context's runs, newest first, the files that could not be read, and
the runs' jobs, pods and events as a store view (every watch live), which the detail screen reads as it reads the
cluster's.
*/
export type HistoryData = {
	/** Whether the archive was read at least once. */
	readonly loaded: boolean;
	readonly runs: readonly HistoryRun[];
	readonly problems: readonly RunProblem[];
	readonly view: StoreView;
};
