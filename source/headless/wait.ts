/**
`kjobs wait job/NAME | cronjob/NAME`: waits for a job to end and says how, with an exit code a script can branch on.
Unlike `kubectl wait --for=condition=complete`, a failed job ends the wait at once (exit 1, with the reason, each
failed attempt's exit code and the last lines of its log) instead of hanging until the timeout. It watches through
the screen's own watchers and store, so a dropped watch is resumed and relisted the same way, and with `--logs` it
streams every attempt's log as the log pane would (cluster/logs), each line tagged with its attempt, a rule at every
new attempt. For a cron job it waits for the next run, or with `--run manual` starts one. All time goes through the
one app clock.
*/
import {connectError, connectWith} from '../cli/connect.js';
import {connectionFlags, generalFlags, waitFlags} from '../cli/flags.js';
import {helpText} from '../cli/help.js';
import {actionErrorMessage} from '../cluster/actions/errors.js';
import {triggerCronJob} from '../cluster/actions/create.js';
import {followJobLogs, type LogSession} from '../cluster/logs/streams.js';
import {parseGoDuration} from '../kube/cron/schedule.js';
import {isJobFinished, isJobSucceeded} from '../kube/job-state.js';
import type {CronJob, Job, Pod} from '../kube/types.js';
import {sleep} from '../store/clock.js';
import {LogBuffer, type LogEntry} from '../store/log-buffer.js';
import type {StoreView, WatchKind} from '../store/types.js';
import {countdown} from '../view-model/countdown.js';
import {isJob, isPod, jobsOfCronJob, podsOfJob} from '../view-model/lookups.js';
import {logSaveLines} from '../view-model/logs/save-text.js';
import {logVerdicts} from '../view-model/logs/verdicts.js';
import {printable} from '../view-model/printable.js';
import {uidOf} from '../view-model/row-flags.js';
import {cronRuns} from '../view-model/rows/cronjob-runs.js';
import {failedAttemptLines, jobLabel, statusLine} from '../view-model/wait/wait-report.js';
import {parseArgs} from './args.js';
import {fetchLogTails} from './log-tails.js';
import type {HeadlessIo} from './io.js';
import {listed, startWatch, type Watch, watchProblem} from './watch.js';

/** The exit codes of `kjobs wait` (the readme and --help list them). */
export const waitExit = {
	/** The job did what --for asks (completed, by default). */
	met: 0,
	/** The job ended the other way, or was deleted before it ended: what --for asks can no longer happen. */
	notMet: 1,
	timeout: 2,
	/** The cluster cannot be reached or read (connection, permission, kubeconfig), or the object does not exist. */
	unreachable: 3,
	usage: 4,
	/** Ctrl-C or SIGTERM (128 + SIGINT). */
	interrupted: 130,
} as const;

type WaitFlags = {
	kubeconfig?: string;
	context?: string;
	namespace?: string;
	allNamespaces: boolean;
	selector?: string;
	readonly: boolean;
	color: boolean;
	for: 'complete' | 'failed' | 'finished';
	timeout?: string;
	logs: boolean;
	run?: 'manual';
	help: boolean;
};

const specs = {...connectionFlags, ...waitFlags, ...generalFlags};
const jobWords = new Set(['job', 'jobs', 'job.batch', 'jobs.batch']);
const cronJobWords = new Set(['cronjob', 'cronjobs', 'cj', 'cronjob.batch', 'cronjobs.batch']);

/** How many log lines the failure report shows per failed attempt. */
export const tailLines = 10;

/** After a job ends, how long --logs waits for its last lines to arrive before printing the verdict. */
export const logDrainMs = 10_000;

type Target = {readonly kind: 'job' | 'cronjob'; readonly name: string};

