/**
`npm run bench`: kjobs against the scale scenario in a real 120×40 pseudo-terminal, beside kubectl and the floor (a
bare client-node list). Prints a table with the targets and writes the same figures to test/bench/results.json.
Flags: --runs N (default 3), --jobs/--cronjobs/--pods/--namespaces/--churn (scale scenario size), --quick (small).
*/
import {writeFileSync} from 'node:fs';
import {parseArgs} from 'node:util';
import {filterLatency, ingestCapacity, navigationLatency, startKjobs, terminalBytes, type IngestStep, type Startup} from './measure-kjobs.js';
import {logPane, type LogPaneFigures} from './measure-logs.js';
import {hasKubectl, runFloor, runKubectl, runRawFloor, SimProcess} from './references.js';

const {values} = parseArgs({options: {runs: {type: 'string'}, jobs: {type: 'string'}, cronjobs: {type: 'string'}, pods: {type: 'string'}, namespaces: {type: 'string'}, churn: {type: 'string'}, quick: {type: 'boolean'}}});
const quick = values.quick ?? false;
const runs = Number(values.runs ?? (quick ? 1 : 3));
const size = quick ? {jobs: '1000', cronjobs: '100', pods: '5000', namespaces: '10'} : {};
const simArgs = Object.entries({...size, ...values}).filter(([k]) => ['jobs', 'cronjobs', 'pods', 'namespaces', 'churn'].includes(k)).flatMap(([k, v]) => [`--${k}`, String(v)]);

const median = (xs: number[]) => {
	const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
	return s.length === 0 ? Number.NaN : (s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2);
};

const percentile = (xs: number[], p: number) => {
	const s = [...xs].sort((a, b) => a - b);
	return s.length === 0 ? Number.NaN : s[Math.min(s.length - 1, Math.ceil(p / 100 * s.length) - 1)]!;
};

const log = (text: string) => process.stderr.write(`bench: ${text}\n`);

const sim = new SimProcess(['--kubeconfig-out', `/tmp/kjobs-bench-${process.pid}.kubeconfig`, ...simArgs]);
const info = await sim.info;
log(`scale scenario ready in ${info.setupMs} ms: ${info.expected.jobs} jobs, ${info.expected.cronJobs} cron jobs, ${info.expected.pods} pods, churn ${values.churn ?? 500}/s`);

const floor = Array.from({length: runs}, () => runFloor(info.kubeconfig));
const rawFloor = Array.from({length: runs}, () => runRawFloor(info.url));
log(`floor: ${floor.map(f => Math.round(f.ms)).join(', ')} ms; raw HTTP floor: ${rawFloor.map(f => Math.round(f.ms)).join(', ')} ms`);
const kubectl = hasKubectl();
const kubectlJobs = kubectl ? Array.from({length: runs}, () => runKubectl(info.kubeconfig, 'jobs').ms) : [];
const kubectlPods = kubectl ? Array.from({length: runs}, () => runKubectl(info.kubeconfig, 'pods').ms) : [];
log(`kubectl get jobs -A: ${kubectlJobs.map(Math.round).join(', ')} ms; get pods -A: ${kubectlPods.map(Math.round).join(', ')} ms`);

const startups: Startup[] = [];
let jk: number[] = [];
let filter: number[] = [];
let bytes: Awaited<ReturnType<typeof terminalBytes>> | undefined;
let ingest: IngestStep[] = [];
let logs: LogPaneFigures | undefined;
let stressPeakRssMb = Number.NaN;
for (let run = 0; run < runs; run++) {
	const simStats = await sim.command('stats');
	log(`simulator: rss ${Math.round(simStats.rss / 2 ** 20)} MB, ${simStats.pods} pods`);
	const {kjobs, startup, memoryAfterGc} = await startKjobs(info, 180_000);
	startups.push(startup);
	if (startup.readyMs === undefined) {
		log(`kjobs run ${run + 1} never became ready; its screen:\n${kjobs.screen.lines().slice(0, 8).join('\n')}`);
	}

	log(`kjobs run ${run + 1}: first page ${Math.round(startup.firstPageMs ?? Number.NaN)} ms, first paint ${Math.round(startup.firstPaintMs ?? Number.NaN)} ms, ready ${Math.round(startup.readyMs ?? Number.NaN)} ms, heap ${startup.heapUsedMb?.toFixed(0)} MB`);
	if (run === runs - 1 && startup.readyMs !== undefined) {
		await sim.command(`churn ${values.churn ?? 500}`);
		jk = await navigationLatency(kjobs, quick ? 20 : 60);
		filter = [...await filterLatency(kjobs, 'batch-001'), ...await filterLatency(kjobs, 'cron-00')];
		log(`latency j/k p50 ${percentile(jk, 50).toFixed(1)} p95 ${percentile(jk, 95).toFixed(1)}; filter p50 ${percentile(filter, 50).toFixed(1)} p95 ${percentile(filter, 95).toFixed(1)}`);
		startup.peakRssMb = kjobs.peakRssKb / 1024;
		bytes = await terminalBytes(kjobs, sim);
		// The log pane before the ingest overload, whose garbage would blur the log pane's memory figures.
		logs = await logPane(kjobs, sim, [5000, 10_000, 20_000, 40_000], quick ? 4000 : 8000, quick ? 15 : 60, memoryAfterGc);
		log(`log pane: ${logs.steps.map(step => `${step.offered}→${step.shown} lines/s lag ${Math.round(step.lagP50 ?? Number.NaN)} ms`).join('; ')}`);
		await sim.command(`churn ${values.churn ?? 500}`);
		ingest = await ingestCapacity(kjobs, sim, info, [500, 1000, 2000, 4000, 8000, 16_000], quick ? 3000 : 6000);
	}

	stressPeakRssMb = kjobs.peakRssKb / 1024;
	await kjobs.quit();
	await sim.command(`churn ${values.churn ?? 500}`);
	await sim.command('probe on');
}

