/**
What the checks share: the table row, bounded polling on the wall clock, and the manifests.
*/
import type {Job} from '../../../source/kube/types.js';
import {waitFor} from '../../helpers/wait-for.js';

/** One line of the printed table. */
export type Row = {check: string; real: string; simulator: string; verdict: string};

/**
Polls `check` every 250 ms (through the suite's one bounded poll, `waitFor`) until it holds. On timeout throws, or
with `throwOnTimeout: false` resolves false. Errors from `check` count as "not yet"; the last one is in the message.
*/
export async function waitUntil(what: string, ms: number, check: () => Promise<boolean>, options: {throwOnTimeout?: boolean; stepMs?: number} = {}): Promise<boolean> {
	let lastError: unknown;
	const notYetOnError = async () => {
		try {
			return await check();
		} catch (error) {
			lastError = error;
			return false;
		}
	};

	try {
		await waitFor(what, notYetOnError, {ms, everyMs: options.stepMs ?? 250, explain: () => (lastError ? `last error: ${(lastError as Error).message}` : 'it never held')});
		return true;
	} catch (error) {
		if (options.throwOnTimeout === false) {
			return false;
		}

		throw error;
	}
}

/**
The classic pi Job. The `sim.kjobs.io/*` annotations tell the simulator's kubelet (and the conformance fake
kubelet) how long the container runs, how it exits and what it prints; a real kubelet would run the image.
*/
export function piJob(name: string, options: {runSeconds?: number; exitCode?: number; backoffLimit?: number; activeDeadlineSeconds?: number; ttlSecondsAfterFinished?: number} = {}): Job {
	return {
		apiVersion: 'batch/v1',
		kind: 'Job',
		metadata: {name},
		spec: {
			backoffLimit: options.backoffLimit ?? 0,
			...(options.activeDeadlineSeconds === undefined ? {} : {activeDeadlineSeconds: options.activeDeadlineSeconds}),
			...(options.ttlSecondsAfterFinished === undefined ? {} : {ttlSecondsAfterFinished: options.ttlSecondsAfterFinished}),
			template: {
				metadata: {
					annotations: {
						'sim.kjobs.io/run-seconds': String(options.runSeconds ?? 3),
						'sim.kjobs.io/exit-code': String(options.exitCode ?? 0),
						'sim.kjobs.io/log': '3.14159265358979323846264338327950288419716939937510',
					},
				},
				spec: {
					restartPolicy: 'Never',
					containers: [{name: 'pi', image: 'registry.example.test/perl:5.34', command: ['perl', '-Mbignum=bpi', '-wle', 'print bpi(50)']}],
				},
			},
		},
	} as Job;
}

/** The table: check · real cluster · simulator · verdict, cells wrapped to fit. */
export function formatTable(rows: readonly Row[]): string {
	const headers: Row = {check: 'check', real: 'real cluster', simulator: 'simulator', verdict: 'verdict'};
	const columns = ['check', 'real', 'simulator', 'verdict'] as const;
	const limits = {check: 44, real: 60, simulator: 60, verdict: 30};
	const wrap = (text: string, width: number) => text.split('\n').flatMap(line => {
		const out: string[] = [];
		let rest = line;
		while (rest.length > width) {
			const cut = rest.lastIndexOf(' ', width) > width / 2 ? rest.lastIndexOf(' ', width) : width;
			out.push(rest.slice(0, cut));
			rest = rest.slice(cut).trimStart();
		}

		out.push(rest);
		return out;
	});
	const all = [headers, ...rows];
	const widths = Object.fromEntries(columns.map(column => [column, Math.min(limits[column], Math.max(...all.map(row => Math.max(...wrap(row[column], limits[column]).map(line => line.length)))))])) as Record<typeof columns[number], number>;
	const line = (row: Row) => {
		const cells = columns.map(column => wrap(row[column], widths[column]));
		const height = Math.max(...cells.map(cell => cell.length));
		return Array.from({length: height}, (_, i) => columns.map((column, c) => (cells[c]![i] ?? '').padEnd(widths[column])).join(' │ ').trimEnd()).join('\n');
	};
	const rule = columns.map(column => '─'.repeat(widths[column])).join('─┼─');
	return [line(headers), rule, ...rows.flatMap(row => [line(row), rule]).slice(0, -1)].join('\n');
}