/** Reads `job/NAME` or `cronjob/NAME` (kubectl's spellings: jobs, job.batch, cj, …). */
export function parseTarget(text: string | undefined): Target | string {
	const match = text === undefined ? null : /^([^/]+)\/(.+)$/.exec(text);
	if (!match) {
		return 'say what to wait for: job/NAME or cronjob/NAME';
	}

	const [, word = '', name = ''] = match;
	if (jobWords.has(word)) {
		return {kind: 'job', name};
	}

	return cronJobWords.has(word) ? {kind: 'cronjob', name} : `cannot wait for "${printable(word)}": only job/NAME or cronjob/NAME`;
}

/** Runs `kjobs wait` with the arguments after `wait`; resolves to the exit code (waitExit). */
export async function runWait(argv: readonly string[], io: HeadlessIo): Promise<number> {
	const parsed = parseArgs<WaitFlags>(argv, specs, helpText);
	if (!parsed.ok) {
		io.stderr(`kjobs wait: ${parsed.error}\n`);
		return waitExit.usage;
	}

	const {flags, input} = parsed;
	if (flags.help) {
		io.stdout(`${parsed.help}\n`);
		return 0;
	}

	const usage = (text: string) => {
		io.stderr(`kjobs wait: ${text}\n`);
		return waitExit.usage;
	};

	const target = parseTarget(input[0]);
	if (typeof target === 'string' || input.length > 1) {
		return usage(typeof target === 'string' ? target : 'one object at a time');
	}

	if (flags.allNamespaces) {
		return usage('waits in one namespace: give -n NAMESPACE instead of -A');
	}

	if (flags.run !== undefined && target.kind !== 'cronjob') {
		return usage('--run manual starts a cron job\'s run: use it with cronjob/NAME');
	}

	if (flags.run !== undefined && flags.readonly) {
		return usage('--run manual creates a job, which --readonly refuses');
	}

	let timeoutMs: number | undefined;
	if (flags.timeout !== undefined) {
		try {
			timeoutMs = parseGoDuration(flags.timeout);
		} catch {
			timeoutMs = Number.NaN;
		}

		if (!(timeoutMs >= 0)) {
			return usage(`--timeout ${printable(flags.timeout)} is not a duration (e.g. 90s, 10m, 1h30m)`);
		}
	}

	let connection;
	try {
		connection = connectWith(flags, io.env, io.homeDir);
	} catch (error) {
		io.stderr(connectError(error));
		return waitExit.unreachable;
	}

	const kinds: readonly WatchKind[] = target.kind === 'job' ? ['jobs', 'pods'] : ['cronjobs', 'jobs', 'pods'];
	const watch = startWatch({connection, clock: io.clock, kinds, readOnly: flags.readonly});
	const waiter = new Waiter(watch, io, flags, timeoutMs);
	try {
		return await waiter.run(target, connection.namespace ?? 'default');
	} finally {
		waiter.dispose();
		await watch.stop();
	}
}

/** How a wait ended: the exit code, and the job when it finished (its verdict is printed). */
type Ended = {readonly code: number; readonly job?: Job};

/** One wait: the object, the timeout, the logs, the watch's health, and the single way it ends. */
class Waiter {
	readonly #watch: Watch;
	readonly #io: HeadlessIo;
	readonly #flags: WaitFlags;
	readonly #startedAt: number;
	readonly #timeoutMs: number | undefined;
	readonly #cleanups: Array<() => void> = [];
	#end: (ended: Ended) => void = () => {};
	readonly #ended: Promise<Ended>;
	#logs: {session: LogSession; buffer: LogBuffer; jobUid: string; printed: number; dropped: number; tags: Map<string, string>; judged: Set<string>} | undefined;
	#watchLost = false;