await sim.stop();

const ready = median(startups.map(s => s.readyMs ?? Number.NaN));
const floorMs = median(floor.map(f => f.ms));
const floorFirstPage = median(floor.map(f => f.firstPageMs));
const firstPaint = median(startups.map(s => s.firstPaintMs ?? Number.NaN));
const firstPage = median(startups.map(s => s.firstPageMs ?? Number.NaN));
// Per run: rows on screen after kjobs' own first jobs page arrived (list-trace.mjs), the target's measure.
const paintAfterPage = median(startups.map(s => (s.firstPaintMs ?? Number.NaN) - (s.firstPageMs ?? Number.NaN)));
const keep = ingest.filter(step => !step.behind).at(-1);
const results = {
	machine: {cpus: (await import('node:os')).cpus().length, node: process.version},
	scenario: {...info.expected, churn: Number(values.churn ?? 500), runs},
	floorMs, floorFirstPageMs: floorFirstPage, rawFloorMs: median(rawFloor.map(f => f.ms)),
	kubectlGetJobsMs: median(kubectlJobs), kubectlGetPodsMs: median(kubectlPods),
	readyMs: ready, firstPageMs: firstPage, firstPaintMs: firstPaint, firstPaintAfterFirstPageMs: paintAfterPage,
	peakRssMb: median(startups.map(s => s.peakRssMb)), peakRssWithIngestStressMb: stressPeakRssMb, heapUsedAfterSyncMb: median(startups.map(s => s.heapUsedMb ?? Number.NaN)),
	keyJkP50Ms: percentile(jk, 50), keyJkP95Ms: percentile(jk, 95), keyFilterP50Ms: percentile(filter, 50), keyFilterP95Ms: percentile(filter, 95),
	bytesPerOneRowFrame: bytes?.perOneRowFrame, bytesPerSecondIdle: bytes?.idlePerSecond,
	ingestCapacityEventsPerSecond: keep?.achieved, ingestSteps: ingest,
	logLinesPerSecond: logs?.sustained, logKeyP95Ms: percentile(logs?.steps.filter(step => step.keepsUp).flatMap(step => step.keyMs) ?? [], 95),
	logRssGrowthMb: logs?.memory ? logs.memory.rssEndMb - logs.memory.rssStartMb : undefined,
	logHeapGrowthMb: logs?.memory ? logs.memory.heapEndMb - logs.memory.heapStartMb : undefined, logMemory: logs?.memory, logSteps: logs?.steps,
	runsDetail: {startups, floor, rawFloor, kubectlJobs, kubectlPods},
};
const file = 'test/bench/results.json';
writeFileSync(file, `${JSON.stringify(results, null, '\t')}\n`);

