/**
The command line: flags → configuration → a session on a cluster (real, or the built-in simulated one for --demo) →
the screen. The only module that touches `process` (besides the two-line launcher in bin.ts).
*/
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {constants, homedir, tmpdir} from 'node:os';
import path from 'node:path';
import {writeHeapSnapshot} from 'node:v8';
import meow from 'meow';
import {render} from 'ink';
import {App} from './app.js';
import {connectError, connectWith} from './cli/connect.js';
import {connectionFlags, generalFlags, meowFlags, screenFlags, selectorProblem} from './cli/flags.js';
import {helpText} from './cli/help.js';
import {runGet} from './headless/get.js';
import type {HeadlessIo} from './headless/io.js';
import {runWait} from './headless/wait.js';
import {createSystemClock} from './store/clock.js';
import {diffStdout} from './terminal/diff-stdout.js';
import {needsAsciiGlyphs} from './terminal/glyphs.js';
import {loadConnection} from './cluster/connection/kubeconfig.js';
import {simulateMain} from './simulator/main.js';
import {startSimulator, type Simulator} from './simulator/index.js';
import type {NotifyPolicy} from './session/notifier.js';
import {startSession} from './session/session.js';
import {printable, printableLines} from './view-model/printable.js';
import {archiveRoot, ledgerRoot} from './archive/paths.js';
import {parseSize} from './archive/size.js';
import {notifyTerminal} from './terminal/notify.js';
import {version} from './version.js';

/** The `--help` text (also printed in the readme's Usage section). */
export {helpText} from './cli/help.js';

const enterAltScreen = '\u001B[?1049h\u001B[H';
const leaveAltScreen = '\u001B[?25h\u001B[?1049l';

