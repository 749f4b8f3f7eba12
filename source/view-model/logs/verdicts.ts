/**
What the log pane says about each attempt once its output ends, worked out from the objects and the clock (never stored
in the log buffer, so a countdown in it stays right): `exited 3 (Error) after 4s · next attempt in 20s` after a failed
pod's last line, `exited 1 (Error) after 3s · restart in 20s` while a container waits in CrashLoopBackOff,
`waiting: ImagePullBackOff …` for a pod that cannot start, and the job's end as a last line: `job complete after 1m2s`,
`job failed: BackoffLimitExceeded`.
*/
import {exitText} from '../../kube/container-exit.js';
import {humanDuration} from '../../kube/duration.js';
import {jobCondition, jobFinishedAt} from '../../kube/job-state.js';
import {jobStatus} from '../../kube/printers/job.js';
import {type CronJob, type Job, type Pod, timeOf} from '../../kube/types.js';
import type {StoreView} from '../../store/types.js';
import {countdown} from '../countdown.js';
import {byCreation, type Found, isJob, isPod, jobsOfCronJob, podsOfJob} from '../lookups.js';
import {crashLoopRestartAt, jobState, stuckReason} from '../rows/job-status.js';
import type {Tone} from '../types.js';

/** One verdict line. */
export type LogVerdict = {readonly text: string; readonly tone: Tone};

/** The verdict of each pod by uid (shown after its last entry) and of the whole subject (shown last). */
export type LogVerdicts = {
	readonly pods: ReadonlyMap<string, LogVerdict>;
	readonly end?: LogVerdict;
	/** Equal for equal verdicts: the pane draws again only when this changes. */
	readonly key: string;
};

/** What the pane follows: a job's attempts, a pod, or a cron job's newest run. */
export type VerdictSubject = {readonly kind: 'job' | 'cronjob' | 'pod'; readonly uid: string};

const none: LogVerdicts = {pods: new Map(), key: ''};

/** The verdicts for the pane's subject at `now`. */
export function logVerdicts(snapshot: StoreView, subject: VerdictSubject, now: number): LogVerdicts {
	switch (subject.kind) {
		case 'pod': {
			const pod = live(snapshot, subject.uid, isPod);
			const verdict = pod === undefined ? undefined : podVerdict(pod, undefined, now);
			return verdict === undefined ? none : withKey({pods: new Map(), end: verdict});
		}

		case 'job': {
			const job = live(snapshot, subject.uid, isJob);
			return job === undefined ? none : jobVerdicts(snapshot, job, now);
		}

		case 'cronjob': {
			return cronJobVerdicts(snapshot, subject.uid, now);
		}
	}
}

// The object with this uid, live or a tombstone, when it is of the kind `is` checks.
function live<T extends Job | Pod>(snapshot: StoreView, uid: string, is: (object: CronJob | Job | Pod) => object is T): T | undefined {
	const object = snapshot.jobs.get(uid) ?? snapshot.pods.get(uid) ?? snapshot.deleted.get(uid)?.object;
	return object !== undefined && is(object) ? object : undefined;
}

function withKey(verdicts: Omit<LogVerdicts, 'key'>): LogVerdicts {
	const key = [...verdicts.pods].map(([uid, verdict]) => `${uid}=${verdict.text}`).join('\n') + (verdicts.end ? `\nend=${verdicts.end.text}` : '');
	return {...verdicts, key};
}

/**
The pane follows a cron job's newest run, and the earlier runs' lines stay above it: each earlier run's attempts get
their verdicts too, and its end goes after its last attempt's; the newest run's end is the last line.
*/
function cronJobVerdicts(snapshot: StoreView, cronJobUid: string, now: number): LogVerdicts {
	const runs = jobsOfCronJob(snapshot, cronJobUid).map((found) => found.object).sort(byCreation);
	const newest = runs.at(-1);
	if (newest === undefined) {
		return none;
	}

	const pods = new Map<string, LogVerdict>();
	for (const run of runs.slice(0, -1)) {
		const verdicts = jobVerdicts(snapshot, run, now);
		for (const [uid, verdict] of verdicts.pods) {
			pods.set(uid, verdict);
		}

		const last = podsOfJob(snapshot, run.metadata.uid ?? '').map((found) => found.object).sort(byCreation).at(-1)?.metadata.uid;
		if (verdicts.end !== undefined && last !== undefined) {
			const attempt = pods.get(last);
			pods.set(last, attempt === undefined ? verdicts.end : {text: `${attempt.text} · ${verdicts.end.text}`, tone: verdicts.end.tone});
		}
	}

	const latest = jobVerdicts(snapshot, newest, now);
	for (const [uid, verdict] of latest.pods) {
		pods.set(uid, verdict);
	}

	return withKey(latest.end === undefined ? {pods} : {pods, end: latest.end});
}

