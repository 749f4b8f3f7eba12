/**
Runs the built kjobs in a real pseudo-terminal (util-linux `script`, 120×40) and follows its screen: every output
chunk is applied to a virtual screen and timestamped, keys are written to the terminal, and the node process's
peak RSS (VmHWM) is polled from /proc.
*/
import {spawn, type ChildProcessWithoutNullStreams} from 'node:child_process';
import {mkdtempSync, readdirSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {ScreenEmulator as Screen} from '../helpers/screen-emulator.js';

/** One output chunk as the benchmark saw it. */
export type Chunk = {at: number; bytes: number; frames: number};

/** A running kjobs. */
export class KjobsProcess {
	readonly screen = new Screen(120, 40);
	readonly started = performance.now();
	readonly chunks: Chunk[] = [];
	peakRssKb = 0;
	#child: ChildProcessWithoutNullStreams;
	#waiters: Array<() => void> = [];
	#poll: NodeJS.Timeout;
	#pid: number | undefined;
	#exited: Promise<number | null>;
	// kjobs archives the runs it sees finish under XDG_STATE_HOME: a benchmark's go to a directory of its own.
	readonly #state = mkdtempSync(path.join(tmpdir(), 'kjobs-bench-state-'));

	constructor(kubeconfig: string, env: Record<string, string>, nodeArgs = '') {
		// The shipped bundle by default; KJOBS_BENCH_ENTRY=dist/bin.js measures the module-by-module build of the same app.
		const entry = process.env['KJOBS_BENCH_ENTRY'] ?? 'dist/kjobs.mjs';
		const command = `stty cols 120 rows 40; exec node ${nodeArgs} ${entry} --kubeconfig ${kubeconfig} -A`;
		this.#child = spawn('script', ['-q', '-f', '-c', command, '/dev/null'], {env: {...process.env, NODE_ENV: 'production', XDG_STATE_HOME: this.#state, ...env}});
		this.#child.stdout.on('data', (data: Buffer) => {
			const text = data.toString('utf8');
			this.chunks.push({at: performance.now(), bytes: data.length, frames: text.split('\u001B[?2026h').length - 1});
			this.screen.write(text);
			for (const wake of this.#waiters.splice(0)) {
				wake();
			}
		});
		this.#child.stderr.resume();
		this.#exited = new Promise(resolve => this.#child.on('exit', code => {
			rmSync(this.#state, {recursive: true, force: true});
			resolve(code);
		}));
		this.#poll = setInterval(() => this.#pollRss(), 50);
	}

	/** The node process's pid (the child of `script`'s exec'd shell), once it exists. */
	get pid(): number | undefined {
		this.#pid ??= childOf(this.#child.pid ?? -1);
		return this.#pid;
	}

	/** Writes keys to the terminal. */
	press(keys: string): void {
		this.#child.stdin.write(keys);
	}

	/** Resolves with the time the screen first satisfies `test` (checked after every chunk), or undefined on timeout. */
	async until(test: (screen: Screen) => boolean, timeoutMs: number): Promise<number | undefined> {
		const deadline = performance.now() + timeoutMs;
		while (!test(this.screen)) {
			const left = deadline - performance.now();
			if (left <= 0) {
				return undefined;
			}

			await new Promise<void>(resolve => {
				const timer = setTimeout(resolve, left);
				this.#waiters.push(() => {
					clearTimeout(timer);
					resolve();
				});
			});
		}

		return performance.now();
	}

	/** Bytes written to the terminal between two times. */
	bytesBetween(from: number, to: number): number {
		return this.chunks.filter(c => c.at >= from && c.at < to).reduce((sum, c) => sum + c.bytes, 0);
	}

	/** Frames (synchronized-output blocks) started between two times. */
	framesBetween(from: number, to: number): number {
		return this.chunks.filter(c => c.at >= from && c.at < to).reduce((sum, c) => sum + c.frames, 0);
	}

	/** Sends a signal to the node process. */
	signal(name: NodeJS.Signals): void {
		if (this.pid) {
			process.kill(this.pid, name);
		}
	}

	/** Quits with q (then SIGTERM if needed) and resolves with the exit code. */
	async quit(): Promise<number | null> {
		this.press('q');
		const timer = setTimeout(() => this.signal('SIGTERM'), 3000);
		const code = await this.#exited;
		clearTimeout(timer);
		clearInterval(this.#poll);
		return code;
	}

	#pollRss(): void {
		const pid = this.pid;
		if (!pid) {
			return;
		}

		try {
			const match = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
			this.peakRssKb = Math.max(this.peakRssKb, Number(match?.[1] ?? 0));
		} catch {}
	}
}

function childOf(parent: number): number | undefined {
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) {
			continue;
		}

		try {
			const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
			// Fields after the command name (which may hold spaces) start after the last ')'.
			const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			if (Number(fields[1]) === parent && stat.includes('(node)')) {
				return Number(entry);
			}
		} catch {}
	}

	return undefined;
}
