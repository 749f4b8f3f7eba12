/**
A run ledger per CronJob, kept across kjobs sessions: every run kjobs sees a cron job start (scheduled or manual),
with its scheduled time, when it started and ended, and how. The API server forgets a cron job's runs past its history
limits (one failed run by default); the ledger does not, so "did my nightly job quietly stop succeeding?" has an
answer. It records only what it saw: `watchingSince` is when kjobs first watched the cron job, and nothing before it is
made up. A ledger follows a cron job by namespace and name, as its user thinks of it: one recreated under the same name
(a Helm upgrade, a re-apply) goes on in the same ledger. One private JSON file per cron job at
`<root>/<context>/<namespace>/<name>.json`, written atomically like the archive's runs. A file that cannot be read starts a fresh ledger for that cron job rather than stopping kjobs.
*/
import {readdir, readFile} from 'node:fs/promises';
import path from 'node:path';
import {instantiateAnnotation} from '../cluster/actions/job-copy.js';
import {isJobFinished, isJobSucceeded, jobFinishedAt, jobFinishedCondition} from '../kube/job-state.js';
import {timeOf, type Job} from '../kube/types.js';
import type {Clock} from '../store/clock.js';
import type {ResourceStore} from '../store/types.js';
import {atomicWrite, privateDirectories} from './disk.js';
import {encodePart} from './paths.js';

/** The format marker of a ledger file. */
export const ledgerFormat = 'kjobs-cronjob-ledger';

/** The version of the ledger file layout. */
export const ledgerVersion = 1;

/** The most runs one ledger keeps (the oldest go first): years of an hourly job's outcomes are a few hundred KB. */
export const ledgerMaxRuns = 2000;

/** One run of a cron job as kjobs saw it. Times are epoch ms. */
export type LedgerRun = {
	readonly uid: string;
	readonly name: string;
	/** The time the schedule ran it for (the controller's annotation); undefined for a manual run. */
	readonly scheduledAt?: number;
	/** Started by hand (`kubectl create job --from=cronjob/…`, kjobs' `t`), not by the schedule. */
	readonly manual: boolean;
	readonly createdAt?: number;
	readonly startedAt?: number;
	readonly finishedAt?: number;
	readonly outcome: 'running' | 'succeeded' | 'failed';
	/** Why it failed (the Failed condition's reason), when it did. */
	readonly reason?: string;
};

/** A cron job's ledger. */
export type CronLedger = {
	readonly format: typeof ledgerFormat;
	readonly version: typeof ledgerVersion;
	readonly context: string;
	readonly namespace: string;
	/** The cron job's name, and its uid when last seen. */
	readonly cronJob: {readonly uid: string; readonly name: string};
	/** When kjobs first watched this cron job: runs before it were not seen, so none are listed. */
	readonly watchingSince: number;
	/** Oldest first. */
	readonly runs: readonly LedgerRun[];
};

/** The ledgers of the context in use, by the uid of the cron job each belongs to now. */
export type LedgerData = ReadonlyMap<string, CronLedger>;

/** The running ledger. */
export type Ledgers = {
	subscribe(listener: () => void): () => void;
	getSnapshot(): LedgerData;
	/** Resolves once the files were read and every change so far is written (tests, a tidy quit). */
	idle(): Promise<void>;
	stop(): void;
};

/** How to keep the ledgers. */
export type LedgerOptions = {
	readonly root: string;
	readonly store: ResourceStore;
	readonly clock: Clock;
	/** The context in use now: its ledgers are read (the first time it is used) and kept. */
	readonly context: () => string;
	/** Told about a failed write (a full disk), in words for the message line. */
	readonly report?: (text: string) => void;
};

const scheduledAnnotation = 'batch.kubernetes.io/cronjob-scheduled-timestamp';

/** The ledger entry of a job a cron job owns, as it is now. */
export function ledgerRun(job: Job): LedgerRun {
	const manual = job.metadata.annotations?.[instantiateAnnotation] === 'manual';
	const scheduledAt = manual ? undefined : timeOf(job.metadata.annotations?.[scheduledAnnotation]);
	const finished = isJobFinished(job);
	const outcome = !finished ? 'running' : (isJobSucceeded(job) ? 'succeeded' : 'failed');
	const reason = outcome === 'failed' ? jobFinishedCondition(job)?.reason : undefined;
	const createdAt = timeOf(job.metadata.creationTimestamp);
	const startedAt = timeOf(job.status?.startTime);
	const finishedAt = jobFinishedAt(job);
	return {
		uid: job.metadata.uid ?? '', name: job.metadata.name ?? '', manual, outcome,
		...(scheduledAt === undefined ? {} : {scheduledAt}), ...(createdAt === undefined ? {} : {createdAt}),
		...(startedAt === undefined ? {} : {startedAt}), ...(finishedAt === undefined ? {} : {finishedAt}), ...(reason === undefined ? {} : {reason}),
	};
}

