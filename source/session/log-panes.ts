/**
The session's side of the log pane: it owns the pane's LogBuffer and LogSession, opens the streams for the object the
screen asked for (a job's every attempt, a pod's containers, a pod's previous instance, a cron job's newest run),
reopens them when the since preset changes, saves the buffer to a file and closes every stream when the pane closes.
*/
import {homedir} from 'node:os';
import {join, sep} from 'node:path';
import type {KubeConfig} from '@kubernetes/client-node';
import type {ArchivedRun} from '../archive/types.js';
import {makeSaveDirectory, saveLogLines, logFileName, savePath} from '../cluster/logs/save.js';
import {fetchPreviousLogs, followCronJobLogs, followJobLogs, followPodLogs, podContainers, type LogSession, type LogSubject} from '../cluster/logs/streams.js';
import type {Pod} from '../kube/types.js';
import {initialLogPaneState} from '../state/log-pane/reducer.js';
import type {RequestResult} from '../cluster/actions/types.js';
import type {LogFeed, LogPaneSource, Target, UiRequest} from '../state/types.js';
import type {Clock} from '../store/clock.js';
import {defaultLogCapacity, LogBuffer} from '../store/log-buffer.js';
import type {StoreView, ResourceStore} from '../store/types.js';
import {logSaveLines} from '../view-model/logs/save-text.js';
import {sinceOptions, type SincePreset} from '../view-model/logs/types.js';

/** What the log panes need from the session. */
export type LogPanesOptions = {
	/** The connection's KubeConfig now (it changes with the context). */
	readonly kubeConfig: () => KubeConfig;
	readonly store: ResourceStore;
	/** The app clock: saved file names, the buffer's notifications, the streams' reconnect waits. */
	readonly clock: Clock;
	/** Lines a pane keeps. @default 10000 */
	readonly capacity?: number;
	/**
	Where saved logs go when no path is typed, and where a typed relative path is taken. @default ~/kjobs-logs: one
	known place, made on the first save, rather than the process' working directory (which may be a git checkout).
	*/
	readonly directory?: string;
	/** The home directory `~` stands for. @default the user's */
	readonly home?: string;
	/** A job's archived run, read from the archive (for a target marked archived); none when the archive is off. */
	readonly archived?: (uid: string) => Promise<ArchivedRun | undefined>;
};

/** The requests the log panes carry out. */
export type LogRequest = Extract<UiRequest, {kind: 'open-logs' | 'close-logs' | 'save-logs'}>;

/** The session's log panes: the feed the app draws, and what the pane's requests do. */
export type LogPanes = LogPaneSource & {
	/** Carries out a log request; the result goes to the message line. */
	handle(request: LogRequest): Promise<RequestResult | undefined>;
	/** Closes the open pane's streams. */
	close(): void;
};

/** Whether a request is one the log panes carry out. */
export function isLogRequest(request: UiRequest): request is LogRequest {
	return request.kind === 'open-logs' || request.kind === 'close-logs' || request.kind === 'save-logs';
}

type Open = LogFeed & {readonly session: LogSession; readonly name: string};

