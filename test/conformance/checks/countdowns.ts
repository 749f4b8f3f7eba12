/**
Check: kjobs' countdowns against the controllers' own clocks. kjobs watches the namespace with its own watchers and
store; after every event it receives, the check reads the moment kjobs' row model predicts (RETRY, TTL, DEADLINE, a
cron job's NEXT) and later compares it with what the controller then did:

- RETRY of a Job failing with backoffLimit 3: the last prediction before each new pod vs that pod's
  creationTimestamp (and when the pod reached kjobs), over every retry;
- TTL (ttlSecondsAfterFinished 5): the prediction vs the Job's deletionTimestamp (the TTL controller's delete) and
  the moment the Job is gone;
- DEADLINE (activeDeadlineSeconds 6): the prediction vs the FailureTarget/DeadlineExceeded condition's time;
- NEXT of a one-minute CronJob, sampled every 250 ms: the last prediction before each run vs the Job's
  creationTimestamp and its scheduled-timestamp annotation.

API timestamps have whole seconds, and every prediction is whole seconds too (it is built from them), so the
timestamp errors are whole seconds; the arrival errors (wall clock when kjobs heard of it) are finer and include
the watch's delivery.
*/
import type {CronJob, Job, Pod} from '../../../source/kube/types.js';
import {timeOf} from '../../../source/kube/types.js';
import {jobsOfCronJob, podsOfJob} from '../../../source/view-model/lookups.js';
import {deadlineAt, ttlExpiresAt} from '../../../source/view-model/rows/job-rows.js';
import {jobState} from '../../../source/view-model/rows/job-status.js';
import {cronRuns, scheduledTimestampAnnotation} from '../../../source/view-model/rows/cronjob-runs.js';
import type {StoreView} from '../../../source/store/types.js';
import type {Target} from '../targets.js';
import {piJob, type Row, waitUntil} from './common.js';
import {watchWithKjobs} from './kjobs-watch.js';

const namespace = 'conformance-countdowns';

/** One prediction compared with what happened: errors in ms (positive: the controller acted after the countdown). */
export type Measured = {label: string; stampErrorMs: number; arrivalErrorMs: number; changed: boolean};

/** What one target showed. */
export type CountdownFacts = {retry: Measured[]; retryDelays: string; retryPods: number; ttl: Measured[]; deadline: Measured[]; cron: Measured[]; cronAnnotation: string};

const cronJob = (name: string): CronJob => ({
	apiVersion: 'batch/v1',
	kind: 'CronJob',
	metadata: {name},
	spec: {schedule: '* * * * *', concurrencyPolicy: 'Allow', jobTemplate: {spec: {...piJob('unused', {runSeconds: 1}).spec}}},
} as unknown as CronJob);

const jobNamed = (view: StoreView, name: string) => [...view.jobs.values()].find(job => job.metadata.name === name);

