/**
`node --import tsx test/bench/startup.ts [scale flags]` (after `npm run build`): one kjobs start-up against the scale
scenario; prints when the first list page of jobs arrived, first paint, ready, peak RSS and the heap after sync.
*/
import {readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {KjobsProcess} from './kjobs-process.js';
import {isReady} from './measure-kjobs.js';
import {SimProcess} from './references.js';

const sleep = async (ms: number) => new Promise(resolve => setTimeout(resolve, ms));
const jobRow = /^(a-bench|ns-\d+)\s/;
const base = path.join(tmpdir(), `kjobs-startup-${process.pid}`);
const sim = new SimProcess(['--kubeconfig-out', `${base}.kubeconfig`, ...process.argv.slice(2)]);
const info = await sim.info;
const kjobs = new KjobsProcess(info.kubeconfig, {
	KJOBS_BENCH_REPORT: `${base}.memory.json`,
	KJOBS_LIST_TRACE: `${base}.trace.json`,
	NODE_OPTIONS: `--expose-gc --import ${path.resolve('test/bench/list-trace.mjs')}`,
});
const spawnedAt = performance.timeOrigin + kjobs.started;
const since = (at: number | undefined) => at === undefined ? 'never' : `${Math.round(at - kjobs.started)} ms`;
const paint = await kjobs.until(screen => screen.lines().some(line => jobRow.test(line)), 180_000);
const ready = await kjobs.until(screen => isReady(screen, info.expected.jobs), 180_000);
let memory: NodeJS.MemoryUsage | undefined;
if (ready) {
	await sleep(300);
	kjobs.signal('SIGUSR2');
	for (let i = 0; i < 40 && !memory; i++) {
		await sleep(100);
		try {
			memory = JSON.parse(readFileSync(`${base}.memory.json`, 'utf8')) as NodeJS.MemoryUsage;
		} catch {}
	}
}

const trace = JSON.parse(readFileSync(`${base}.trace.json`, 'utf8')) as Record<string, number>;
await kjobs.quit();
await sim.stop();
rmSync(`${base}.memory.json`, {force: true});
rmSync(`${base}.trace.json`, {force: true});
const firstPage = Object.fromEntries(Object.entries(trace).map(([kind, at]) => [kind, `${Math.round(at - spawnedAt)} ms`]));
const mb = (bytes: number | undefined) => bytes === undefined ? '?' : `${Math.round(bytes / 2 ** 20)} MB`;
process.stdout.write(`${JSON.stringify(info.expected)}
first list page: ${JSON.stringify(firstPage)}
first paint:     ${since(paint)} (${paint && trace['jobs'] ? Math.round(paint + performance.timeOrigin - trace['jobs']) : '?'} ms after the first jobs page)
ready:           ${since(ready)}
peak RSS:        ${Math.round(kjobs.peakRssKb / 1024)} MB
after sync:      heap ${mb(memory?.heapUsed)}, RSS ${mb(memory?.rss)}
`);
