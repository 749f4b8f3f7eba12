/**
A running kjobs session: the one clock, the live store, the cluster connection with its watchers, and what the screen's
requests (namespace and context switches, logs, actions) do. Built by cli.tsx, one per app instance.
*/
import type {Access, AccessSource, ConnectionInfo, RequestHandler} from '../state/types.js';
import type {ActionContextOptions} from '../cluster/actions/context.js';
import {openGate, readOnlyGate, type ReadOnlyFlag} from '../cluster/actions/gate.js';
import {performAction} from '../cluster/actions/perform.js';
import {KubeCluster} from '../cluster/kube-cluster.js';
import type {Connection} from '../cluster/connection/kubeconfig.js';
import {startArchiveCapture, type ArchiveCapture} from '../archive/capture.js';
import {openArchiveDisk, type ArchiveDiskOptions} from '../archive/disk.js';
import {createArchiveHistory, type ArchiveHistory} from '../archive/history.js';
import {startLedgers, type Ledgers} from '../archive/ledger.js';
import {createLogPanes, isLogRequest, type LogPanes} from './log-panes.js';
import {createNotifier, type NotifierOptions} from './notifier.js';
import {createSystemClock, type Clock} from '../store/clock.js';
import {createResourceStore} from '../store/resource-store.js';
import type {LiveResourceStore} from '../store/types.js';
import {createTableEngine, type TableEngine} from '../view-model/table/engine.js';

/** How to start a session. */
export type SessionOptions = {
	readonly connection: Connection;
	/** Set when mutating requests must be refused, naming the flag that said so. */
	readonly readOnly?: ReadOnlyFlag;
	readonly demo: boolean;
	readonly labelSelector?: string;
	/** The one app clock every part of the session times itself by; the system clock by default (tests pass a manual one). */
	readonly clock?: Clock & {stop?: () => void};
	/** Where saved logs go when no path is typed, and where relative paths are taken (default: ~/kjobs-logs). */
	readonly logDirectory?: string;
	/** Settings of the actions (randomness for new names, replace-rerun timeouts). */
	readonly actions?: ActionContextOptions;
	/** Bell and desktop notifications when jobs end (none without). */
	readonly notify?: Omit<NotifierOptions, 'store' | 'clock'>;
	/** Where and how much to archive finished runs (none without: `--no-archive`, and tests that do not ask for it). */
	readonly archive?: {
		readonly root: string;
		/** Where the cron jobs' run ledgers are kept (none without). */
		readonly ledgerRoot?: string;
		readonly maxBytes?: number;
		readonly maxRunBytes?: number;
		/** Writes a run's text into its temp file (tests simulate a full disk with it). */
		readonly writeData?: ArchiveDiskOptions['writeData'];
		/** Told about archived runs and failed writes (a full disk), for the message line. */
		readonly report?: (message: {readonly ok: boolean; readonly text: string}) => void;
	};
};

/** A running session. */
export type Session = {
	readonly store: LiveResourceStore;
	/** What the screen derives from the store and carries between renders: made with the store, for it alone. */
	readonly engine: TableEngine;
	readonly clock: Clock;
	readonly cluster: KubeCluster;
	/** The log pane's feed: the buffer its streams write to (the app draws it). */
	readonly logs: LogPanes;
	/** The archive's capture when it is on. */
	readonly archive: ArchiveCapture | undefined;
	/** The archive as the history screen reads it, when it is on. */
	readonly history: ArchiveHistory | undefined;
	/** The cron jobs' run ledgers, when they are kept. */
	readonly ledgers: Ledgers | undefined;
	/** What the header shows about the connection. */
	info(): ConnectionInfo & {readonly namespace: string | undefined};
	/** Every context of the loaded kubeconfig, for `:ctx` completion. */
	contexts(): readonly string[];
	/** Carries out a request from the screen. */
	readonly handle: RequestHandler;
	/** The read-only gate's refusal and the latest RBAC answers, for the app's dialogs and help. */
	readonly access: AccessSource;
	/** Calls `listener` when the context or namespace changed. */
	onInfoChange(listener: () => void): void;
	stop(): Promise<void>;
};

