/**
Test-only: the headless commands (`kjobs get`, `kjobs wait`) run in-process against a simulated cluster over real
HTTP, with the simulator's and the app's manual clocks stepped together while a command runs, and everything the
command writes captured.
*/
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import type {HeadlessIo} from '../../source/headless/io.js';
import {ManualClock} from '../../source/simulator/clock.js';
import {type Simulator, type SimulatorOptions, startSimulator} from '../../source/simulator/index.js';
import {createManualClock, type ManualClock as AppClock} from '../../source/store/clock.js';

/** Where both clocks start. */
export const headlessStart = Date.parse('2026-03-02T10:00:00Z');

/** A simulator and the world a headless command sees. */
export type HeadlessWorld = {
	readonly sim: Simulator & {manual: ManualClock};
	readonly clock: AppClock;
	readonly kubeconfig: string;
	readonly dir: string;
	/** Steps both clocks by `ms` (in steps of at most a second), letting loopback I/O through after each. */
	advance(ms: number): Promise<void>;
	/**
	Runs a command with a fresh capture, stepping both clocks by `stepMs` until it settles (at most `maxMs` of simulated
	time, then it throws); resolves to the exit code and what it wrote.
	*/
	run(command: (argv: readonly string[], io: HeadlessIo) => Promise<number>, argv: readonly string[], options?: RunOptions): Promise<RunResult>;
	stop(): Promise<void>;
};

/** How a run is driven and what its io looks like. */
export type RunOptions = {
	readonly stepMs?: number;
	readonly maxMs?: number;
	readonly tty?: boolean;
	readonly columns?: number;
	readonly env?: NodeJS.ProcessEnv;
	/** Called before each step with the simulated time the command has run so far (to break things mid-run). */
	readonly onStep?: (elapsedMs: number) => Promise<void> | void;
};

/** What a run came to. */
export type RunResult = {readonly code: number; readonly stdout: string; readonly stderr: string; readonly elapsedMs: number};

const yieldToIo = async () => {
	for (let turn = 0; turn < 3; turn++) {
		await new Promise(resolve => setImmediate(resolve));
	}

	await new Promise(resolve => setTimeout(resolve, 1));
};

/** Starts a simulator with `scenario` (YAML text, written to a scratch file) on a manual clock. */
export async function headlessWorld(scenario: string, options: SimulatorOptions = {}): Promise<HeadlessWorld> {
	const dir = mkdtempSync(path.join(tmpdir(), 'kjobs-headless-'));
	const scenarioFile = path.join(dir, 'scenario.yaml');
	writeFileSync(scenarioFile, scenario);
	const manual = new ManualClock(headlessStart);
	const sim = Object.assign(await startSimulator({clock: manual, seed: 1, scenario: scenarioFile, port: 0, host: '127.0.0.1', ...options}), {manual});
	const kubeconfig = path.join(dir, 'kubeconfig');
	writeFileSync(kubeconfig, sim.kubeconfig);
	const clock = createManualClock(headlessStart);
	const advance = async (ms: number) => {
		let left = ms;
		while (left > 0) {
			const step = Math.min(1000, left);
			await sim.advance(step);
			clock.advance(step);
			left -= step;
			await yieldToIo();
		}
	};

	return {
		sim,
		clock,
		kubeconfig,
		dir,
		advance,
		async run(command, argv, runOptions = {}) {
			let stdout = '';
			let stderr = '';
			const io: HeadlessIo = {
				stdout(text) {
					stdout += text;
				},
				stderr(text) {
					stderr += text;
				},
				stdoutIsTty: runOptions.tty ?? false,
				...(runOptions.columns === undefined ? {} : {columns: runOptions.columns}),
				env: {KUBECONFIG: kubeconfig, ...runOptions.env},
				homeDir: dir,
				clock,
			};
			let settled: number | undefined;
			const began = clock.now();
			const running = command(argv, io).then(code => {
				settled = code;
			});
			const maxMs = runOptions.maxMs ?? 120_000;
			for (let turn = 0; turn < 50 && settled === undefined; turn++) {
				await yieldToIo();
			}

			while (settled === undefined) {
				if (clock.now() - began > maxMs) {
					throw new Error(`the command did not end within ${maxMs} ms of simulated time; stdout:\n${stdout}\nstderr:\n${stderr}`);
				}

				await runOptions.onStep?.(clock.now() - began);
				await advance(runOptions.stepMs ?? 250);
			}

			await running;
			return {code: settled, stdout, stderr, elapsedMs: clock.now() - began};
		},
		async stop() {
			await sim.stop();
			rmSync(dir, {recursive: true, force: true});
		},
	};
}
