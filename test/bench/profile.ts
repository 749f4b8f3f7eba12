/**
`node --import tsx test/bench/profile.ts [scale flags]`: runs kjobs with --cpu-prof against the scale scenario
(start-up, then 10 s of j/k under churn) and prints the functions and files with the most self time.
*/
import {mkdtempSync, readdirSync, readFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {KjobsProcess} from './kjobs-process.js';
import {isReady, navigationLatency} from './measure-kjobs.js';
import {SimProcess} from './references.js';

type Node = {id: number; callFrame: {functionName: string; url: string; lineNumber: number}; hitCount?: number};

const dir = mkdtempSync(path.join(tmpdir(), 'kjobs-prof-'));
const sim = new SimProcess(['--kubeconfig-out', path.join(dir, 'kubeconfig'), ...process.argv.slice(2)]);
const info = await sim.info;
const kjobs = new KjobsProcess(info.kubeconfig, {}, `--cpu-prof --cpu-prof-dir=${dir}`);
const ready = await kjobs.until(screen => isReady(screen, info.expected.jobs), 180_000);
process.stderr.write(`ready after ${Math.round((ready ?? Number.NaN) - kjobs.started)} ms\n`);
const latencies = await navigationLatency(kjobs, 30);
process.stderr.write(`j/k: ${latencies.map(Math.round).join(' ')}\n`);
await kjobs.quit();
await sim.stop();
const file = readdirSync(dir).find(name => name.endsWith('.cpuprofile'));
const profile = JSON.parse(readFileSync(path.join(dir, file ?? ''), 'utf8')) as {nodes: Node[]};
const total = profile.nodes.reduce((sum, node) => sum + (node.hitCount ?? 0), 0);
const byFunction = new Map<string, number>();
const byFile = new Map<string, number>();
for (const node of profile.nodes) {
	const where = node.callFrame.url.replace(/^.*\/(node_modules\/|dist\/)/, '$1');
	const fn = `${node.callFrame.functionName || '(anonymous)'} ${where}:${node.callFrame.lineNumber + 1}`;
	byFunction.set(fn, (byFunction.get(fn) ?? 0) + (node.hitCount ?? 0));
	byFile.set(where, (byFile.get(where) ?? 0) + (node.hitCount ?? 0));
}

const top = (map: Map<string, number>, n: number) => [...map].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${(100 * v / total).toFixed(1).padStart(5)}%  ${k}`).join('\n');
process.stdout.write(`profile: ${path.join(dir, file ?? '')}\n\nby function:\n${top(byFunction, 30)}\n\nby file:\n${top(byFile, 20)}\n`);
