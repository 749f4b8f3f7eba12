/**
`node --import tsx test/bench/key-latency.ts [scale flags]`: j/k and filter-typing latencies of the built kjobs against
the scale scenario under churn, without the full benchmark (p50/p95 of each).
*/
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {KjobsProcess} from './kjobs-process.js';
import {filterLatency, isReady, navigationLatency} from './measure-kjobs.js';
import {SimProcess} from './references.js';

const dir = mkdtempSync(path.join(tmpdir(), 'kjobs-keys-'));
const sim = new SimProcess(['--kubeconfig-out', path.join(dir, 'kubeconfig'), ...process.argv.slice(2)]);
const info = await sim.info;
const kjobs = new KjobsProcess(info.kubeconfig, {});
const ready = await kjobs.until(screen => isReady(screen, info.expected.jobs), 180_000);
process.stderr.write(`ready after ${Math.round((ready ?? Number.NaN) - kjobs.started)} ms\n`);
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(p * values.length))] ?? Number.NaN;
const summary = (name: string, values: number[]) => `${name}: p50 ${Math.round(percentile(values, 0.5))} ms, p95 ${Math.round(percentile(values, 0.95))} ms (${values.map(Math.round).join(' ')})\n`;
process.stdout.write(summary('j/k', await navigationLatency(kjobs, 40)));
process.stdout.write(summary('filter', [...await filterLatency(kjobs, 'ns-1'), ...await filterLatency(kjobs, 'fail'), ...await filterLatency(kjobs, 'job-12')]));
await kjobs.quit();
await sim.stop();
