/**
The pane against a chatty job in a separate simulator process (so the server's work does not count against the
pane's event loop): `node --import tsx test/logs/throughput-live.ts [linesPerSecondPerPod=5000] [pods=4] [seconds=8]`.
Reports the lines/s received into the buffer, the frames drawn (logView + LogPane through Ink, at most ten a second),
and the longest event-loop stall, which is how long a key press would wait.
*/
import {spawn} from 'node:child_process';
import {mkdtemp, readFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {monitorEventLoopDelay} from 'node:perf_hooks';
import {KubeConfig} from '@kubernetes/client-node';
import React from 'react';
import {render} from 'ink-testing-library';
import {followJobLogs} from '../../source/cluster/logs/streams.js';
import {createSystemClock} from '../../source/store/clock.js';
import {LogBuffer} from '../../source/store/log-buffer.js';
import {createResourceStore} from '../../source/store/resource-store.js';
import {initialLogPaneState} from '../../source/state/log-pane/reducer.js';
import {logView} from '../../source/view-model/logs/view.js';
import {LogPane} from '../../source/components/log-pane.js';

const [rate = 5000, pods = 4, seconds = 8] = process.argv.slice(2).map(Number);
const dir = await mkdtemp(join(tmpdir(), 'kjobs-throughput-'));
const kubeconfigPath = join(dir, 'kubeconfig');
const child = spawn(process.execPath, ['--import', 'tsx', 'source/simulator/run.ts', '--scenario', 'empty', '--port', '0', '--kubeconfig-out', kubeconfigPath], {stdio: ['ignore', 'pipe', 'inherit']});
const url = await new Promise<string>(resolve => {
	child.stdout.on('data', (chunk: Buffer) => {
		const match = /at (http:\/\/\S+)/.exec(chunk.toString());
		if (match) {
			resolve(match[1]!);
		}
	});
});
const kc = new KubeConfig();
kc.loadFromString(await readFile(kubeconfigPath, 'utf8'));
const get = async (path: string) => (await fetch(`${url}${path}`)).json() as Promise<{items: unknown[]}>;
const job = await (await fetch(`${url}/apis/batch/v1/namespaces/default/jobs`, {
	method: 'POST',
	headers: {'Content-Type': 'application/json'},
	body: JSON.stringify({apiVersion: 'batch/v1', kind: 'Job', metadata: {name: 'chatty'}, spec: {parallelism: pods, completions: pods, template: {metadata: {annotations: {'sim.kjobs.io/run-seconds': String(seconds + 30), 'sim.kjobs.io/log-lines-per-second': String(rate)}}, spec: {restartPolicy: 'Never', containers: [{name: 'main', image: 'busybox'}]}}}}),
})).json() as {metadata: {uid: string; name: string}};

const clock = createSystemClock();
const store = createResourceStore({clock});
const relist = async () => {
	store.apply({type: 'relist', kind: 'jobs', objects: (await get('/apis/batch/v1/jobs')).items as never[]});
	store.apply({type: 'relist', kind: 'pods', objects: (await get('/api/v1/pods')).items as never[]});
};

// A busy simulator may drop a list now and then; the next one catches up.
const poller = setInterval(() => {
	relist().catch(() => undefined);
}, 500);
const buffer = new LogBuffer({clock});
const state = initialLogPaneState();
const frameMs: number[] = [];
const frame = () => React.createElement(LogPane, {view: logView(buffer.getSnapshot(), state, 120, 40), width: 120, height: 40});
const ink = render(frame());
buffer.subscribe(() => {
	const started = performance.now();
	ink.rerender(frame());
	frameMs.push(performance.now() - started);
});
const session = followJobLogs(kc, store, {uid: job.metadata.uid, name: job.metadata.name, namespace: 'default'}, buffer, {clock});
// Wait for every pod to be followed, then measure a steady stretch.
while (buffer.getSnapshot().activity.following < pods) {
	await new Promise(resolve => setTimeout(resolve, 20));
}

const loop = monitorEventLoopDelay({resolution: 5});
loop.enable();
const fromSeq = buffer.getSnapshot().nextSeq;
const started = performance.now();
frameMs.length = 0;
await new Promise(resolve => setTimeout(resolve, seconds * 1000));
const elapsed = (performance.now() - started) / 1000;
const received = buffer.getSnapshot().nextSeq - fromSeq;
loop.disable();
session.close();
clearInterval(poller);
ink.unmount();
buffer.dispose();
store.dispose();
child.kill('SIGTERM');
const sorted = [...frameMs].sort((a, b) => a - b);
console.log(JSON.stringify({
	offeredLinesPerSecond: rate * pods,
	receivedLinesPerSecond: Math.round(received / elapsed),
	frames: frameMs.length,
	framesPerSecond: Math.round(frameMs.length / elapsed),
	meanFrameMs: Number((frameMs.reduce((sum, t) => sum + t, 0) / Math.max(1, frameMs.length)).toFixed(1)),
	p95FrameMs: Number((sorted[Math.floor(sorted.length * 0.95)] ?? 0).toFixed(1)),
	maxEventLoopStallMs: Number((loop.max / 1e6).toFixed(1)),
	p99EventLoopDelayMs: Number((loop.percentile(99) / 1e6).toFixed(1)),
	bufferDropped: buffer.getSnapshot().dropped,
	bufferSize: buffer.getSnapshot().entries.length,
}, undefined, 2));