/** Creates the session's log panes (none open). */
export function createLogPanes(options: LogPanesOptions): LogPanes {
	const listeners = new Set<() => void>();
	let open: Open | undefined;
	const home = options.home ?? homedir();
	const directory = options.directory ?? join(home, 'kjobs-logs');
	// The prompt shows the directory as the user would type it: under home, with `~`.
	const shownDirectory = directory === home || directory.startsWith(`${home}${sep}`) ? `~${directory.slice(home.length)}` : directory;
	const changed = () => {
		for (const listener of [...listeners]) {
			listener();
		}
	};

	const close = () => {
		if (open) {
			open.session.close();
			open.buffer.dispose();
			open = undefined;
			changed();
		}
	};

	const start = (request: Extract<LogRequest, {kind: 'open-logs'}>): Open => {
		// A new buffer per session: a stream of the closed session can never write into the new one.
		const buffer = new LogBuffer({capacity: options.capacity, clock: options.clock});
		const kc = options.kubeConfig();
		const since = {since: sinceOptions(request.since ?? defaultSince), clock: options.clock};
		const snapshot = options.store.getSnapshot();
		const subject = subjectOf(snapshot, request.target);
		if (subject === undefined) {
			buffer.append({kind: 'marker', podUid: '', podName: '', tag: '', severity: 'warning', text: `${request.target.kind} not found (deleted?)`});
			return {buffer, title: `${request.target.kind} (gone)`, name: request.target.kind, session: closedSession};
		}

		const where = `${subject.namespace}/${subject.name}`;
		switch (request.target.kind) {
			case 'pod': {
				const pod = snapshot.pods.get(request.target.uid);
				const picked = {...since, ...(request.container === undefined ? {} : {container: request.container})};
				const session = request.previous
					? fetchPreviousLogs(kc, options.store, subject, buffer, picked)
					: followPodLogs(kc, options.store, subject, buffer, picked);
				const which = request.container === undefined ? '' : request.container === 'all' ? ' · all containers' : ` · container ${request.container}`;
				const when = request.previous ? (request.container === undefined ? ' · previous container' : ' (previous)') : '';
				return {
					buffer, session, name: subject.name, title: `Logs › pod ${where}${which}${when}`,
					...(pod ? {containers: containerChoices(pod)} : {}),
				};
			}

			case 'job': {
				return {buffer, session: followJobLogs(kc, options.store, subject, buffer, since), title: `Logs › job ${where} · all attempts`, name: subject.name};
			}

			case 'cronjob': {
				// The title names the run being read; the follower moves it to each newer run.
				const titled = (job?: LogSubject) => `Logs › cronjob ${where}${job ? ` › job ${job.name} (newest run) · all attempts` : ' · waiting for its first run'}`;
				let title = titled();
				// A saved file is named after the run it holds.
				let name = subject.name;
				const session = followCronJobLogs(kc, options.store, subject, buffer, {
					...since,
					onRun(job) {
						title = titled(job);
						name = job.name;
						// The first run is known before the pane opens; later ones change the open pane.
						if (open?.buffer === buffer) {
							open = {...open, title, name, save: {directory: shownDirectory, name}};
							changed();
						}
					},
				});
				return {buffer, session, title, name};
			}
		}
	};

	// An archived run's logs, read once from its file into a buffer of their own: nothing is streamed, and search,
	// filter, JSON and save work on them as on a live pane's.
	const startArchived = async (request: Extract<LogRequest, {kind: 'open-logs'}>): Promise<Open> => {
		const run = await options.archived?.(request.target.uid);
		const buffer = new LogBuffer({capacity: Math.max(options.capacity ?? defaultLogCapacity, (run?.logs.length ?? 0) + 1), clock: options.clock});
		buffer.setActivity({following: 0, reconnecting: 0, errors: []});
		if (run === undefined) {
			buffer.append({kind: 'marker', podUid: '', podName: '', tag: '', severity: 'warning', text: options.archived ? 'this run is no longer in the archive (deleted?)' : 'the archive is off (--no-archive)'});
			return {buffer, title: 'Logs › archived job (gone)', name: 'archived-job', session: closedSession};
		}

		for (const entry of run.logs) {
			buffer.append(entry);
		}

		const name = run.job.metadata.name ?? '';
		const captured = new Date(run.capturedAt).toISOString().replace(/\.\d+Z$/, 'Z');
		return {buffer, title: `Logs › archived job ${run.namespace}/${name} · all attempts · archived ${captured}`, name, session: closedSession, archived: true};
	};

	return {
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		getSnapshot: () => open,
		async handle(request) {
			switch (request.kind) {
				case 'open-logs': {
					close();
					const started = request.target.archived ? await startArchived(request) : start(request);
					// Another pane opened while the archive was read: this one is no longer wanted.
					close();
					open = {...started, save: {directory: shownDirectory, name: started.name}};
					changed();
					return undefined;
				}

				case 'close-logs': {
					close();
					return undefined;
				}

				case 'save-logs': {
					if (!open) {
						return {ok: false, message: 'no log pane is open'};
					}

					const lines = logSaveLines(open.buffer.getSnapshot(), {timestamps: request.timestamps});
					const target = await savePath(request.path, directory, home, logFileName(open.name, options.clock.now()));
					await makeSaveDirectory(target);
					const path = await saveLogLines(target, lines);
					return {ok: true, message: `saved ${lines.length} ${lines.length === 1 ? 'line' : 'lines'} to ${path}`};
				}
			}
		},
		close,
	};
}

// The since preset a fresh pane shows in its status line.
const defaultSince: SincePreset = initialLogPaneState().since;

const closedSession: LogSession = {close() {}, closed: true, done: Promise.resolve()};

function subjectOf(snapshot: StoreView, target: Target): LogSubject | undefined {
	const map = target.kind === 'job' ? snapshot.jobs : target.kind === 'cronjob' ? snapshot.cronJobs : snapshot.pods;
	const object = map.get(target.uid);
	if (object === undefined) {
		return undefined;
	}

	return {uid: target.uid, namespace: object.metadata.namespace ?? 'default', name: object.metadata.name ?? ''};
}

/** What `c` cycles through after a pod's main containers: each container when there are several, and 'all' with init containers. */
function containerChoices(pod: Pod): string[] {
	const names = podContainers(pod);
	if (names.length < 2) {
		return [];
	}

	return (pod.spec.initContainers ?? []).length > 0 ? [...names, 'all'] : names;
}
