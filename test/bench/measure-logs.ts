/**
The log pane under a flood: the log-probe pod writes numbered, timestamped lines at a set rate while the pane follows
it. Per rate: the lines per second the screen advances by, how far the newest shown line lags behind its writing,
and keypress → frame latency in the pane (z toggles zoom). Then memory over a minute at 10,000 lines/s.
*/
import type {KjobsProcess} from './kjobs-process.js';
import type {SimProcess} from './references.js';
import type {ScreenEmulator as Screen} from '../helpers/screen-emulator.js';

const sleep = async (ms: number) => new Promise(resolve => setTimeout(resolve, ms));
// A generated line: `2026-11-23T16:40:00.123Z line 4711 level=info …`.
const logLine = /(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z) line (\d+) /;
const tableRow = /^(a-bench|ns-\d+)\s/;

/** One offered rate. */
export type LogStep = {offered: number; shown: number; lagP50?: number; keyMs: number[]; keepsUp: boolean};

/** What the log pane measurement found. Memory is read after a full garbage collection at the start and end of the minute. */
export type LogPaneFigures = {steps: LogStep[]; sustained: number; memory?: {rate: number; seconds: number; rssStartMb: number; rssEndMb: number; heapStartMb: number; heapEndMb: number}};

/** The newest generated line on screen: its number and when it was written (epoch ms). */
export function newestLine(screen: Screen): {serial: number; writtenAt: number} | undefined {
	let best: {serial: number; writtenAt: number} | undefined;
	for (const line of screen.lines()) {
		const match = logLine.exec(line);
		if (match && (best === undefined || Number(match[2]) > best.serial)) {
			best = {serial: Number(match[2]), writtenAt: Date.parse(match[1]!)};
		}
	}

	return best;
}

// z zooms the pane to the whole body (the job rows go) and back; the press counts until the screen shows the change.
async function zoomLatency(kjobs: KjobsProcess): Promise<number> {
	const tableShown = (screen: Screen) => screen.lines().some(line => tableRow.test(line));
	const before = tableShown(kjobs.screen);
	const pressed = performance.now();
	kjobs.press('z');
	const at = await kjobs.until(screen => tableShown(screen) !== before, 3000);
	return (at ?? performance.now()) - pressed;
}

/** Opens the log-probe job's logs (the first row) and raises the rate step by step; then a minute at 10,000 lines/s. */
export async function logPane(kjobs: KjobsProcess, sim: SimProcess, rates: number[], stepMs: number, memorySeconds: number, memoryAfterGc: () => Promise<NodeJS.MemoryUsage | undefined>): Promise<LogPaneFigures> {
	await sim.command('churn 0');
	await sim.command('logs 50');
	kjobs.press('g');
	await sleep(300);
	kjobs.press('l');
	const opened = await kjobs.until(screen => newestLine(screen) !== undefined, 10_000);
	if (opened === undefined) {
		await sim.command('logs 0');
		return {steps: [], sustained: 0};
	}

	const steps: LogStep[] = [];
	for (const offered of rates) {
		await sim.command(`logs ${offered}`);
		await sleep(1000);
		const first = newestLine(kjobs.screen);
		const t0 = performance.now();
		const lags: number[] = [];
		const keyMs: number[] = [];
		while (performance.now() - t0 < stepMs) {
			await sleep(200);
			const newest = newestLine(kjobs.screen);
			lags.push(newest ? Date.now() - newest.writtenAt : Number.POSITIVE_INFINITY);
			if (keyMs.length < 4 && performance.now() - t0 > stepMs / 3) {
				keyMs.push(await zoomLatency(kjobs));
			}
		}

		const last = newestLine(kjobs.screen);
		const shown = first && last ? (last.serial - first.serial) * 1000 / (performance.now() - t0) : 0;
		lags.sort((a, b) => a - b);
		const lagP50 = lags[Math.floor(lags.length / 2)];
		// Keeping up: the screen advances at ≥ 95 % of the offered rate and shows lines under a second old.
		const step = {offered, shown: Math.round(shown), lagP50, keyMs, keepsUp: shown >= offered * 0.95 && (lagP50 ?? Infinity) < 1000};
		steps.push(step);
		if (!step.keepsUp) {
			break;
		}
	}

	const sustained = Math.max(0, ...steps.filter(step => step.keepsUp).map(step => step.shown));
	let memory: LogPaneFigures['memory'];
	if (memorySeconds > 0) {
		await sim.command('logs 10000');
		// Ten seconds to fill the pane's buffer to its cap, then a minute that must not grow.
		await sleep(10_000);
		const start = await memoryAfterGc();
		await sleep(memorySeconds * 1000);
		const end = await memoryAfterGc();
		const mb = (bytes: number | undefined) => (bytes ?? Number.NaN) / 2 ** 20;
		memory = {rate: 10_000, seconds: memorySeconds, rssStartMb: mb(start?.rss), rssEndMb: mb(end?.rss), heapStartMb: mb(start?.heapUsed), heapEndMb: mb(end?.heapUsed)};
	}

	await sim.command('logs 0');
	kjobs.press('\u001B');
	await sleep(500);
	return {steps, sustained, memory};
}