/** Starts the watchers for `connection` and returns the session. */
export function startSession(options: SessionOptions): Session {
	const clock = options.clock ?? createSystemClock();
	const store = createResourceStore({clock});
	const engine = createTableEngine();
	const cluster = new KubeCluster({
		connection: options.connection,
		store,
		clock,
		gate: options.readOnly ? readOnlyGate(options.readOnly) : openGate,
		watch: {labelSelector: options.labelSelector},
		...(options.actions ? {actions: options.actions} : {}),
	});
	// One object per answer, so the app's external-store subscription sees a change only when there is one.
	let access: Access = {readOnly: cluster.gate.refusal(), permissions: cluster.permissions};
	const accessListeners = new Set<() => void>();
	cluster.onPermissions(() => {
		access = {readOnly: cluster.gate.refusal(), permissions: cluster.permissions};
		for (const listener of accessListeners) {
			listener();
		}
	});
	cluster.start();
	const listeners = new Set<() => void>();
	const changed = () => {
		for (const listener of listeners) {
			listener();
		}
	};

	const notifier = options.notify ? createNotifier({...options.notify, store, clock}) : undefined;
	const disk = options.archive ? openArchiveDisk({root: options.archive.root, maxBytes: options.archive.maxBytes, ...(options.archive.writeData ? {writeData: options.archive.writeData} : {})}) : undefined;
	const history = disk ? createArchiveHistory({disk, clock, context: () => cluster.connection.context}) : undefined;
	// Once the history was read, it follows the archive: a run written (or evicted) shows at once.
	const refreshHistory = () => {
		if (history?.getSnapshot().loaded) {
			history.refresh().catch(() => {});
		}
	};

	const logs = createLogPanes({
		kubeConfig: () => cluster.connection.kubeConfig, store, clock, directory: options.logDirectory,
		...(history ? {archived: async (uid: string) => history.run(uid)} : {}),
	});
	const ledgers = options.archive?.ledgerRoot === undefined ? undefined : startLedgers({
		root: options.archive.ledgerRoot, store, clock, context: () => cluster.connection.context,
		report(text) {
			options.archive?.report?.({ok: false, text});
		},
	});
	let archiveWord = 'ARCHIVE';
	const archive = options.archive && disk ? startArchiveCapture({
		store, clock, disk,
		kubeConfig: () => cluster.connection.kubeConfig,
		context: () => cluster.connection.context,
		maxRunBytes: options.archive.maxRunBytes,
		report(message) {
			// A failed write (a full disk) shows in the header word until a later run is written again.
			const word = message.ok ? 'ARCHIVE' : message.text.includes('disk is full') ? 'ARCHIVE: DISK FULL' : 'ARCHIVE: WRITE FAILED';
			if (word !== archiveWord) {
				archiveWord = word;
				changed();
			}

			if (message.ok) {
				refreshHistory();
			}

			options.archive?.report?.(message);
		},
	}) : undefined;
	const handle: RequestHandler = async request => {
		if (isLogRequest(request)) {
			return logs.handle(request);
		}

		switch (request.kind) {
			case 'set-namespace': {
				await cluster.switchNamespace(request.namespace);
				changed();
				return {ok: true, message: `namespace: ${request.namespace ?? 'all'}`};
			}

			case 'switch-context': {
				await cluster.switchContext(request.name);
				changed();
				// The history lists the runs of the context in use.
				refreshHistory();
				const {namespace} = cluster.connection;
				return {ok: true, message: `context: ${request.name} · namespace: ${namespace ?? 'all'}`, scope: {namespace}};
			}

			case 'action': {
				// performAction never throws; the gate refuses in read-only mode before anything is sent.
				const result = await performAction(cluster.actions, request.action);
				// The screen offered this action because the last answer allowed it: that answer is out of date.
				if (!result.ok && result.forbidden === true) {
					cluster.refreshPermissions().catch(() => {});
				}

				return result;
			}

			case 'load-history': {
				if (history === undefined) {
					return {ok: false, message: 'the archive is off (--no-archive): nothing was kept'};
				}

				await history.refresh();
				const {runs, problems} = history.getSnapshot();
				const unreadable = problems.length === 0 ? '' : ` · ${problems.length} ${problems.length === 1 ? 'file' : 'files'} could not be read`;
				return {ok: true, message: `history: ${runs.length} archived ${runs.length === 1 ? 'run' : 'runs'} in context ${cluster.connection.context}${unreadable}`};
			}

			case 'forget-run': {
				const removed = await history?.remove(request.uid);
				return removed === undefined
					? {ok: false, message: `${request.name}: not in the archive (already deleted?)`}
					: {ok: true, message: `deleted the archived run of job ${request.name} (only the local copy)`};
			}

			case 'toggle-notify': {
				const job = store.getSnapshot().jobs.get(request.target.uid);
				if (notifier === undefined || job === undefined) {
					return {ok: false, message: notifier === undefined ? 'notifications are not available here' : 'job not found (deleted?)'};
				}

				const name = `${job.metadata.namespace ?? ''}/${job.metadata.name ?? ''}`;
				return notifier.toggle(request.target.uid)
					? {ok: true, message: `will notify when job ${name} ends (b again: stop)`}
					: {ok: true, message: `no longer notifying for job ${name}`};
			}
		}
	};

	return {
		store,
		engine,
		clock,
		cluster,
		logs,
		archive,
		history,
		ledgers,
		info() {
			const {connection} = cluster;
			return {
				context: connection.context, server: connection.describeServer(), namespace: connection.namespace, readOnly: cluster.readOnly, demo: options.demo,
				...(options.labelSelector === undefined ? {} : {selector: options.labelSelector}),
				...(archive ? {archive: archiveWord} : {}),
			};
		},
		contexts: () => cluster.connection.contexts,
		handle,
		access: {
			current: () => access,
			subscribe(listener) {
				accessListeners.add(listener);
				return () => accessListeners.delete(listener);
			},
		},
		onInfoChange(listener) {
			listeners.add(listener);
		},
		async stop() {
			notifier?.stop();
			// Aborts the capture's streams without waiting: quitting is never held up by the archive.
			archive?.stop();
			ledgers?.stop();
			logs.close();
			await cluster.close();
			options.clock?.stop?.();
			if (!options.clock) {
				(clock as {stop(): void}).stop();
			}

			store.dispose();
		},
	};
}
