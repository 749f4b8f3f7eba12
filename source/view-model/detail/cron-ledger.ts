/**
A cron job's ledger as its detail screen shows it: the last runs as a strip, the success rate, the start latency and
duration percentiles with a slow-down flag, the last failure however old, and a dead-man flag when no run succeeded
within two schedule periods. Only the runs kjobs saw count, and the first line says since when it has been watching.
*/
import type {CronLedger, LedgerRun} from '../../archive/ledger.js';
import {humanDuration} from '../../kube/duration.js';
import {nextRuns} from '../../kube/cron/schedule.js';
import type {CronJob} from '../../kube/types.js';
import type {Line} from './detail-lines.js';

/** How many runs the strip shows. */
export const ledgerStripRuns = 30;

/** The value at fraction `p` (0–1) of sorted `values` (nearest rank). */
export function percentile(values: readonly number[], p: number): number | undefined {
	if (values.length === 0) {
		return undefined;
	}

	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

const mark = (run: LedgerRun) => (run.outcome === 'succeeded' ? '✓' : run.outcome === 'failed' ? '✗' : '●');
const duration = (run: LedgerRun) => (run.startedAt !== undefined && run.finishedAt !== undefined ? run.finishedAt - run.startedAt : undefined);

/** The ledger's lines for the detail screen at `now`. */
export function ledgerLines(ledger: CronLedger, cronJob: CronJob, now: number): Line[] {
	const {runs} = ledger;
	const since = new Date(ledger.watchingSince).toISOString().replace(/\.\d+Z$/, 'Z');
	const lines: Line[] = [{key: 'ledger-title', text: `Run ledger since ${since} (${humanDuration(now - ledger.watchingSince)} ago): the runs the cluster still had then, and all since`, bold: true}];
	if (runs.length === 0) {
		return [...lines, {key: 'ledger-none', text: '  no run seen yet', tone: 'muted'}];
	}

	const manual = runs.filter(run => run.manual).length;
	lines.push({key: 'ledger-strip', text: `  ${runs.slice(-ledgerStripRuns).map(mark).join('')}  ${runs.length} ${runs.length === 1 ? 'run' : 'runs'} seen${manual > 0 ? ` (${manual} manual)` : ''}, oldest first`});
	const finished = runs.filter(run => run.outcome !== 'running');
	const succeeded = finished.filter(run => run.outcome === 'succeeded');
	const durations = finished.flatMap(run => (duration(run) === undefined ? [] : [duration(run)!]));
	const latencies = runs.flatMap(run => (run.scheduledAt !== undefined && run.startedAt !== undefined ? [Math.max(0, run.startedAt - run.scheduledAt)] : []));
	const p50 = percentile(durations, 0.5);
	const p95 = percentile(durations, 0.95);
	const rate = finished.length === 0 ? 'no run finished yet' : `${Math.round((succeeded.length / finished.length) * 100)}% succeeded (${succeeded.length} of ${finished.length})`;
	const times = p50 === undefined ? '' : ` · duration p50 ${humanDuration(p50)}, p95 ${humanDuration(p95 ?? p50)}`;
	const latency = latencies.length === 0 ? '' : ` · start latency p50 ${humanDuration(percentile(latencies, 0.5)!)}`;
	lines.push({key: 'ledger-rate', text: `  ${rate}${times}${latency}`, tone: finished.length > 0 && succeeded.length < finished.length ? 'warning' : 'normal'});
	// The last finished run took more than twice the usual: worth a look before it becomes a timeout.
	const last = finished.at(-1);
	const lastDuration = last === undefined ? undefined : duration(last);
	if (durations.length >= 5 && p50 !== undefined && lastDuration !== undefined && lastDuration > 2 * p50) {
		lines.push({key: 'ledger-slow', text: `  ⚠ slowing down: the last run took ${humanDuration(lastDuration)}, over twice the p50 of ${humanDuration(p50)}`, tone: 'warning'});
	}

	const failure = [...finished].reverse().find(run => run.outcome === 'failed');
	lines.push(failure === undefined
		? {key: 'ledger-failure', text: '  no failed run seen'}
		: {key: 'ledger-failure', text: `  last failure: ${failure.name}, ${humanDuration(now - (failure.finishedAt ?? failure.createdAt ?? now))} ago${failure.reason ? ` (${failure.reason})` : ''}`, tone: 'error'});
	const dead = deadMan(ledger, cronJob, now);
	if (dead !== undefined) {
		lines.push({key: 'ledger-dead', text: `  ⚠ ${dead}`, tone: 'error'});
	}

	return lines;
}

/**
The dead-man flag: no run succeeded within the last two schedule periods, although kjobs has watched at least that
long (a suspended cron job is expected to be quiet). Undefined when all is well or the schedule cannot be read.
*/
export function deadMan(ledger: CronLedger, cronJob: CronJob, now: number): string | undefined {
	if (cronJob.spec.suspend === true) {
		return undefined;
	}

	let period: number;
	try {
		const [first, second] = nextRuns(cronJob.spec.schedule, cronJob.spec.timeZone ?? undefined, now, 2);
		if (first === undefined || second === undefined) {
			return undefined;
		}

		period = second - first;
	} catch {
		return undefined;
	}

	const window = 2 * period;
	if (now - ledger.watchingSince < window) {
		return undefined;
	}

	const lastSuccess = ledger.runs.filter(run => run.outcome === 'succeeded').at(-1);
	const at = lastSuccess?.finishedAt;
	if (at !== undefined && now - at <= window) {
		return undefined;
	}

	return at === undefined
		? `no successful run in ${humanDuration(now - ledger.watchingSince)} of watching (it runs every ${humanDuration(period)})`
		: `no successful run in two periods: the last one ended ${humanDuration(now - at)} ago (it runs every ${humanDuration(period)})`;
}
