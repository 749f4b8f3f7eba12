/**
What `kjobs wait` prints about a job: the line that says how it ended (or where it stands at a timeout), and for a
failed job each failed attempt with its exit code and the last lines of its log. Pure functions of the job, its pods
and the fetched log tails; every piece of cluster text is made printable (log lines keep no escape sequence).
*/
import {humanDuration} from '../../kube/duration.js';
import {jobFinishedAt} from '../../kube/job-state.js';
import type {Job} from '../../kube/types.js';
import {timeOf} from '../../kube/types.js';
import type {StoreView} from '../../store/types.js';
import {attemptEntries} from '../detail/job-timeline.js';
import {sanitizeLogText} from '../logs/sanitize.js';
import {podsOfJob} from '../lookups.js';
import {printable} from '../printable.js';
import {controllerBackoff, jobState} from '../rows/job-status.js';
import {jobCompletions} from '../../kube/printers/job.js';
import {uidOf} from '../row-flags.js';

/** A job as the report names it: `job batch/job-test`. */
export function jobLabel(job: Job): string {
	return `job ${printable(job.metadata.namespace ?? '')}/${printable(job.metadata.name ?? '')}`;
}

/** The one line saying where a job stands: `job batch/x complete: 5/5 succeeded in 48s`, `… failed: BackoffLimitExceeded …`. */
export function statusLine(job: Job, snapshot: StoreView, now: number): string {
	const state = jobState(job, podsOfJob(snapshot, uidOf(job)), controllerBackoff);
	const start = timeOf(job.status?.startTime);
	const end = state.word === 'Complete' || state.word === 'Failed' ? (jobFinishedAt(job) ?? now) : now;
	const took = start === undefined ? '' : ` in ${humanDuration(end - start)}`;
	const failed = job.status?.failed ?? 0;
	const counts = `${jobCompletions(job)} succeeded${failed > 0 ? `, ${failed} failed` : ''}`;
	switch (state.word) {
		case 'Complete': return `${jobLabel(job)} complete: ${counts}${took}`;
		case 'Failed': return `${jobLabel(job)} failed: ${printable(state.text.replace(/^Failed: /, ''))} (${counts}${took})`;
		default: return `${jobLabel(job)} is ${printable(state.text)} (${counts}${start === undefined ? '' : `, running for ${humanDuration(now - start)}`})`;
	}
}

/** The tail of one attempt's log: the pod's uid and the lines (raw, as the API sent them). */
export type LogTail = {readonly podUid: string; readonly lines: readonly string[]; readonly error?: string};

/**
Every failed attempt, oldest first: `  attempt 2 · pod job-test-x7k2p · exit 1 Error`, then its last log lines indented
under a bar, or what kept them from being read.
*/
export function failedAttemptLines(job: Job, snapshot: StoreView, now: number, tails: readonly LogTail[]): string[] {
	const entries = attemptEntries(podsOfJob(snapshot, uidOf(job)), now);
	const out: string[] = [];
	for (const [position, entry] of entries.entries()) {
		if (entry.state !== 'failed') {
			continue;
		}

		const which = entry.index === undefined ? `attempt ${position + 1}` : `index ${entry.index}`;
		out.push(`  ${which} · pod ${printable(entry.name)} · exit ${printable(entry.exit || 'unknown')}`);
		const tail = tails.find(each => each.podUid === entry.podUid);
		if (tail?.error !== undefined) {
			out.push(`    (log not read: ${printable(tail.error)})`);
		} else if (tail === undefined || tail.lines.length === 0) {
			out.push('    (no log lines)');
		} else {
			out.push(...tail.lines.map(line => `    │ ${sanitizeLogText(line).plain}`));
		}
	}

	return out;
}