	constructor(watch: Watch, io: HeadlessIo, flags: WaitFlags, timeoutMs: number | undefined) {
		this.#watch = watch;
		this.#io = io;
		this.#flags = flags;
		this.#timeoutMs = timeoutMs;
		this.#startedAt = io.clock.now();
		this.#ended = new Promise(resolve => {
			this.#end = resolve;
		});
	}

	async run(target: Target, namespace: string): Promise<number> {
		const io = this.#io;
		let waitingFor = `${target.kind === 'job' ? 'job' : 'cron job'} ${printable(namespace)}/${printable(target.name)}`;
		let current: (() => Job | undefined) | undefined;
		if (this.#timeoutMs !== undefined) {
			this.#cleanups.push(io.clock.setTimer(() => {
				this.#finishTimeout(waitingFor, current?.());
			}, this.#timeoutMs));
		}

		io.onSignal?.(() => {
			this.#end({code: waitExit.interrupted});
		});
		const kinds: readonly WatchKind[] = target.kind === 'job' ? ['jobs', 'pods'] : ['cronjobs', 'jobs', 'pods'];
		const problem = await Promise.race([listed(this.#watch, kinds), this.#ended]);
		if (typeof problem === 'object') {
			return this.#finishLogs(problem);
		}

		if (problem !== undefined) {
			return this.#fail(`kjobs: ${printable(problem)}`);
		}

		const snapshot = this.#watch.snapshot();
		let jobUid: string | undefined;
		if (target.kind === 'job') {
			jobUid = findUid(snapshot.jobs, namespace, target.name);
			if (jobUid === undefined) {
				return this.#fail(`kjobs: job "${printable(target.name)}" not found in namespace "${printable(namespace)}"`);
			}
		} else {
			const cronJobUid = findUid(snapshot.cronJobs, namespace, target.name);
			const cronJob = cronJobUid === undefined ? undefined : snapshot.cronJobs.get(cronJobUid);
			if (cronJobUid === undefined || cronJob === undefined) {
				return this.#fail(`kjobs: cron job "${printable(target.name)}" not found in namespace "${printable(namespace)}"`);
			}

			const run = await Promise.race([this.#nextRun(cronJob, cronJobUid), this.#ended]);
			if (typeof run === 'object' && 'code' in run) {
				return this.#finishLogs(run);
			}

			jobUid = run;
			const job = this.#watch.snapshot().jobs.get(jobUid);
			waitingFor = job ? jobLabel(job) : waitingFor;
		}

		const uid = jobUid;
		current = () => {
			const view = this.#watch.snapshot();
			return view.jobs.get(uid) ?? jobTombstone(view, uid);
		};

		const job = current();
		if (job && this.#flags.logs) {
			this.#startLogs(job);
		}

		const check = () => {
			const view = this.#watch.snapshot();
			this.#reportWatch(view);
			const live = view.jobs.get(uid);
			const seen = live ?? jobTombstone(view, uid);
			if (seen && isJobFinished(seen)) {
				this.#finishJob(seen, uid);
			} else if (!live && seen) {
				io.stderr(`kjobs: ${jobLabel(seen)} was deleted before it finished\n`);
				this.#end({code: waitExit.notMet});
			}
		};

		this.#cleanups.push(this.#watch.onChange(check));
		check();
		return this.#finishLogs(await this.#ended);
	}

	dispose(): void {
		for (const cleanup of this.#cleanups.splice(0)) {
			cleanup();
		}

		this.#logs?.session.close();
		this.#logs?.buffer.dispose();
	}

	#fail(line: string): number {
		this.#io.stderr(`${line}\n`);
		return waitExit.unreachable;
	}

	/** The uid of the cron job's next job: the one --run manual creates, else the first the controller starts from now on. */
	async #nextRun(cronJob: CronJob, cronJobUid: string): Promise<string | Ended> {
		const io = this.#io;
		const known = new Set(jobsOfCronJob(this.#watch.snapshot(), cronJobUid).map(found => uidOf(found.object)));
		let wanted: string | undefined;
		if (this.#flags.run === 'manual') {
			try {
				const created = await triggerCronJob(this.#watch.cluster.actions, cronJob);
				wanted = created.name;
				io.stderr(`kjobs: started job ${printable(created.namespace)}/${printable(created.name)} from cron job ${printable(cronJob.metadata.name ?? '')}\n`);
			} catch (error) {
				return {code: this.#fail(`kjobs: cannot start a run of cron job ${printable(cronJob.metadata.name ?? '')}: ${printable(actionErrorMessage(error, {verb: 'create', resource: 'jobs', namespace: cronJob.metadata.namespace ?? 'default'}))}`)};
			}
		} else {
			const now = io.clock.now();
			const runs = cronRuns(cronJob, [], now);
			const when = cronJob.spec.suspend ? 'it is suspended: no run starts until it is resumed' : (runs.next === undefined ? 'its schedule cannot be read' : `next run ${countdown(runs.next, now)}`);
			io.stderr(`kjobs: waiting for the next run of cron job ${printable(cronJob.metadata.namespace ?? '')}/${printable(cronJob.metadata.name ?? '')} (${when})\n`);
		}

		return new Promise(resolve => {
			const look = () => {
				const view = this.#watch.snapshot();
				this.#reportWatch(view);
				const fresh = jobsOfCronJob(view, cronJobUid).map(found => found.object).find(job => (wanted === undefined ? !known.has(uidOf(job)) : job.metadata.name === wanted));
				if (fresh) {
					unsubscribe();
					resolve(uidOf(fresh));
				}
			};

			const unsubscribe = this.#watch.onChange(look);
			this.#cleanups.push(unsubscribe);
			look();
		});
	}

	/** Says once when the watch drops and once when it is back, so a long quiet wait is not mistaken for a hang. */
	#reportWatch(view: StoreView): void {
		const server = this.#watch.cluster.connection.describeServer();
		const problem = watchProblem('jobs', view.watch.jobs, server);
		if (view.watch.jobs.phase === 'forbidden') {
			this.#io.stderr(`kjobs: ${printable(problem ?? 'forbidden')}\n`);
			this.#end({code: waitExit.unreachable});
		} else if (problem !== undefined && !this.#watchLost) {
			this.#watchLost = true;
			this.#io.stderr(`kjobs: lost the watch (${printable(problem)}); still waiting, reconnecting\n`);
		} else if (view.watch.jobs.phase === 'live' && this.#watchLost) {
			this.#watchLost = false;
			this.#io.stderr('kjobs: watch resumed\n');
		}
	}

	#startLogs(job: Job): void {
		const buffer = new LogBuffer({clock: this.#io.clock});
		const kc = this.#watch.cluster.connection.kubeConfig;
		const subject = {uid: uidOf(job), namespace: job.metadata.namespace ?? 'default', name: job.metadata.name ?? ''};
		const session = followJobLogs(kc, this.#watch.store, subject, buffer, {clock: this.#io.clock});
		this.#logs = {session, buffer, jobUid: subject.uid, printed: 0, dropped: 0, tags: new Map(), judged: new Set()};
		this.#cleanups.push(buffer.subscribe(() => {
			this.#printLogs();
		}));
	}

	/** Prints the log entries that arrived since the last call, as the log pane's saved text shows them. */
	#printLogs(): void {
		const logs = this.#logs;
		if (!logs) {
			return;
		}

		const snapshot = logs.buffer.getSnapshot();
		const fresh = snapshot.entries.filter(entry => entry.seq > logs.printed);
		// Lines a very chatty job pushed out of the buffer before they could be printed are counted, not lost silently.
		let dropped = snapshot.dropped - logs.dropped;
		const lines: string[] = [];
		let run: LogEntry[] = [];
		const printRun = () => {
			lines.push(...logSaveLines({entries: run, dropped}));
			dropped = 0;
			run = [];
		};

		for (const entry of fresh) {
			if (entry.kind === 'separator') {
				// An attempt's verdict goes between its last line and the next attempt's rule, as in the log pane.
				printRun();
				lines.push(...this.#verdictLines(entry.podUid));
			}

			if (!logs.tags.has(entry.podUid)) {
				logs.tags.set(entry.podUid, entry.tag);
			}

			run.push(entry);
		}

		printRun();
		logs.dropped = snapshot.dropped;
		logs.printed = snapshot.nextSeq - 1;
		if (lines.length > 0) {
			this.#io.stdout(`${lines.join('\n')}\n`);
		}
	}

	/**
	The verdict line (`#1 ■ exited 1 (Error) after 5s`) of every attempt whose log has been printed and whose pod has
	ended, but `except` (the attempt whose rule comes next), each once.
	*/
	#verdictLines(except?: string): string[] {
		const logs = this.#logs;
		if (!logs) {
			return [];
		}

		const view = this.#watch.snapshot();
		const verdicts = logVerdicts(view, {kind: 'job', uid: logs.jobUid}, this.#io.clock.now());
		const lines: string[] = [];
		for (const [podUid, tag] of logs.tags) {
			const pod = view.pods.get(podUid) ?? view.deleted.get(podUid)?.object;
			const phase = pod !== undefined && isPod(pod) ? pod.status?.phase : undefined;
			const verdict = verdicts.pods.get(podUid);
			if (podUid === except || logs.judged.has(podUid) || verdict === undefined || (phase !== 'Succeeded' && phase !== 'Failed')) {
				continue;
			}

			logs.judged.add(podUid);
			lines.push(`${tag ? `${tag} ` : ''}■ ${printable(verdict.text)}`);
		}

		return lines;
	}

	#finishJob(job: Job, uid: string): void {
		const succeeded = isJobSucceeded(job);
		const wanted = this.#flags.for;
		const met = wanted === 'finished' || (wanted === 'complete') === succeeded;
		if (!succeeded) {
			const view = this.#watch.snapshot();
			const failed = podsOfJob(view, uid).filter(found => !found.deleted && found.object.status?.phase === 'Failed').map(found => found.object);
			this.#failedPods = failed;
		}

		this.#end({code: met ? waitExit.met : waitExit.notMet, job});
	}

	#failedPods: Pod[] = [];

	/** Lets --logs catch up, prints the verdict, and returns the exit code. */
	async #finishLogs(ended: Ended): Promise<number> {
		const {job} = ended;
		if (this.#logs) {
			const clock = this.#io.clock;
			if (job) {
				// The job has ended, so every stream ends once its container's last lines are read.
				const stop = new AbortController();
				await Promise.race([this.#logs.session.done, sleep(clock, logDrainMs, stop.signal)]);
				stop.abort();
			}

			this.#logs.buffer.flush();
			this.#printLogs();
			const verdicts = this.#verdictLines();
			if (verdicts.length > 0) {
				this.#io.stdout(`${verdicts.join('\n')}\n`);
			}
		}

		if (job) {
			const io = this.#io;
			const view = this.#watch.snapshot();
			const now = io.clock.now();
			io.stdout(`${statusLine(job, view, now)}\n`);
			if (!isJobSucceeded(job)) {
				const tails = await fetchLogTails(this.#watch.cluster.connection.kubeConfig, this.#failedPods, tailLines, io.clock);
				const lines = failedAttemptLines(job, view, now, tails);
				if (lines.length > 0) {
					io.stdout(`${lines.join('\n')}\n`);
				}
			}
		}

		return ended.code;
	}

	#finishTimeout(waitingFor: string, job: Job | undefined): void {
		const io = this.#io;
		const spent = io.clock.now() - this.#startedAt;
		const where = job ? `; ${statusLine(job, this.#watch.snapshot(), io.clock.now())}` : '';
		io.stderr(`kjobs: timed out after ${Math.round(spent / 1000)}s waiting for ${waitingFor}${where}\n`);
		this.#end({code: waitExit.timeout});
	}
}

function findUid(map: ReadonlyMap<string, Job | CronJob>, namespace: string, name: string): string | undefined {
	for (const [uid, object] of map) {
		if (object.metadata.namespace === namespace && object.metadata.name === name) {
			return uid;
		}
	}

	return undefined;
}

function jobTombstone(view: StoreView, uid: string): Job | undefined {
	const tombstone = view.deleted.get(uid)?.object;
	return tombstone && isJob(tombstone) ? tombstone : undefined;
}