/** Starts keeping the ledgers of every cron job the store shows, after reading the ones kept before. */
export function startLedgers(options: LedgerOptions): Ledgers {
	const {root, store, clock} = options;
	const listeners = new Set<() => void>();
	// By context, namespace and name: what the files are named after.
	const ledgers = new Map<string, CronLedger>();
	const keyOf = (context: string, namespace: string, name: string) => JSON.stringify([context, namespace, name]);
	let data: LedgerData = new Map();
	const dirty = new Set<string>();
	let stopped = false;
	let writing = Promise.resolve();

	const publish = () => {
		const byUid = new Map<string, CronLedger>();
		const context = options.context();
		for (const ledger of ledgers.values()) {
			if (ledger.context === context) {
				byUid.set(ledger.cronJob.uid, ledger);
			}
		}

		data = byUid;
		for (const listener of [...listeners]) {
			listener();
		}
	};

	const fileOf = (ledger: CronLedger) => path.join(root, encodePart(ledger.context), encodePart(ledger.namespace), `${encodePart(ledger.cronJob.name)}.json`);
	const flush = () => {
		const due = [...dirty].flatMap(key => (ledgers.has(key) ? [ledgers.get(key)!] : []));
		dirty.clear();
		writing = writing.then(async () => {
			for (const ledger of due) {
				try {
					const file = fileOf(ledger);
					await privateDirectories(root, path.dirname(file));
					await atomicWrite(file, JSON.stringify(ledger), clock.now(), async (handle, text) => handle.writeFile(text, 'utf8'));
				} catch (error) {
					const {code, message} = error as NodeJS.ErrnoException;
					options.report?.(`ledger: could not save cron job ${ledger.namespace}/${ledger.cronJob.name}: ${code === 'ENOSPC' ? 'the disk is full' : message}`);
				}
			}
		});
	};

	// Each context's files are read the first time it is in use (at start, after :ctx); nothing is recorded for it before.
	const loaded = new Set<string>();
	let reading = Promise.resolve();
	const look = () => {
		if (stopped) {
			return;
		}

		const current = options.context();
		if (!loaded.has(current)) {
			loaded.add(current);
			reading = reading.then(async () => {
				for (const ledger of await readLedgers(root, current)) {
					ledgers.set(keyOf(current, ledger.namespace, ledger.cronJob.name), {...ledger, context: current});
				}

				publish();
				look();
			});
			return;
		}

		const view = store.getSnapshot();
		// Nothing is recorded before the jobs are listed: a cron job would seem to have no runs yet.
		if (view.watch.jobs.phase !== 'live' || view.watch.cronjobs.phase !== 'live') {
			return;
		}

		const context = options.context();
		let changed = false;
		for (const [uid, cronJob] of view.cronJobs) {
			const namespace = cronJob.metadata.namespace ?? 'default';
			const name = cronJob.metadata.name ?? '';
			const key = keyOf(context, namespace, name);
			const before = ledgers.get(key);
			const known = new Map((before?.runs ?? []).map(run => [run.uid, run]));
			let runsChanged = false;
			for (const jobUid of view.jobsByCronJob.get(uid) ?? []) {
				const job = view.jobs.get(jobUid);
				if (job === undefined) {
					continue;
				}

				const run = ledgerRun(job);
				const old = known.get(run.uid);
				// A run that ended stays as it ended (a deleted job's last state is already kept).
				if (old === undefined || (old.outcome === 'running' && JSON.stringify(old) !== JSON.stringify(run))) {
					known.set(run.uid, run);
					runsChanged = true;
				}
			}

			if (before === undefined || runsChanged || before.cronJob.uid !== uid) {
				const runs = [...known.values()].sort((a, b) => (a.createdAt ?? 0) - (b.createdAt ?? 0)).slice(-ledgerMaxRuns);
				ledgers.set(key, {
					format: ledgerFormat, version: ledgerVersion, context, namespace,
					cronJob: {uid, name}, watchingSince: before?.watchingSince ?? clock.now(), runs,
				});
				dirty.add(key);
				changed = true;
			}
		}

		if (changed) {
			publish();
			flush();
		}
	};

	look();
	const unsubscribe = store.subscribe(look);
	return {
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		getSnapshot: () => data,
		async idle() {
			await reading;
			await writing;
		},
		stop() {
			stopped = true;
			unsubscribe();
		},
	};
}

/** Every readable ledger of `context` under `root`; an unreadable one is skipped (a fresh ledger replaces it). */
async function readLedgers(root: string, context: string): Promise<CronLedger[]> {
	const found: CronLedger[] = [];
	const contextDirectory = path.join(root, encodePart(context));
	const namespaces = await readdir(contextDirectory, {withFileTypes: true}).catch(() => []);
	for (const namespace of namespaces.filter(entry => entry.isDirectory())) {
		const directory = path.join(contextDirectory, namespace.name);
		for (const entry of await readdir(directory, {withFileTypes: true}).catch(() => [])) {
			if (!entry.isFile() || !entry.name.endsWith('.json')) {
				continue;
			}

			try {
				const value = JSON.parse(await readFile(path.join(directory, entry.name), 'utf8')) as Partial<CronLedger>;
				if (value.format === ledgerFormat && value.version === ledgerVersion && Array.isArray(value.runs) && typeof value.cronJob?.name === 'string' && typeof value.namespace === 'string') {
					found.push(value as CronLedger);
				}
			} catch {}
		}
	}

	return found;
}
