/**
The real CLI under a pseudo-terminal (util-linux `script`), for what only a terminal shows: the alternate screen left
on exit, raw mode, signals. The output is every byte kjobs wrote to the terminal.
*/
import {spawn} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {waitFor} from './wait-for.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** A CLI run in a 120×40 pseudo-terminal. */
export type PtyRun = {
	/** The kjobs process itself (not `script`). */
	readonly pid: number;
	output(): string;
	type(text: string): void;
	/** Resolves with `script`'s exit code, which is kjobs' own (128 + n when a signal n killed it). */
	readonly exited: Promise<number>;
	exitedAt(): number | undefined;
	/** When `text` first appeared in the output (epoch ms), or undefined. */
	seenAt(text: string): number | undefined;
};

/**
Starts `node --import tsx source/bin.ts ...args` in a pty with `env` (and a PATH), from the repository root. Unless
`env` names them, HOME and XDG_STATE_HOME are a private directory removed when kjobs exits: a run never writes into the
real user's home (the archive of finished runs lives under XDG_STATE_HOME).
*/
export async function runInPty(args: readonly string[], env: Record<string, string> = {}): Promise<PtyRun> {
	const scratch = mkdtempSync(path.join(tmpdir(), 'kjobs-pty-'));
	const quoted = [process.execPath, '--import', 'tsx', path.join(root, 'source/bin.ts'), ...args].map(arg => `'${arg.replaceAll('\'', '\'\\\'\'')}'`).join(' ');
	// The shell prints its pid and then becomes kjobs (exec), so the pid is kjobs'.
	const child = spawn('script', ['-qefc', `stty cols 120 rows 40; echo "PID=$$"; exec ${quoted}`, '/dev/null'], {
		cwd: root,
		env: {PATH: process.env['PATH'] ?? '', TERM: 'xterm-256color', HOME: scratch, XDG_STATE_HOME: path.join(env['HOME'] ?? scratch, '.local', 'state'), ...env},
		stdio: ['pipe', 'pipe', 'pipe'],
	});
	let output = '';
	let exitedAt: number | undefined;
	// [output length after the chunk, when it arrived], to tell when a piece of output was written.
	const arrivals: Array<[number, number]> = [];
	child.stdout.setEncoding('utf8').on('data', (text: string) => {
		output += text;
		arrivals.push([output.length, Date.now()]);
	});
	const exited = new Promise<number>(resolve => {
		child.on('exit', code => {
			exitedAt = Date.now();
			rmSync(scratch, {recursive: true, force: true});
			resolve(code ?? -1);
		});
	});
	await waitFor('the pid', () => /PID=\d+/.test(output), {ms: 10_000});
	const pid = Number(/PID=(\d+)/.exec(output)![1]);
	return {
		pid,
		output: () => output,
		type(text) {
			child.stdin.write(text);
		},
		exited,
		exitedAt: () => exitedAt,
		seenAt(text) {
			const index = output.indexOf(text);
			return index === -1 ? undefined : arrivals.find(([length]) => length >= index + text.length)?.[1];
		},
	};
}

/** What kjobs writes last on a clean exit: show the cursor, leave the alternate screen. */
export const leaveAltScreen = '\u001B[?25h\u001B[?1049l';