function jobVerdicts(snapshot: StoreView, job: Job, now: number): LogVerdicts {
	const pods: Array<Found<Pod>> = podsOfJob(snapshot, job.metadata.uid ?? '');
	const state = jobState(job, pods);
	// The countdown goes with the latest failure: that is the attempt the next one replaces.
	const failed = pods.filter(({object}) => object.status?.phase === 'Failed');
	const latestFailed = failed.at(-1)?.object.metadata.uid;
	const retry = state.word === 'BackingOff' && state.retryAt !== undefined ? state.retryAt : undefined;
	const verdicts = new Map<string, LogVerdict>();
	for (const {object: pod} of pods) {
		const verdict = podVerdict(pod, pod.metadata.uid === latestFailed ? retry : undefined, now);
		if (verdict !== undefined) {
			verdicts.set(pod.metadata.uid ?? '', verdict);
		}
	}

	const end = jobEnd(job);
	return withKey(end === undefined ? {pods: verdicts} : {pods: verdicts, end});
}

function podVerdict(pod: Pod, retryAt: number | undefined, now: number): LogVerdict | undefined {
	const phase = pod.status?.phase;
	const statuses = pod.status?.containerStatuses ?? [];
	if (phase === 'Succeeded' || phase === 'Failed') {
		// The container whose end decided the pod's: a failing one when there is one.
		const ended = statuses.map((status) => status.state?.terminated).filter((terminated) => terminated !== undefined);
		const decisive = ended.find((terminated) => terminated.exitCode !== 0) ?? ended[0];
		const how = decisive === undefined ? `failed${pod.status?.reason ? `: ${pod.status.reason}` : ''}` : exitText(decisive);
		const next = retryAt === undefined ? '' : ` · next attempt ${countdown(retryAt, now)}`;
		return {text: `${how}${next}`, tone: phase === 'Succeeded' ? 'success' : 'error'};
	}

	const restartAt = crashLoopRestartAt(pod);
	if (restartAt !== null) {
		const crashed = statuses.find((status) => status.state?.waiting?.reason === 'CrashLoopBackOff')?.lastState?.terminated;
		const how = crashed === undefined ? 'crashed' : exitText(crashed);
		return {text: `${how} · restart ${restartAt === undefined ? 'soon' : countdown(restartAt, now)}`, tone: 'warning'};
	}

	const stuck = stuckReason([pod]);
	if (stuck !== undefined) {
		const message = [...statuses, ...(pod.status?.initContainerStatuses ?? [])].find((status) => status.state?.waiting?.message)?.state?.waiting?.message
			?? pod.status?.conditions?.find((condition) => condition.type === 'PodScheduled' && condition.status === 'False')?.message;
		return {text: `waiting: ${stuck.reason}${message ? ` · ${message}` : ''}`, tone: 'warning'};
	}

	return undefined;
}

function jobEnd(job: Job): LogVerdict | undefined {
	const started = timeOf(job.status?.startTime);
	const finished = jobFinishedAt(job);
	const took = started === undefined || finished === undefined ? '' : ` after ${humanDuration(Math.max(0, finished - started))}`;
	switch (jobStatus(job)) {
		case 'Complete': {
			return {text: `job complete${took}`, tone: 'success'};
		}

		case 'Failed': {
			const reason = jobCondition(job, 'Failed')?.reason;
			return {text: `job failed${reason ? `: ${reason}` : ''}${took}`, tone: 'error'};
		}

		case 'FailureTarget': {
			const reason = jobCondition(job, 'FailureTarget')?.reason;
			return {text: `job failing${reason ? `: ${reason}` : ''} · stopping its pods`, tone: 'error'};
		}

		case 'Suspended': {
			return {text: 'job suspended', tone: 'muted'};
		}

		default: {
			return undefined;
		}
	}
}
