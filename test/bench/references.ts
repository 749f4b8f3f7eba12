/**
The benchmark's yardsticks: the simulator process (with its stdin control channel), the floor (a bare client-node
list) and kubectl, each timed from spawn to exit.
*/
import {spawn, spawnSync, type ChildProcessWithoutNullStreams} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {createInterface} from 'node:readline';

/** What the simulator process announces. */
export type SimInfo = {url: string; kubeconfig: string; expected: {jobs: number; cronJobs: number; pods: number}; probeBase: number; setupMs: number};

/** The scale simulator in its own process. */
export class SimProcess {
	#child: ChildProcessWithoutNullStreams;
	#replies: Array<(line: string) => void> = [];
	readonly info: Promise<SimInfo>;

	constructor(args: string[]) {
		this.#child = spawn(process.execPath, ['--import', 'tsx', 'test/bench/sim-process.ts', '--control', ...args]);
		this.#child.stderr.pipe(process.stderr);
		const lines = createInterface({input: this.#child.stdout});
		this.info = new Promise(resolve => {
			lines.once('line', line => {
				resolve(JSON.parse(line) as SimInfo);
				lines.on('line', reply => this.#replies.shift()?.(reply));
			});
		});
	}

	/** Sends a command (`churn N`, `probe on|off`, `logs N`, `stats`) and resolves with the reply. */
	async command(text: string): Promise<{rv: number; pods: number; rss: number}> {
		const reply = new Promise<string>(resolve => this.#replies.push(resolve));
		this.#child.stdin.write(`${text}\n`);
		return JSON.parse(await reply) as {rv: number; pods: number; rss: number};
	}

	/** Ends the process. */
	async stop(): Promise<void> {
		const exited = new Promise(resolve => this.#child.on('exit', resolve));
		this.#child.stdin.end();
		await exited;
	}
}

/** Times `node test/bench/floor.mjs KUBECONFIG` (no tsx): ms from spawn to exit, and its first page in ms since its start. */
export function runFloor(kubeconfig: string): {ms: number; firstPageMs: number; items: number} {
	return timeFloor('test/bench/floor.mjs', kubeconfig);
}

/** Times `node test/bench/floor-raw.mjs URL`: the same pages over plain HTTP with JSON.parse only. */
export function runRawFloor(url: string): {ms: number; firstPageMs: number; items: number} {
	return timeFloor('test/bench/floor-raw.mjs', url);
}

// Both floors print the same JSON: the counts per kind and when their first page arrived.
function timeFloor(script: string, argument: string): {ms: number; firstPageMs: number; items: number} {
	const start = performance.now();
	const result = spawnSync(process.execPath, [script, argument], {encoding: 'utf8'});
	const ms = performance.now() - start;
	const out = JSON.parse(result.stdout) as {jobs: number; cronJobs: number; pods: number; firstPageMs: number};
	return {ms, firstPageMs: out.firstPageMs, items: out.jobs + out.cronJobs + out.pods};
}

/** Whether kubectl is on PATH. */
export function hasKubectl(): boolean {
	return spawnSync('kubectl', ['version', '--client'], {encoding: 'utf8'}).status === 0;
}

/** Times `kubectl get RESOURCE -A` with a scratch HOME (no discovery cache carried between runs): ms and lines. */
export function runKubectl(kubeconfig: string, resource: string): {ms: number; lines: number} {
	const home = mkdtempSync(path.join(tmpdir(), 'kjobs-bench-home-'));
	try {
		const start = performance.now();
		const result = spawnSync('kubectl', ['--kubeconfig', kubeconfig, 'get', resource, '-A'], {encoding: 'utf8', env: {...process.env, HOME: home}, maxBuffer: 1 << 28});
		const ms = performance.now() - start;
		return {ms, lines: result.stdout.split('\n').length - 1};
	} finally {
		rmSync(home, {recursive: true, force: true});
	}
}
