/**
What a notification says about jobs that just ended: which job, how it ended, why (the Failed condition's reason) and
with which exit code (the latest failed attempt's). Pure functions of the job and the store view; the text is plain
and still holds whatever the cluster sent — terminal/notify.ts strips control characters before it is sent.
*/
import {isJobSucceeded} from '../../kube/job-state.js';
import type {Job} from '../../kube/types.js';
import type {StoreView} from '../../store/types.js';
import {podsOfJob} from '../lookups.js';
import {uidOf} from '../row-flags.js';
import {controllerBackoff, jobState} from '../rows/job-status.js';
import {lastTermination, terminationText} from '../rows/pod-rows.js';

/** How one job ended. */
export type JobEnd = {
	readonly uid: string;
	readonly namespace: string;
	readonly name: string;
	readonly outcome: 'complete' | 'failed';
	/** BackoffLimitExceeded, DeadlineExceeded, …; absent for a complete job. */
	readonly reason?: string;
	/** The latest failed attempt's `1 Error`, `137 OOMKilled`; absent when no attempt failed. */
	readonly exit?: string;
};

/** How `job` ended (call it once it has). */
export function jobEnd(job: Job, snapshot: StoreView): JobEnd {
	const pods = podsOfJob(snapshot, uidOf(job));
	const state = jobState(job, pods, controllerBackoff);
	const failed = pods.map(found => found.object).filter(pod => pod.status?.phase === 'Failed' || (lastTermination(pod)?.exitCode ?? 0) !== 0);
	const latest = failed.map(pod => lastTermination(pod)).filter(termination => termination !== undefined && termination.exitCode !== 0)
		.sort((a, b) => (a?.finishedAt ?? 0) - (b?.finishedAt ?? 0)).at(-1);
	const succeeded = isJobSucceeded(job);
	const reason = state.text.startsWith(`${state.word}: `) ? state.text.slice(state.word.length + 2) : undefined;
	return {
		uid: uidOf(job),
		namespace: job.metadata.namespace ?? '',
		name: job.metadata.name ?? '',
		outcome: succeeded ? 'complete' : 'failed',
		...(!succeeded && reason !== undefined ? {reason} : {}),
		...(!succeeded && latest ? {exit: `exit ${terminationText(latest)}`} : {}),
	};
}

function details(end: JobEnd): string {
	return [end.reason, end.exit].filter(Boolean).join(', ');
}

/** One end, as a phrase: `batch/report-generator failed: BackoffLimitExceeded, exit 1 Error`. */
export function endPhrase(end: JobEnd): string {
	const more = details(end);
	return `${end.namespace}/${end.name} ${end.outcome === 'complete' ? 'complete' : 'failed'}${more ? `: ${more}` : ''}`;
}

/**
The notification for ends that arrived together (a wave of failures is one message): the title says how many of each,
the body names every job, failures first.
*/
export function noticeText(ends: readonly JobEnd[]): {title: string; body: string} {
	const failed = ends.filter(end => end.outcome === 'failed');
	const complete = ends.filter(end => end.outcome === 'complete');
	if (ends.length === 1) {
		const [end] = ends;
		return {title: end?.outcome === 'failed' ? 'kjobs: job failed' : 'kjobs: job complete', body: end ? `job ${endPhrase(end)}` : ''};
	}

	const counts = [failed.length > 0 ? `${failed.length} failed` : '', complete.length > 0 ? `${complete.length} complete` : ''].filter(Boolean).join(', ');
	return {title: `kjobs: ${ends.length} jobs ended (${counts})`, body: [...failed, ...complete].map(end => endPhrase(end)).join('; ')};
}