/** Runs the four countdowns at once against `target` (about 90 s: the retry job's 10 + 20 + 40 s of back-off). */
export async function runCountdowns(target: Target): Promise<CountdownFacts> {
	await target.ok(['create', 'namespace', namespace]);
	// Retry: the last prediction while the job had n pods, and the first time (and what) each pod was seen.
	const retryPredictions = new Map<number, {at: number; first: number}>();
	const podsSeen = new Map<string, {created: number; arrived: number}>();
	let ttlPrediction: {at: number; first: number} | undefined;
	let ttlDeletion: number | undefined;
	let ttlGoneAt: number | undefined;
	let deadlinePrediction: {at: number; first: number} | undefined;
	let deadlineHit: {stamp: number; arrived: number} | undefined;
	const cronSamples: Array<{sampledAt: number; next: number}> = [];
	const cronRunsSeen = new Map<string, {created: number; scheduled: number | undefined; arrived: number; annotation: string}>();

	const onEvent = (view: StoreView, at: number) => {
		const retryJob = jobNamed(view, 'cd-retry');
		if (retryJob) {
			const pods = podsOfJob(view, retryJob.metadata.uid!);
			for (const {object} of pods) {
				if (!podsSeen.has(object.metadata.uid!)) {
					podsSeen.set(object.metadata.uid!, {created: timeOf(object.metadata.creationTimestamp)!, arrived: at});
				}
			}

			const retryAt = jobState(retryJob, pods).retryAt;
			if (retryAt !== undefined) {
				const previous = retryPredictions.get(podsSeen.size);
				retryPredictions.set(podsSeen.size, {at: retryAt, first: previous?.first ?? retryAt});
			}
		}

		const ttlJob = jobNamed(view, 'cd-ttl');
		if (ttlJob) {
			const at_ = ttlExpiresAt(ttlJob);
			if (at_ !== undefined && ttlJob.metadata.deletionTimestamp === undefined) {
				ttlPrediction = {at: at_, first: ttlPrediction?.first ?? at_};
			}

			ttlDeletion ??= timeOf(ttlJob.metadata.deletionTimestamp);
		} else if (ttlPrediction && ttlGoneAt === undefined) {
			ttlGoneAt = at;
		}

		const deadlineJob = jobNamed(view, 'cd-deadline');
		if (deadlineJob) {
			const condition = deadlineJob.status?.conditions?.find(each => each.type === 'FailureTarget' && each.reason === 'DeadlineExceeded');
			if (condition) {
				deadlineHit ??= {stamp: timeOf(condition.lastTransitionTime)!, arrived: at};
			} else {
				const predicted = deadlineAt(deadlineJob, jobState(deadlineJob, podsOfJob(view, deadlineJob.metadata.uid!)));
				if (predicted !== undefined) {
					deadlinePrediction = {at: predicted, first: deadlinePrediction?.first ?? predicted};
				}
			}
		}

		const cron = [...view.cronJobs.values()].find(each => each.metadata.name === 'cd-cron');
		if (cron) {
			for (const {object} of jobsOfCronJob(view, cron.metadata.uid!)) {
				if (!cronRunsSeen.has(object.metadata.uid!)) {
					const annotation = object.metadata.annotations?.[scheduledTimestampAnnotation] ?? '(none)';
					cronRunsSeen.set(object.metadata.uid!, {created: timeOf(object.metadata.creationTimestamp)!, scheduled: timeOf(annotation), arrived: at, annotation});
				}
			}
		}
	};

	const kjobs = await watchWithKjobs(target, namespace, ['jobs', 'pods', 'cronjobs'], onEvent);
	// NEXT changes with the clock, not with events: sample what kjobs would show, as its screen does each second.
	const sampler = setInterval(() => {
		const view = kjobs.view();
		const cron = [...view.cronJobs.values()].find(each => each.metadata.name === 'cd-cron');
		if (cron) {
			const now = Date.now();
			const jobs = jobsOfCronJob(view, cron.metadata.uid!).filter(found => !found.deleted).map(found => found.object);
			const runs = cronRuns(cron, jobs, now);
			const next = runs.due ?? runs.next;
			if (next !== undefined) {
				cronSamples.push({sampledAt: now, next});
			}
		}
	}, 250);
	try {
		const manifests = [
			piJob('cd-retry', {exitCode: 1, runSeconds: 1, backoffLimit: 3}),
			piJob('cd-ttl', {runSeconds: 1, ttlSecondsAfterFinished: 5}),
			piJob('cd-deadline', {runSeconds: 60, activeDeadlineSeconds: 6}),
		];
		// One YAML stream of documents, not a v1 List: kubectl validates a List against /openapi/v2, which the simulator
		// does not serve (a listed difference).
		await target.ok(['apply', '-n', namespace, '-f', '-'], [...manifests, cronJob('cd-cron')].map(each => JSON.stringify(each)).join('\n---\n'));
		const failed = (job: Job | undefined) => job?.status?.conditions?.some(condition => condition.type === 'Failed' && condition.status === 'True') === true;
		await waitUntil(`${target.label}: the countdown jobs`, 240_000, async () => {
			const view = kjobs.view();
			return failed(jobNamed(view, 'cd-retry')) && ttlGoneAt !== undefined && deadlineHit !== undefined && cronRunsSeen.size > 0;
		});
		const view = kjobs.view();
		const retryJob = jobNamed(view, 'cd-retry')!;
		const pods = podsOfJob(view, retryJob.metadata.uid!).map(found => found.object).sort((a, b) => (timeOf(a.metadata.creationTimestamp) ?? 0) - (timeOf(b.metadata.creationTimestamp) ?? 0));
		const byCreation = [...podsSeen.values()].sort((a, b) => a.created - b.created || a.arrived - b.arrived);
		const retry: Measured[] = [];
		for (let i = 1; i < byCreation.length; i++) {
			const prediction = retryPredictions.get(i);
			const pod = byCreation[i]!;
			retry.push(prediction
				? {label: `retry ${i}`, stampErrorMs: pod.created - prediction.at, arrivalErrorMs: pod.arrived - prediction.at, changed: prediction.first !== prediction.at}
				: {label: `retry ${i} (no countdown shown)`, stampErrorMs: Number.NaN, arrivalErrorMs: Number.NaN, changed: false});
		}

		const measure = (label: string, prediction: {at: number; first: number} | undefined, stamp: number | undefined, arrived: number | undefined): Measured[] => [prediction && stamp !== undefined && arrived !== undefined
			? {label, stampErrorMs: stamp - prediction.at, arrivalErrorMs: arrived - prediction.at, changed: prediction.first !== prediction.at}
			: {label: `${label} (not seen)`, stampErrorMs: Number.NaN, arrivalErrorMs: Number.NaN, changed: false}];
		const annotations: string[] = [];
		const cron = [...cronRunsSeen.values()].sort((a, b) => a.created - b.created).map((run, i) => {
			const before = cronSamples.filter(sample => sample.sampledAt < run.arrived).at(-1);
			annotations.push(before && run.scheduled === before.next ? 'equals the NEXT shown' : `${run.annotation} ≠ NEXT ${before ? new Date(before.next).toISOString() : '(none shown)'}`);
			return before
				? {label: `run ${i + 1}`, stampErrorMs: run.created - before.next, arrivalErrorMs: run.arrived - before.next, changed: false}
				: {label: `run ${i + 1} (no NEXT shown)`, stampErrorMs: Number.NaN, arrivalErrorMs: Number.NaN, changed: false};
		});
		return {
			retry,
			retryDelays: delaysBetween(pods),
			retryPods: pods.length,
			ttl: measure('TTL', ttlPrediction, ttlDeletion, ttlGoneAt),
			deadline: measure('deadline', deadlinePrediction, deadlineHit?.stamp, deadlineHit?.arrived),
			cron,
			cronAnnotation: `${annotations.length} runs: ${[...new Set(annotations)].join(', ')}`,
		};
	} finally {
		clearInterval(sampler);
		await kjobs.stop();
		await target.kubectl(['delete', 'namespace', namespace, '--wait=false']);
	}
}

