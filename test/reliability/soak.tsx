/*
`npm run soak`: a long sped-up run of churn under light chaos with the log pane open, measuring RSS, heap, event-loop
delay and open sockets at intervals, then asserting they stayed flat. Not part of `npm test` (it takes minutes).
SOAK_SECONDS sets the length (default 180). Simulator and app share this process, so the figures cover both.
Speed 60: an hour of simulated time per minute, so events reach their one-hour TTL (and memory its plateau) within the
warm-up. Stalled streams are noticed by the session's default rule (a watch asks for 60 s; 15 s more of silence means
the connection is dead), so a stall freezes its kind for at most a minute and a quarter, then heals. At the end the
faults stop and the store must come back to the server's state, object for object.
*/
import {monitorEventLoopDelay} from 'node:perf_hooks';
import {startSimulator} from '../../source/simulator/index.js';
import type {Job} from '../../source/kube/types.js';
import {appOn} from '../helpers/app-rig.js';
import {connectionFrom, jobInput, serverTruth, storePicture, tempDir, waitFor} from '../helpers/reliability.js';

type Sample = {at: number; rss: number; heap: number; delayP99: number; delayMax: number; sockets: number; watches: number; logStreams: number; jobs: number; pods: number; faults: number};

const seconds = Number(process.env['SOAK_SECONDS'] ?? 180);
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
const gc = (globalThis as {gc?: () => void}).gc;

const dir = tempDir('kjobs-soak-');
const sim = await startSimulator({scenario: 'demo', speed: 60, seed: 99, faults: {drop: 0.003, expire: 0.003, error: 0.05, throttle: 0.02, slow: 0.05, truncate: 0.002, stall: 0.002}});
const app = appOn(connectionFrom(dir, sim.kubeconfig, {allNamespaces: true}), {columns: 140, rows: 40, logDirectory: dir});
await waitFor('live', () => (app.lines()[1] ?? '').endsWith('│ watch live'), {ms: 15_000});
// Keeps a log pane open on a running job (split under the jobs list): when its job ends, the next running one.
let paneOpenings = 0;
const openRunningLogs = () => {
	const running = app.lines().findIndex(line => / Running /.test(line));
	if (running < 4) {
		return;
	}

	app.press('\u001B');
	app.press('\u001B[H');
	for (let row = 4; row < running; row++) {
		app.press('\u001B[B');
	}

	app.press('l');
	paneOpenings++;
};

await waitFor('a running job', () => app.lines().some(line => / Running /.test(line)), {ms: 15_000}).catch(() => undefined);
openRunningLogs();

// Direct churn: keeps about forty extra jobs, creating, relabelling and deleting several a second.
let serial = 0;
const churn = setInterval(() => {
	const mine = sim.store.list<Job>('Job', 'default').filter(job => job.metadata.name?.startsWith('soak-'));
	if (mine.length < 40) {
		sim.store.create('Job', jobInput(`soak-${serial++}`));
	}

	const victim = mine[serial % Math.max(1, mine.length)];
	if (victim && mine.length >= 40) {
		sim.store.remove('Job', 'default', victim.metadata.name!);
	} else if (victim) {
		sim.store.update('Job', {...victim, metadata: {...victim.metadata, labels: {touch: String(serial++)}}});
	}
}, 100);

const delay = monitorEventLoopDelay({resolution: 10});
delay.enable();
const samples: Sample[] = [];
const sample = () => {
	app.forgetFrames();
	gc?.();
	const sockets = process.getActiveResourcesInfo().filter(name => name === 'TCPSocketWrap' || name === 'TLSSocketWrap').length;
	const snapshot = app.session.store.getSnapshot();
	samples.push({
		at: Math.round(performance.now() / 1000),
		rss: process.memoryUsage().rss,
		heap: process.memoryUsage().heapUsed,
		delayP99: delay.percentile(99) / 1e6,
		delayMax: delay.max / 1e6,
		sockets,
		watches: sim.openWatches(),
		logStreams: sim.openLogStreams(),
		jobs: snapshot.jobs.size,
		pods: snapshot.pods.size,
		faults: Object.values(sim.faultCounts).reduce((sum, count) => sum + count, 0),
	});
	delay.reset();
	const last = samples.at(-1)!;
	console.log(`t=${String(last.at).padStart(4)}s rss=${mb(last.rss)}MB heap=${mb(last.heap)}MB loop-p99=${last.delayP99.toFixed(1)}ms max=${last.delayMax.toFixed(0)}ms sockets=${last.sockets} watches=${last.watches} log-streams=${last.logStreams} jobs=${last.jobs}/${sim.store.count('Job')} pods=${last.pods} faults=${last.faults} ${Object.entries(snapshot.watch).map(([kind, state]) => `${kind}:${state.phase}`).join(',')} ${JSON.stringify(sim.faultCounts)}`);
};

