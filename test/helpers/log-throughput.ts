/**
Measures how many log lines a second the pane sustains, end to end: a simulated pod prints lines as fast as it can,
they travel over HTTP through client-node's Log into the ring buffer, and every 100 ms a frame is computed (logView)
and drawn (the LogPane through Ink). The event loop's longest stall stands in for key responsiveness: a key press
waits at most that long. Run directly for a report: `node --import tsx test/logs/throughput.ts`.
*/
import {monitorEventLoopDelay} from 'node:perf_hooks';
import {followJobLogs} from '../../source/cluster/logs/streams.js';
import {createSystemClock} from '../../source/store/clock.js';
import {LogBuffer} from '../../source/store/log-buffer.js';
import {initialLogPaneState} from '../../source/state/log-pane/reducer.js';
import {logView} from '../../source/view-model/logs/view.js';
import {createJob, createJobPod, type LogWorld, quickBackoff, startLogWorld} from './logs.js';

/** What one run measured. */
export type ThroughputReport = {
	lines: number;
	seconds: number;
	linesPerSecond: number;
	frames: number;
	meanFrameMs: number;
	maxFrameMs: number;
	/** The longest the event loop was blocked (a key press would wait this long), ms. */
	maxLoopStallMs: number;
	dropped: number;
};

/**
Floods a job's parallel pods with `lines` lines in all (in batches) and measures the pane keeping up. The lines are
spread over `pods` pods so no simulated container keeps more than its 50,000-line buffer (past that, the simulator's
own trimming dominates the measurement).
*/
export async function measureLogThroughput(world: LogWorld, options: {lines?: number; pods?: number; batch?: number; width?: number; height?: number} = {}): Promise<ThroughputReport> {
	const {render} = await import('ink-testing-library');
	const React = await import('react');
	const {LogPane} = await import('../../source/components/log-pane.js');
	const total = options.lines ?? 160_000;
	const batch = options.batch ?? 2000;
	const width = options.width ?? 120;
	const height = options.height ?? 40;
	const job = createJob(world, `flood-${total}`);
	const pods = Array.from({length: options.pods ?? 4}, (_, index) => createJobPod(world, job, `flood-${world.sim.store.randomSuffix()}`, {index}));
	await world.sync();
	// Throughput is about wall time: the buffer notifies, and the session waits, on the system clock.
	const clock = createSystemClock();
	const buffer = new LogBuffer({clock});
	const state = initialLogPaneState();
	const frameTimes: number[] = [];
	const view = () => logView(buffer.getSnapshot(), state, width, height);
	const ink = render(React.createElement(LogPane, {view: view(), width, height}));
	buffer.subscribe(() => {
		const started = performance.now();
		ink.rerender(React.createElement(LogPane, {view: view(), width, height}));
		frameTimes.push(performance.now() - started);
	});
	const session = followJobLogs(world.kc, world.store, {uid: job.metadata.uid!, name: job.metadata.name!, namespace: 'default'}, buffer, {clock, backoffMs: quickBackoff});
	while (world.sim.openLogStreams() < pods.length) {
		await new Promise(resolve => setTimeout(resolve, 2));
	}

	const loop = monitorEventLoopDelay({resolution: 5});
	loop.enable();
	const started = performance.now();
	const payload = (i: number) => Buffer.from(`${new Date(world.sim.clock.now()).toISOString()} level=info msg="request handled" id=${i} path=/api/v1/items/${i % 977} status=200 took=${i % 97}ms`);
	for (let i = 0; i < total; i += batch) {
		for (let j = i; j < Math.min(total, i + batch); j++) {
			world.sim.logs.append(pods[j % pods.length]!.metadata.uid!, 'main', 0, {time: world.sim.clock.now(), data: payload(j)});
		}

		// Let the server write and the client read between batches, as a real kubelet's output would trickle in.
		await new Promise(resolve => setImmediate(resolve));
	}

	// Every line plus one separator per pod.
	while (buffer.getSnapshot().nextSeq - 1 < total + pods.length) {
		await new Promise(resolve => setTimeout(resolve, 2));
	}

	const seconds = (performance.now() - started) / 1000;
	buffer.flush();
	loop.disable();
	session.close();
	ink.unmount();
	buffer.dispose();
	return {
		lines: total,
		seconds,
		linesPerSecond: Math.round(total / seconds),
		frames: frameTimes.length,
		meanFrameMs: frameTimes.reduce((sum, t) => sum + t, 0) / Math.max(1, frameTimes.length),
		maxFrameMs: Math.max(0, ...frameTimes),
		maxLoopStallMs: loop.max / 1e6,
		dropped: buffer.getSnapshot().dropped,
	};
}

if (import.meta.url === `file://${process.argv[1]}`) {
	process.env['NODE_ENV'] ??= 'production';
	const world = await startLogWorld();
	const report = await measureLogThroughput(world, {lines: Number(process.argv[2] ?? 160_000)});
	console.log(JSON.stringify(report, undefined, 2));
	world.store.dispose();
	await world.sim.stop();
}
