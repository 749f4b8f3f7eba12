/**
What the benchmark measures on one kjobs process: start-up (first paint, ready, memory), keypress → frame latency
under churn, terminal bytes, and ingest capacity read off the probe job's row.
*/
import {readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {KjobsProcess} from './kjobs-process.js';
import type {SimInfo, SimProcess} from './references.js';
import type {ScreenEmulator as Screen} from '../helpers/screen-emulator.js';

const sleep = async (ms: number) => new Promise(resolve => setTimeout(resolve, ms));
const jobRow = /^(a-bench|ns-\d+)\s/;

/** Start-up figures of one run, ms from process start. */
export type Startup = {firstPageMs?: number; firstPaintMs?: number; readyMs?: number; peakRssMb: number; heapUsedMb?: number; rssAfterSyncMb?: number};

/** A started kjobs, its start-up figures, and a way to read its memory after a full garbage collection. */
export type StartedKjobs = {kjobs: KjobsProcess; startup: Startup; memoryAfterGc: (tries?: number) => Promise<NodeJS.MemoryUsage | undefined>};

/** Starts kjobs and waits until it shows every job with all watches live. The caller quits it. */
export async function startKjobs(sim: SimInfo, timeoutMs: number, env: Record<string, string> = {}): Promise<StartedKjobs> {
	const report = path.join(tmpdir(), `kjobs-bench-${process.pid}-${Date.now()}.json`);
	// list-trace.mjs only listens for when kjobs' own first jobs page has arrived: first paint is timed from there.
	const trace = `${report}.trace`;
	const kjobs = new KjobsProcess(sim.kubeconfig, {
		KJOBS_BENCH_REPORT: report,
		KJOBS_LIST_TRACE: trace,
		NODE_OPTIONS: `--expose-gc --import ${path.resolve('test/bench/list-trace.mjs')}`,
		...env,
	});
	// SIGUSR2 makes kjobs collect garbage and write process.memoryUsage() to the report file (cli.tsx).
	// `tries` tenths of a second to wait for the report (a heap snapshot takes far longer than a GC).
	const memoryAfterGc = async (tries = 50) => {
		rmSync(report, {force: true});
		kjobs.signal('SIGUSR2');
		for (let i = 0; i < tries; i++) {
			await sleep(100);
			try {
				return JSON.parse(readFileSync(report, 'utf8')) as NodeJS.MemoryUsage;
			} catch {}
		}

		return undefined;
	};

	const paint = await kjobs.until(screen => screen.lines().some(line => jobRow.test(line)), timeoutMs);
	const ready = await kjobs.until(screen => isReady(screen, sim.expected.jobs), timeoutMs);
	const startup: Startup = {firstPaintMs: paint && paint - kjobs.started, readyMs: ready && ready - kjobs.started, peakRssMb: 0};
	try {
		const pageAt = (JSON.parse(readFileSync(trace, 'utf8')) as Record<string, number>)['jobs'];
		startup.firstPageMs = pageAt === undefined ? undefined : pageAt - (performance.timeOrigin + kjobs.started);
	} catch {}

	rmSync(trace, {force: true});
	if (ready) {
		await sleep(300);
		const usage = await memoryAfterGc();
		startup.heapUsedMb = usage && usage.heapUsed / 2 ** 20;
		startup.rssAfterSyncMb = usage && usage.rss / 2 ** 20;
	}

	startup.peakRssMb = kjobs.peakRssKb / 1024;
	return {kjobs, startup, memoryAfterGc};
}

/** The header shows the complete job count and every watch live. */
export function isReady(screen: Screen, jobs: number): boolean {
	const header = screen.lines().slice(0, 3).join('\n');
	return header.includes(`${jobs} jobs`) && header.includes('live') && !/connecting|listing|loading/.test(header);
}

function rowKey(row: string | undefined): string {
	return (row ?? '').trim().split(/\s+/).slice(0, 2).join(' ');
}

/** j/k latencies: each press waits for the selected row to move. */
export async function navigationLatency(kjobs: KjobsProcess, presses: number): Promise<number[]> {
	const out: number[] = [];
	for (let i = 0; i < presses; i++) {
		const before = rowKey(kjobs.screen.inverseRow(3));
		const pressed = performance.now();
		kjobs.press(i % 4 < 2 ? 'j' : 'k');
		const at = await kjobs.until(screen => rowKey(screen.inverseRow(3)) !== before, 2000);
		out.push((at ?? performance.now()) - pressed);
		await sleep(60 + (i * 37 % 90));
	}

	return out;
}

/** Filter typing latencies: each character waits until the filter line shows it. */
export async function filterLatency(kjobs: KjobsProcess, text: string): Promise<number[]> {
	const out: number[] = [];
	kjobs.press('/');
	await kjobs.until(screen => screen.lines().some(line => line.startsWith('/')), 2000);
	for (let i = 1; i <= text.length; i++) {
		const typed = text.slice(0, i);
		const pressed = performance.now();
		kjobs.press(typed.at(-1)!);
		const at = await kjobs.until(screen => screen.text().includes(`/${typed}▏`), 2000);
		out.push((at ?? performance.now()) - pressed);
		await sleep(80 + (i * 53 % 70));
	}

	kjobs.press('\u001B');
	await sleep(300);
	kjobs.press('\u001B');
	await sleep(300);
	return out;
}

/** Bytes per second with the cluster still, and bytes per frame while only the probe row changes. */
export async function terminalBytes(kjobs: KjobsProcess, sim: SimProcess): Promise<{idlePerSecond: number; perOneRowFrame: number; frames: number}> {
	await sim.command('churn 0');
	await sim.command('probe off');
	kjobs.press('g');
	await sleep(2000);
	const idleFrom = performance.now();
	await sleep(5000);
	const idleTo = performance.now();
	await sim.command('probe on');
	await sleep(500);
	const from = performance.now();
	await sleep(4000);
	const to = performance.now();
	const frames = kjobs.framesBetween(from, to);
	return {idlePerSecond: kjobs.bytesBetween(idleFrom, idleTo) * 1000 / (idleTo - idleFrom), perOneRowFrame: kjobs.bytesBetween(from, to) / Math.max(1, frames), frames};
}

/** The probe's lag behind the simulator, ms, as the screen shows it now (undefined when its row is not visible). */
export function probeLag(screen: Screen, probeBase: number): number | undefined {
	const row = screen.lines().find(line => /^a-bench\s+probe\s/.test(line));
	const match = row && /\s(\d+)\/9999\s/.exec(row);
	// The probe counts tenths of a second modulo 10,000.
	return match ? ((Math.floor((Date.now() - probeBase) / 100) - Number(match[1]) + 10_000) % 10_000) * 100 : undefined;
}

/** One churn step of the ingest test. */
export type IngestStep = {target: number; achieved: number; lagP50?: number; lagMax?: number; behind: boolean};

/** Raises the churn until the probe row lags more than a second; returns every step. */
export async function ingestCapacity(kjobs: KjobsProcess, sim: SimProcess, info: SimInfo, rates: number[], stepMs: number): Promise<IngestStep[]> {
	const steps: IngestStep[] = [];
	kjobs.press('g');
	for (const target of rates) {
		await sim.command(`churn ${target}`);
		const start = await sim.command('stats');
		const t0 = performance.now();
		const lags: number[] = [];
		while (performance.now() - t0 < stepMs) {
			await sleep(100);
			if (performance.now() - t0 > stepMs / 2) {
				lags.push(probeLag(kjobs.screen, info.probeBase) ?? Number.POSITIVE_INFINITY);
			}
		}

		const end = await sim.command('stats');
		// The probe adds 10 updates a second of its own.
		const achieved = (end.rv - start.rv) * 1000 / (performance.now() - t0) - 10;
		lags.sort((a, b) => a - b);
		const lagP50 = lags[Math.floor(lags.length / 2)];
		const step = {target, achieved: Math.round(achieved), lagP50, lagMax: lags.at(-1), behind: lagP50 === undefined || lagP50 > 1000};
		steps.push(step);
		if (step.behind) {
			break;
		}
	}

	await sim.command('churn 0');
	return steps;
}
