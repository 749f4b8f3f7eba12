/**
A job's STATUS as kjobs shows it: kubectl's word, with "Running" refined into Pending or BackingOff, the reason added to
Failed and FailureTarget, and SuccessCriteriaMet shown while a succeeding job waits for its last pods.
*/
import {jobStatus} from '../../kube/printers/job.js';
import {podStatusReason} from '../../kube/printers/pod.js';
import {parseGoDuration} from '../../kube/cron/schedule.js';
import {nextPodCreationAt} from '../../kube/job-backoff.js';
import {jobCondition} from '../../kube/job-state.js';
import type {Job, JobCondition, Pod} from '../../kube/types.js';
import {timeOf} from '../../kube/types.js';
import type {Found} from '../lookups.js';
import type {Tone} from '../types.js';

/** The job controller's pod re-creation backoff: 10 s doubling, capped at 10 minutes (https://github.com/kubernetes/kubernetes/blob/v1.34.0/pkg/controller/job/job_controller.go, DefaultJobPodFailureBackOff and MaxJobPodFailureBackOff). */
export const controllerBackoff = {baseMs: 10_000, maxMs: 600_000} as const;

/** The backoff constants, replaceable so tests can use the upstream vectors' own. */
export type BackoffConstants = {readonly baseMs: number; readonly maxMs: number};

/** The status words kjobs shows for a job. */
export type JobWord = 'Running' | 'Pending' | 'BackingOff' | 'Suspended' | 'Terminating' | 'Complete' | 'Failed' | 'FailureTarget' | 'SuccessCriteriaMet';

/** A job's refined status: the word, the cell text (word plus reason), its tone and when it retries. */
export type JobState = {
	readonly word: JobWord;
	readonly text: string;
	readonly tone: Tone;
	/** When the next attempt starts while backing off (controller re-creation or kubelet restart). */
	readonly retryAt?: number;
	/**
	Container restarts the controller counts toward backoffLimit under restartPolicy OnFailure: those of the running and
	pending pods while the job runs (as the controller sums them), of every pod still known (deleted ones included) once
	it has finished. 0 under
	restartPolicy Never, where only failed pods count.
	*/
	readonly restarts: number;
};

function withReason(word: string, condition: JobCondition | undefined): string {
	return condition?.reason ? `${word}: ${condition.reason}` : word;
}

/**
Works out a job's status from the job and its pods. Tombstoned pods still count as attempts for the backoff, but never
as active.
*/
export function jobState(job: Job, pods: ReadonlyArray<Found<Pod>>, backoff: BackoffConstants = controllerBackoff): JobState {
	return {...stateWord(job, pods, backoff), restarts: countedRestarts(job, pods)};
}

function stateWord(job: Job, pods: ReadonlyArray<Found<Pod>>, backoff: BackoffConstants): Omit<JobState, 'restarts'> {
	const kubectl = jobStatus(job);
	switch (kubectl) {
		case 'Complete': {
			return {word: 'Complete', text: 'Complete', tone: 'success'};
		}

		case 'Failed': {
			return {word: 'Failed', text: withReason('Failed', jobCondition(job, 'Failed')), tone: 'error'};
		}

		case 'Terminating': {
			return {word: 'Terminating', text: 'Terminating', tone: 'muted'};
		}

		case 'Suspended': {
			return {word: 'Suspended', text: 'Suspended', tone: 'muted'};
		}

		case 'FailureTarget': {
			return {word: 'FailureTarget', text: withReason('FailureTarget', jobCondition(job, 'FailureTarget')), tone: 'error'};
		}

		case 'SuccessCriteriaMet': {
			return {word: 'SuccessCriteriaMet', text: 'SuccessCriteriaMet', tone: 'success'};
		}

		default: {
			return refineRunning(job, pods, backoff);
		}
	}
}