const f = (n: number | undefined | null, unit = '', digits = 0) => (n === undefined || n === null || Number.isNaN(n) ? 'n/a' : `${n.toFixed(digits)}${unit}`);
const mark = (ok: boolean | undefined) => (ok === undefined ? '' : (ok ? 'met' : 'MISSED'));
const rows: Array<[string, string, string, string]> = [
	['floor (client-node list, no UI)', f(floorMs, ' ms'), '', ''],
	['raw floor (HTTP + JSON.parse only)', f(results.rawFloorMs, ' ms'), '', ''],
	['kubectl get jobs -A', f(results.kubectlGetJobsMs, ' ms'), '', ''],
	['kubectl get pods -A', f(results.kubectlGetPodsMs, ' ms'), '', ''],
	['ready (all lists, every job shown)', f(ready, ' ms'), `≤ ${f(floorMs * 1.5, ' ms')} and < kubectl pods`, mark(ready <= floorMs * 1.5 && (!kubectl || ready < results.kubectlGetPodsMs))],
	['  ready / floor', f(ready / floorMs, '×', 2), '≤ 1.50×', mark(ready / floorMs <= 1.5)],
	['  ready / raw floor', f(ready / results.rawFloorMs, '×', 2), '', ''],
	['  ready / kubectl get pods -A', f(ready / results.kubectlGetPodsMs, '×', 2), '< 1×', mark(ready < results.kubectlGetPodsMs)],
	['first jobs page received by kjobs', f(firstPage, ' ms'), '', ''],
	['first paint (rows on screen)', f(firstPaint, ' ms'), '', ''],
	['  after the first list page', f(results.firstPaintAfterFirstPageMs, ' ms'), '≤ 300 ms', mark(results.firstPaintAfterFirstPageMs <= 300)],
	['peak RSS (start-up, keys under churn)', f(results.peakRssMb, ' MB'), '≤ 250 MB', mark(results.peakRssMb <= 250)],
	['  peak RSS incl. ingest overload', f(results.peakRssWithIngestStressMb, ' MB'), '', ''],
	['heap used after sync (after gc)', f(results.heapUsedAfterSyncMb, ' MB'), '', ''],
	['key→frame j/k p50 / p95 (churn)', `${f(results.keyJkP50Ms, '', 1)} / ${f(results.keyJkP95Ms, ' ms', 1)}`, 'p95 ≤ 50 ms', mark(results.keyJkP95Ms <= 50)],
	['key→frame filter p50 / p95', `${f(results.keyFilterP50Ms, '', 1)} / ${f(results.keyFilterP95Ms, ' ms', 1)}`, 'p95 ≤ 50 ms', mark(results.keyFilterP95Ms <= 50)],
	['bytes per one-row frame', f(bytes?.perOneRowFrame, ' B'), '≤ 1024 B', mark(bytes && bytes.perOneRowFrame <= 1024)],
	['bytes per second idle', f(bytes?.idlePerSecond, ' B/s'), '≤ 5120 B/s', mark(bytes && bytes.idlePerSecond <= 5120)],
	['ingest capacity (lag ≤ 1 s)', keep ? `${keep.achieved} ev/s${ingest.every(s => !s.behind) ? ' (never fell behind)' : ''}` : 'n/a', '', ''],
	['log pane lines/s (follow, lag < 1 s)', f(results.logLinesPerSecond, ' lines/s'), '≥ 20000/s', mark(results.logLinesPerSecond === undefined ? undefined : results.logLinesPerSecond >= 20_000)],
	['  key→frame in the pane, p95', f(results.logKeyP95Ms, ' ms', 1), 'keys responsive', ''],
	[`  heap growth over ${logs?.memory?.seconds ?? 60} s at 10,000 lines/s (after gc)`, f(results.logHeapGrowthMb, ' MB', 1), 'flat (≤ 10 MB)', mark(results.logHeapGrowthMb === undefined ? undefined : results.logHeapGrowthMb <= 10)],
	['  RSS then', `${f(logs?.memory?.rssStartMb, '', 0)} → ${f(logs?.memory?.rssEndMb, ' MB', 0)}`, '', ''],
];
const widths = [0, 1, 2].map(i => Math.max(...rows.map(r => r[i]!.length)));
process.stdout.write(`\nkjobs benchmark: ${info.expected.jobs} jobs, ${info.expected.cronJobs} cron jobs, ${info.expected.pods} pods, churn ${results.scenario.churn}/s, median of ${runs} run(s), 120×40 pty\n\n`);
for (const row of rows) {
	process.stdout.write(`${row[0].padEnd(widths[0]!)}  ${row[1].padStart(widths[1]!)}  ${row[2].padEnd(widths[2]!)}  ${row[3]}\n`);
}

process.stdout.write(`\ningest steps: ${ingest.map(s => `${s.target}→${s.achieved} ev/s lag ${f(s.lagP50, ' ms')}`).join('; ')}\n`);
process.stdout.write(`log pane steps: ${(logs?.steps ?? []).map(s => `${s.offered}→${s.shown} lines/s lag ${f(s.lagP50, ' ms')} keys ${s.keyMs.map(ms => ms.toFixed(0)).join('/')} ms`).join('; ')}\nresults: ${file}\n`);