/** Runs kjobs with `process.argv` and returns the exit code. */
export async function main(): Promise<number> {
	const argv = process.argv.slice(2);
	if (argv[0] === 'simulate') {
		return simulateMain(argv.slice(1), {
			stdout: text => process.stdout.write(text),
			stderr: text => process.stderr.write(text),
			onSignal(stop) {
				process.once('SIGINT', stop);
				process.once('SIGTERM', stop);
			},
		});
	}

	if (argv[0] === 'get' || argv[0] === 'wait') {
		const clock = createSystemClock();
		// A reader that stops reading (`kjobs get … | head`) must not crash the command: what it would print goes
		// nowhere, and `kjobs wait` still exits with the job's verdict.
		let stdoutGone = false;
		process.stdout.on('error', () => {
			stdoutGone = true;
		});
		const io: HeadlessIo = {
			stdout(text) {
				if (!stdoutGone) {
					process.stdout.write(text);
				}
			},
			stderr: text => process.stderr.write(text),
			stdoutIsTty: process.stdout.isTTY === true,
			...(process.stdout.isTTY ? {columns: process.stdout.columns} : {}),
			env: process.env,
			homeDir: homedir(),
			clock,
			onSignal(stop) {
				process.once('SIGINT', stop);
				process.once('SIGTERM', stop);
			},
		};
		const release = clock.keepAlive();
		try {
			return await (argv[0] === 'get' ? runGet(argv.slice(1), io) : runWait(argv.slice(1), io));
		} finally {
			release();
			clock.stop();
		}
	}

	const cli = meow(helpText, {
		importMeta: import.meta,
		argv,
		version,
		pkg: {name: 'kjobs', version},
		description: false,
		allowUnknownFlags: false,
		flags: meowFlags({...connectionFlags, ...screenFlags, ...generalFlags}),
	});
	const {flags} = cli;
	if (flags.help) {
		process.stdout.write(`${cli.help}\n`);
		return 0;
	}

	if (flags.version) {
		process.stdout.write(`${version}\n`);
		return 0;
	}

	// A usage error, as meow's own for an unknown flag (exit 2).
	const selector = selectorProblem(flags.selector);
	if (selector !== undefined) {
		process.stderr.write(`kjobs: ${printableLines(selector)}\n`);
		return 2;
	}

	const noColor = !flags.color || (process.env['NO_COLOR'] ?? '') !== '';

	let simulator: Simulator | undefined;
	let scratch: string | undefined;
	const cleanup = async () => {
		await simulator?.stop();
		if (scratch) {
			rmSync(scratch, {recursive: true, force: true});
		}
	};

	let connection;
	try {
		if (flags.demo) {
			scratch = mkdtempSync(path.join(tmpdir(), 'kjobs-demo-'));
			const kubeconfig = path.join(scratch, 'kubeconfig');
			simulator = await startSimulator({scenario: 'demo', port: 0, host: '127.0.0.1', kubeconfigPath: kubeconfig});
			connection = loadConnection({kubeconfig, allNamespaces: true, env: {}, homeDir: homedir()});
		} else {
			connection = connectWith(flags, process.env, homedir());
		}
	} catch (error) {
		await cleanup();
		process.stderr.write(connectError(error));
		return 1;
	}

	if (!process.stdin.isTTY || !process.stdout.isTTY) {
		await cleanup();
		process.stderr.write(noTerminalText);
		return 1;
	}

	const archiveMaxBytes = parseSize(flags.archiveMaxSize);
	if (archiveMaxBytes === undefined) {
		await cleanup();
		process.stderr.write(`kjobs: --archive-max-size ${printable(flags.archiveMaxSize)} is not a size (e.g. 500MB, 2GB)\n`);
		return 1;
	}

	const session = startSession({
		connection,
		readOnly: flags.demo ? '--demo' : (flags.readonly ? '--readonly' : undefined),
		demo: flags.demo,
		labelSelector: flags.selector,
		// Written straight to the terminal, past the frame writer: BEL and an OSC move no cursor and draw nothing.
		notify: {policy: flags.notify as NotifyPolicy, terminal: notifyTerminal(process.env), write: bytes => process.stdout.write(bytes)},
		...(flags.archive ? {archive: {root: archiveRoot(process.env, homedir(), {demo: flags.demo}), ledgerRoot: ledgerRoot(process.env, homedir(), {demo: flags.demo}), maxBytes: archiveMaxBytes}} : {}),
	});

	// Ink 6.8 has no alternate-screen option: enter it ourselves and leave it on every exit path.
	process.stdout.write(enterAltScreen);
	let left = false;
	let unmount = () => {};
	const leave = () => {
		if (!left) {
			left = true;
			unmount();
			if (process.stdin.isTTY) {
				process.stdin.setRawMode(false);
			}

			process.stdout.write(leaveAltScreen);
		}
	};

	process.once('exit', leave);
	const crash = (error: unknown) => {
		leave();
		process.stderr.write(`kjobs crashed: ${printableLines(error instanceof Error ? error.message : String(error))}\n`);
		process.exit(1);
	};

	process.on('uncaughtException', crash);
	process.on('unhandledRejection', crash);

	// Ink's signal-exit re-raises a signal nobody else listens to, killing the process before the screen is restored;
	// listening to all four (for good, not once) keeps it from doing so. What a signal must do is done synchronously:
	// there is no time for an orderly stop.
	const onSignal = (signal: 'SIGTERM' | 'SIGINT' | 'SIGHUP' | 'SIGQUIT') => {
		leave();
		void session.cluster.connection.credentials.close();
		if (scratch) {
			rmSync(scratch, {recursive: true, force: true});
		}

		process.exit(128 + constants.signals[signal]);
	};

	for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP', 'SIGQUIT'] as const) {
		process.on(signal, onSignal);
	}

	// Node opens its debugger on port 9229 at SIGUSR1 unless something listens for it: any process of the same user
	// could then read the session's credentials out of memory. kjobs listens and does nothing.
	process.on('SIGUSR1', () => {});

	let quit: () => void = () => {};
	const quitting = new Promise<void>(resolve => {
		quit = resolve;
	});

	const view = () => (
		<App
			store={session.store}
			engine={session.engine}
			clock={session.clock}
			info={session.info()}
			noColor={noColor}
			contexts={session.contexts()}
			onRequest={session.handle}
			logs={session.logs}
			{...(session.history ? {history: session.history} : {})}
			{...(session.ledgers ? {ledgers: session.ledgers} : {})}
			access={session.access}
			onQuit={() => quit()}
		/>
	);
	// diffStdout sends only the frame lines that changed (Ink rewrites the whole frame, ≈5.5 KB, on every update).
	// The cluster's pace is batched before Ink sees it: the store and the log buffer notify at most ten times a second
	// and the clock ticks once. Ink's own throttle would hold a key's frame back too (maxFps 15 measured j/k p50 109 ms,
	// p95 201 ms at 200 jobs and no churn; 60 gave 27 / 77 ms), so it only caps bursts of held keys.
	const instance = render(view(), {exitOnCtrlC: false, maxFps: 60, patchConsole: false, stdout: diffStdout(process.stdout, {ascii: needsAsciiGlyphs(process.env)})});
	unmount = () => {
		instance.unmount();
	};
	session.onInfoChange(() => instance.rerender(view()));
	const benchReport = process.env['KJOBS_BENCH_REPORT'];
	if (benchReport) {
		// `npm run bench` sends SIGUSR2 once it sees the app in sync and reads the memory figures from this file.
		// With KJOBS_BENCH_HEAP_SNAPSHOTS (a directory the benchmark made), each signal also writes a heap snapshot there,
		// so two of them can be compared to find what grows.
		const snapshots = process.env['KJOBS_BENCH_HEAP_SNAPSHOTS'];
		let snapshotCount = 0;
		process.on('SIGUSR2', () => {
			(globalThis as {gc?: () => void}).gc?.();
			writeFileSync(benchReport, JSON.stringify({...process.memoryUsage(), ...(snapshots ? {snapshot: writeHeapSnapshot(path.join(snapshots, `kjobs-${++snapshotCount}.heapsnapshot`))} : {})}));
		});
	}


	await quitting;
	// The terminal first, so the prompt is back at once; then the session, which aborts every request and kills every
	// exec plugin. Whatever still holds the process open after that (a socket the OS is slow to close) gets a deadline.
	leave();
	session.clock.setTimer(() => {
		if (scratch) {
			rmSync(scratch, {recursive: true, force: true});
		}

		process.exit(0);
	}, quitDeadlineMs);
	await session.stop();
	await cleanup();
	return 0;
}

/** What `kjobs` says when it has no terminal to draw on: what works without one, and how to get one over SSH. */
export const noTerminalText = [
	'kjobs: needs an interactive terminal (stdin and stdout must be a TTY).',
	'Over SSH, allocate one: ssh -t HOST kjobs',
	'Without a terminal (scripts, CI, a pipe):',
	'  kjobs get jobs|cronjobs|pods [NAME] [-n NS | -A] [-o table|wide|json]   print the table (or JSON) once',
	'  kjobs wait job/NAME [--for complete|failed|finished] [--timeout D] [--logs]   wait for a job to end',
	'',
].join('\n');

/** How long quitting may take before kjobs exits regardless (the terminal is restored before it starts counting). */
export const quitDeadlineMs = 900;