/** Seconds from each failed pod's finish to the next pod's creation: the controller's back-off as the API shows it. */
function delaysBetween(pods: readonly Pod[]): string {
	const delays: string[] = [];
	for (let i = 1; i < pods.length; i++) {
		const finished = timeOf(pods[i - 1]!.status?.containerStatuses?.[0]?.state?.terminated?.finishedAt);
		const created = timeOf(pods[i]!.metadata.creationTimestamp);
		delays.push(finished === undefined || created === undefined ? '?' : `${(created - finished) / 1000}`);
	}

	return `${delays.join(', ')} s`;
}

const seconds = (ms: number) => (Number.isNaN(ms) ? '?' : `${ms >= 0 ? '+' : ''}${(ms / 1000).toFixed(ms % 1000 === 0 ? 0 : 2)} s`);

/** The largest error (by magnitude) of the API timestamps, or NaN when any prediction is missing. */
export function worstStampError(measured: readonly Measured[]): number {
	return measured.reduce((worst, each) => (Number.isNaN(each.stampErrorMs) || Number.isNaN(worst) ? Number.NaN : Math.max(worst, Math.abs(each.stampErrorMs))), 0);
}

/** One cell: every measurement, then the worst. */
function cell(measured: readonly Measured[]): string {
	if (measured.length === 0) {
		return 'nothing measured';
	}

	const each = measured.map(m => `${m.label}: stamp ${seconds(m.stampErrorMs)}, seen ${seconds(m.arrivalErrorMs)}${m.changed ? ' (countdown moved)' : ''}`);
	const worstArrival = Math.max(...measured.map(m => Math.abs(m.arrivalErrorMs)));
	return `${each.join('; ')}; worst stamp ${seconds(worstStampError(measured)).replace('+', '')}, seen ${seconds(worstArrival).replace('+', '')}`;
}

/** Within the target: every prediction present, none moved, each controller timestamp at most 1 s from it. */
const withinTarget = (measured: readonly Measured[]) => measured.length > 0 && worstStampError(measured) <= 1000 && measured.every(m => !m.changed);

/** The table rows for both targets. */
export function countdownRows(real: CountdownFacts, sim: CountdownFacts): Row[] {
	const verdict = (a: readonly Measured[], b: readonly Measured[]) => {
		if (!withinTarget(a)) {
			return 'DIFFERS (kjobs vs real controller > 1 s)';
		}

		return withinTarget(b) ? 'match (both ≤ 1 s)' : 'DIFFERS (simulator > 1 s)';
	};

	return [
		{check: 'RETRY countdown vs next pod creationTimestamp (backoffLimit 3, every retry)', real: cell(real.retry), simulator: cell(sim.retry), verdict: verdict(real.retry, sim.retry)},
		{check: 'retry pods and finish → next pod delays', real: `${real.retryPods} pods; ${real.retryDelays}`, simulator: `${sim.retryPods} pods; ${sim.retryDelays}`, verdict: real.retryPods === sim.retryPods ? 'match (pods; delays shown)' : 'DIFFERS'},
		{check: 'TTL countdown (ttlSecondsAfterFinished 5) vs deletionTimestamp / Job gone', real: cell(real.ttl), simulator: cell(sim.ttl), verdict: verdict(real.ttl, sim.ttl)},
		{check: 'DEADLINE countdown (activeDeadlineSeconds 6) vs DeadlineExceeded', real: cell(real.deadline), simulator: cell(sim.deadline), verdict: verdict(real.deadline, sim.deadline)},
		{check: 'NEXT of a one-minute CronJob vs the Job\'s creationTimestamp', real: cell(real.cron), simulator: cell(sim.cron), verdict: verdict(real.cron, sim.cron)},
		{check: 'cron Job scheduled-timestamp annotation = the NEXT shown', real: real.cronAnnotation, simulator: sim.cronAnnotation, verdict: real.cronAnnotation.endsWith(': equals the NEXT shown') && sim.cronAnnotation.endsWith(': equals the NEXT shown') ? 'match' : 'DIFFERS'},
	];
}
