/**
`npm run soak:scale` (after `npm run build`): the built kjobs in a real pseudo-terminal against the scale scenario
(20,000 jobs, 100,000 pods by default) under steady churn, for SOAK_SECONDS (default 900). Every interval it makes
kjobs collect garbage and report its heap, and fails when the heap after GC grows beyond a bound once warm: with the
object counts constant (the churn adds as many pods as it deletes), a growing heap is a leak. Runs the simulator in its
own process, so the figures are kjobs' alone.
Fails too when the slope of the heap after GC after warm-up passes SOAK_HEAP_SLOPE_MB_PER_MIN (default 0.5).
Flags: --jobs/--cronjobs/--pods/--namespaces/--churn (scale scenario size), --interval S (default 60),
--snapshots DIR (write a heap snapshot at each sample into DIR, to compare two and see what grows).
*/
import {mkdirSync} from 'node:fs';
import path from 'node:path';
import {parseArgs} from 'node:util';
import {startKjobs} from './measure-kjobs.js';
import {SimProcess} from './references.js';

const {values} = parseArgs({options: {jobs: {type: 'string'}, cronjobs: {type: 'string'}, pods: {type: 'string'}, namespaces: {type: 'string'}, churn: {type: 'string'}, interval: {type: 'string'}, snapshots: {type: 'string'}}});
const seconds = Number(process.env['SOAK_SECONDS'] ?? 900);
const interval = Number(values.interval ?? 60);
const churn = Number(values.churn ?? 500);
const size = {jobs: values.jobs ?? '20000', cronjobs: values.cronjobs ?? '1000', pods: values.pods ?? '100000', namespaces: values.namespaces ?? '50'};
// The bound: after the warm-up (the first sample past five minutes, when every tombstone and event has reached its
// steady count), the heap after GC may move by no more than this. Measured flat runs wander by a few MB.
const boundMb = Number(process.env['SOAK_HEAP_BOUND_MB'] ?? 25);
// And the trend: the least-squares slope of the heap after GC over the samples after warm-up. A slow leak stays under
// the end bound in a short run (2.4 MB a minute did for ten minutes), so the slope is bounded too, in MB per minute.
const slopeBound = Number(process.env['SOAK_HEAP_SLOPE_MB_PER_MIN'] ?? 0.5);
const warmUpSeconds = Math.min(300, seconds / 3);

const mb = (bytes: number | undefined) => (bytes === undefined ? Number.NaN : Math.round(bytes / 2 ** 20));
const sleep = async (ms: number) => new Promise(resolve => setTimeout(resolve, ms));
const log = (text: string) => process.stderr.write(`soak:scale: ${text}\n`);

const snapshots = values.snapshots && path.resolve(values.snapshots);
if (snapshots) {
	mkdirSync(snapshots, {recursive: true});
}

const sim = new SimProcess(['--kubeconfig-out', `/tmp/kjobs-soak-${process.pid}.kubeconfig`, ...Object.entries(size).flatMap(([key, value]) => [`--${key}`, value])]);
const info = await sim.info;
log(`scale scenario ready in ${info.setupMs} ms: ${info.expected.jobs} jobs, ${info.expected.cronJobs} cron jobs, ${info.expected.pods} pods`);
const {kjobs, startup, memoryAfterGc} = await startKjobs(info, 300_000, snapshots ? {KJOBS_BENCH_HEAP_SNAPSHOTS: snapshots} : {});
if (startup.readyMs === undefined) {
	log(`kjobs never became ready; its screen:\n${kjobs.screen.lines().slice(0, 8).join('\n')}`);
	await kjobs.quit();
	await sim.stop();
	process.exit(1);
}

log(`kjobs ready in ${Math.round(startup.readyMs)} ms, heap after GC ${startup.heapUsedMb?.toFixed(0)} MB; churn ${churn} events/s for ${seconds} s`);
await sim.command(`churn ${churn}`);
const began = performance.now();
const samples: Array<{at: number; heapMb: number; rssMb: number; pods: number}> = [];
while (performance.now() - began < seconds * 1000) {
	await sleep(interval * 1000);
	const usage = await memoryAfterGc(snapshots ? 3000 : 100);
	const stats = await sim.command('stats');
	const at = Math.round((performance.now() - began) / 1000);
	samples.push({at, heapMb: mb(usage?.heapUsed), rssMb: mb(usage?.rss), pods: stats.pods});
	log(`t=${String(at).padStart(5)}s heap after GC ${mb(usage?.heapUsed)} MB, RSS ${mb(usage?.rss)} MB, server pods ${stats.pods}`);
}

await sim.command('churn 0');
await kjobs.quit();
await sim.stop();

const warm = samples.find(sample => sample.at >= warmUpSeconds) ?? samples[0];
// A sample whose report did not come in time (a busy machine) is left out rather than failing the slope.
const after = samples.filter(sample => warm && sample.at >= warm.at && Number.isFinite(sample.heapMb));
const highest = Math.max(...after.map(sample => sample.heapMb));
const growth = warm ? highest - warm.heapMb : Number.NaN;
const slope = slopePerMinute(after);
const started = samples[0];
const last = samples.at(-1);
const events = churn * ((last?.at ?? 0));
log(`${size.jobs} jobs, ${size.pods} pods, churn ${churn} events/s: heap after GC ${started?.heapMb} MB at t=${started?.at} s, ${last?.heapMb} MB at t=${last?.at} s (${((last?.at ?? 0) / 60).toFixed(1)} min, about ${events} events); slope after warm-up ${slope.toFixed(2)} MB/min (bound ${slopeBound})`);
log(`heap after GC: ${samples.map(sample => sample.heapMb).join(' → ')} MB; after warm-up (t=${warm?.at} s) it grew ${growth} MB (bound ${boundMb} MB)`);
if (!(growth <= boundMb)) {
	log(`FAILED: the heap after GC grew ${growth} MB after warm-up, more than ${boundMb} MB`);
	process.exitCode = 1;
} else if (!(slope <= slopeBound)) {
	log(`FAILED: the heap after GC climbs ${slope.toFixed(2)} MB a minute after warm-up, more than ${slopeBound}`);
	process.exitCode = 1;
} else {
	log('passed: the heap after GC stayed flat');
}

// MB per minute of the best straight line through the samples; NaN (a failure) with fewer than three of them.
function slopePerMinute(points: ReadonlyArray<{at: number; heapMb: number}>): number {
	if (points.length < 3) {
		return Number.NaN;
	}

	const meanAt = points.reduce((sum, point) => sum + point.at, 0) / points.length;
	const meanHeap = points.reduce((sum, point) => sum + point.heapMb, 0) / points.length;
	const covariance = points.reduce((sum, point) => sum + (point.at - meanAt) * (point.heapMb - meanHeap), 0);
	const variance = points.reduce((sum, point) => sum + (point.at - meanAt) ** 2, 0);
	return covariance / variance * 60;
}