function refineRunning(job: Job, pods: ReadonlyArray<Found<Pod>>, backoff: BackoffConstants): Omit<JobState, 'restarts'> {
	if (jobCondition(job, 'SuccessCriteriaMet')?.status === 'True') {
		return {word: 'SuccessCriteriaMet', text: 'SuccessCriteriaMet', tone: 'success'};
	}

	const active = pods.filter((pod) => !pod.deleted && isActivePod(pod.object)).map((pod) => pod.object);
	// A tombstone that is neither terminal nor marked for deletion cannot say how it ended: leave it out of the backoff.
	const attempts = pods.filter((pod) => !pod.deleted || !isActivePod(pod.object)).map((pod) => pod.object);
	const recreateAt = nextPodCreationAt(job, attempts, backoff);
	// Without pod objects (pods watch down or forbidden) the job's own count decides whether anything is running.
	const nothingActive = active.length === 0 && (job.status?.active ?? 0) === 0;
	if (nothingActive && recreateAt !== undefined) {
		return {word: 'BackingOff', text: 'BackingOff', tone: 'warning', retryAt: recreateAt};
	}

	// restartPolicy OnFailure: the kubelet restarts in place, so every active pod waiting in CrashLoopBackOff means
	// the job is backing off just the same; the next attempt is the soonest container restart.
	const restarts = active.map((pod) => crashLoopRestartAt(pod));
	if (active.length > 0 && restarts.every((at) => at !== null)) {
		const known = restarts.filter((at): at is number => at !== undefined && at !== null);
		const retryAt = known.length > 0 ? Math.min(...known) : undefined;
		return retryAt === undefined
			? {word: 'BackingOff', text: 'BackingOff', tone: 'warning'}
			: {word: 'BackingOff', text: 'BackingOff', tone: 'warning', retryAt};
	}

	const running = active.some((pod) => pod.status?.phase === 'Running');
	const noPodsYet = nothingActive && (job.status?.succeeded ?? 0) === 0;
	const stuck = stuckReason(active);
	const retry = recreateAt === undefined ? {} : {retryAt: recreateAt};
	if ((active.length > 0 && !running) || noPodsYet) {
		// A pod that cannot start (a bad image, a missing secret, no node) is why the job waits: say it, as a warning.
		return stuck === undefined
			? {word: 'Pending', text: 'Pending', tone: 'pending', ...retry}
			: {word: 'Pending', text: `Pending: ${stuck.reason}`, tone: 'warning', ...retry};
	}

	// One pod runs while another cannot start: the job runs, and the stuck one is named beside the word.
	const text = stuck === undefined ? 'Running' : `Running, ${stuck.count} ${stuck.reason}`;
	return {word: 'Running', text, tone: 'running', ...retry};
}

// Why a pod waits that a user has to act on; the normal steps of starting a pod (ContainerCreating, PodInitializing,
// just scheduled) are not reasons to alarm anyone.
const startingReasons = new Set(['ContainerCreating', 'PodInitializing', 'Pending', 'Running', 'Completed', 'Init:0/1', 'NotReady', 'Terminating']);

/**
The reason the first stuck pod of `active` gives (kubectl's pod STATUS, e.g. ImagePullBackOff, Init:ErrImagePull,
CreateContainerConfigError, or Unschedulable from its PodScheduled condition) and how many pods are stuck; undefined
when every pod is just starting or running.
*/
export function stuckReason(active: readonly Pod[]): {readonly reason: string; readonly count: number} | undefined {
	let first: string | undefined;
	let count = 0;
	for (const pod of active) {
		const reason = podStuckReason(pod);
		if (reason !== undefined) {
			first ??= reason;
			count++;
		}
	}

	return first === undefined ? undefined : {reason: first, count};
}

function podStuckReason(pod: Pod): string | undefined {
	if (pod.status?.phase !== 'Pending') {
		return undefined;
	}

	const unschedulable = pod.status.conditions?.find((condition) => condition.type === 'PodScheduled' && condition.status === 'False');
	if (unschedulable?.reason) {
		return unschedulable.reason;
	}

	const reason = podStatusReason(pod);
	// Init:N/M only counts init containers done; it is progress, not a problem.
	return startingReasons.has(reason) || /^Init:\d+\/\d+$/.test(reason) ? undefined : reason;
}

// Restarts counted toward backoffLimit (see JobState.restarts).
function countedRestarts(job: Job, pods: ReadonlyArray<Found<Pod>>): number {
	if (job.spec.template?.spec?.restartPolicy !== 'OnFailure') {
		return 0;
	}

	const finished = jobStatus(job) === 'Complete' || jobStatus(job) === 'Failed';
	let restarts = 0;
	for (const {object: pod, deleted} of pods) {
		const phase = pod.status?.phase;
		if (!finished && (deleted || (phase !== 'Running' && phase !== 'Pending'))) {
			continue;
		}

		for (const status of [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])]) {
			restarts += status.restartCount ?? 0;
		}
	}

	return restarts;
}

/** A pod the job controller counts as active: not terminal and not being deleted. */
export function isActivePod(pod: Pod): boolean {
	const phase = pod.status?.phase;
	return phase !== 'Succeeded' && phase !== 'Failed' && !pod.metadata.deletionTimestamp;
}

/**
When a pod in CrashLoopBackOff restarts its container: the kubelet's `back-off 20s restarting failed container…` message
added to the last termination. `null` when the pod is not crash-looping, `undefined` when the time cannot be told.
*/
export function crashLoopRestartAt(pod: Pod): number | null | undefined {
	const waiting = pod.status?.containerStatuses?.filter((status) => status.state?.waiting?.reason === 'CrashLoopBackOff') ?? [];
	if (waiting.length === 0) {
		return null;
	}

	let soonest: number | undefined;
	for (const status of waiting) {
		const finished = timeOf(status.lastState?.terminated?.finishedAt);
		const delay = goDuration(/back-off (\S+) restarting/.exec(status.state?.waiting?.message ?? '')?.[1]);
		if (finished !== undefined && delay !== undefined) {
			soonest = Math.min(soonest ?? Number.POSITIVE_INFINITY, finished + delay);
		}
	}

	return soonest;
}

function goDuration(text: string | undefined): number | undefined {
	if (text === undefined) {
		return undefined;
	}

	try {
		return parseGoDuration(text);
	} catch {
		return undefined;
	}
}