const interval = Math.max(5, Math.round(seconds / 18));
for (let elapsed = 0; elapsed < seconds; elapsed += interval) {
	await new Promise(resolve => setTimeout(resolve, interval * 1000));
	sample();
	if (sim.openLogStreams() === 0) {
		openRunningLogs();
	}
}

clearInterval(churn);
delay.disable();
// Nothing lost: with the faults off, the store must come back to the server's state, object for object. A stream that
// stalled just before takes up to 75 s to be noticed, so the wait allows for that.
sim.setFaults({});
const convergedIn = await (async () => {
	const began = Date.now();
	const equal = () => JSON.stringify(storePicture(app.session.store.getSnapshot())) === JSON.stringify(serverTruth(sim));
	try {
		await waitFor('the store equal to the server', equal, {ms: 100_000});
		return Date.now() - began;
	} catch {
		return undefined;
	}
})();
const truth = serverTruth(sim);
await app.stop();
await sim.stop();

// Flat means: after the first third (caches and JIT warm), the second half grows by no more than a small bound.
const warm = samples[Math.floor(samples.length / 3)]!;
const half = samples.slice(Math.floor(samples.length / 2));
const last = samples.at(-1)!;
const problems: string[] = [];
const heapGrowth = Math.max(...half.map(s => s.heap)) - warm.heap;
const rssGrowth = Math.max(...half.map(s => s.rss)) - warm.rss;
if (heapGrowth > 40 * 1024 * 1024) {
	problems.push(`heap grew ${mb(heapGrowth)} MB after warm-up`);
}

if (rssGrowth > 80 * 1024 * 1024) {
	problems.push(`RSS grew ${mb(rssGrowth)} MB after warm-up`);
}

if (Math.max(...half.map(s => s.sockets)) > Math.max(...samples.slice(0, Math.floor(samples.length / 2)).map(s => s.sockets)) + 6) {
	problems.push('open sockets kept growing');
}

// The loop also runs the simulated cluster at 60× on shared cores: the bound is on drift and on freezes, not on speed.
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const firstDelay = median(samples.slice(0, Math.floor(samples.length / 2)).map(s => s.delayP99));
const secondDelay = median(half.map(s => s.delayP99));
if (secondDelay > firstDelay * 1.5 + 50) {
	problems.push(`event-loop delay drifted: median p99 ${firstDelay.toFixed(0)} ms → ${secondDelay.toFixed(0)} ms`);
}

if (Math.max(...samples.map(s => s.delayMax)) > 2000) {
	problems.push(`the event loop froze for ${Math.max(...samples.map(s => s.delayMax)).toFixed(0)} ms`);
}

if (convergedIn === undefined) {
	problems.push('the store did not come back to the server\'s state within 100 s of the faults stopping');
}

if (last.faults === 0) {
	problems.push('no fault was injected');
}

console.log(`soak: ${seconds}s, ${samples.length} samples; RSS ${mb(samples[0]!.rss)} → ${mb(last.rss)} MB (growth after warm-up ${mb(rssGrowth)} MB), heap ${mb(samples[0]!.heap)} → ${mb(last.heap)} MB (${mb(heapGrowth)} MB), sockets ${samples[0]!.sockets} → ${last.sockets}, loop p99 median ${firstDelay.toFixed(0)} → ${secondDelay.toFixed(0)} ms (worst ${Math.max(...samples.map(s => s.delayP99)).toFixed(0)} ms), ${last.faults} faults, ${serial} direct changes, log pane opened ${paneOpenings} times; after the faults stopped the store equalled the server (${truth.jobs.length} jobs, ${truth.cronJobs.length} cron jobs, ${truth.pods.length} pods by uid and resourceVersion) ${convergedIn === undefined ? 'NEVER' : `after ${convergedIn} ms`}`);
if (problems.length > 0) {
	console.log(`soak FAILED: ${problems.join('; ')}`);
	process.exitCode = 1;
} else {
	console.log('soak passed: memory, event-loop delay and sockets stayed flat');
}
