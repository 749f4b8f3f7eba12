/**
Records media/demo.svg from the real app: runs `node dist/kjobs.mjs --demo` in a private tmux server at a fixed size, sends
the keys of a short tour, captures the screen with its colours after each step, and renders the frames into an animated
SVG. Run it with `npm run media` (which builds first); re-running it after a UI change refreshes the picture.
*/
import {execFileSync} from 'node:child_process';
import {mkdtempSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {setTimeout as sleep} from 'node:timers/promises';
import {parseScreen} from './ansi-parse.js';
import {type Frame, renderSvg} from './svg-render.js';

const cols = 100;
const rows = 30;
const root = path.resolve(import.meta.dirname, '..');
const output = path.join(root, 'media', 'demo.svg');

/** One step of the tour: keys to send (tmux key names, or literal text), the wait before capturing, how long to show it. */
type Step = {readonly keys?: readonly string[]; readonly text?: string; readonly wait: number; readonly show: number};

const tour: readonly Step[] = [
	// The jobs list, live: three captures a second apart show the countdowns and ages moving.
	{wait: 0, show: 1000},
	{wait: 1000, show: 1000},
	{wait: 1000, show: 1200},
	{keys: ['j'], wait: 250, show: 450},
	{keys: ['j'], wait: 250, show: 450},
	{keys: ['j'], wait: 250, show: 450},
	{keys: ['j'], wait: 250, show: 700},
	// Filter to one job, open it, then its logs.
	{keys: ['/'], wait: 250, show: 400},
	{text: 'render', wait: 400, show: 1200},
	{keys: ['Enter'], wait: 400, show: 900},
	{keys: ['Enter'], wait: 1000, show: 2200},
	{wait: 1000, show: 1400},
	{keys: ['l'], wait: 1500, show: 2200},
	{wait: 1000, show: 1800},
	{keys: ['Escape'], wait: 400, show: 500},
	{keys: ['Escape'], wait: 400, show: 600},
	{keys: ['Escape'], wait: 400, show: 700},
	// The other views through the command line, then help.
	{text: ':cj', wait: 400, show: 1000},
	{keys: ['Enter'], wait: 800, show: 2400},
	{text: ':pods', wait: 400, show: 1000},
	{keys: ['Enter'], wait: 800, show: 2400},
	{keys: ['?'], wait: 600, show: 2800},
	{keys: ['Escape'], wait: 400, show: 400},
	{text: ':jobs', wait: 300, show: 600},
	{keys: ['Enter'], wait: 800, show: 1500},
];

function tmux(socket: string, ...arguments_: string[]): string {
	return execFileSync('tmux', ['-L', socket, ...arguments_], {encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']});
}

function capture(socket: string): string {
	const lines = tmux(socket, 'capture-pane', '-e', '-p', '-t', 'demo').split('\n');
	return lines.slice(0, rows).join('\n');
}

async function waitForData(socket: string): Promise<void> {
	for (let attempt = 0; attempt < 100; attempt++) {
		const screen = tmux(socket, 'capture-pane', '-p', '-t', 'demo');
		if (/watch live/.test(screen) && !/connecting/.test(screen)) {
			return;
		}

		await sleep(200);
	}

	throw new Error(`kjobs --demo did not show live data within 20 s:\n${tmux(socket, 'capture-pane', '-p', '-t', 'demo')}`);
}

async function record(): Promise<Frame[]> {
	const socket = `kjobs-media-${process.pid}`;
	const scratch = mkdtempSync(path.join(tmpdir(), 'kjobs-media-'));
	const config = path.join(scratch, 'tmux.conf');
	// No status line, so the pane is the whole fixed-size window.
	writeFileSync(config, 'set -g status off\n');
	// The demo archives the runs it sees finish: a recording's go to its scratch directory, not the user's state.
	const command = `cd ${JSON.stringify(root)} && exec env -u NO_COLOR TERM=xterm-256color XDG_STATE_HOME=${JSON.stringify(path.join(scratch, 'state'))} node dist/kjobs.mjs --demo`;
	try {
		tmux(socket, '-f', config, 'new-session', '-d', '-s', 'demo', '-x', String(cols), '-y', String(rows), command);
		const size = tmux(socket, 'display-message', '-p', '-t', 'demo', '#{pane_width}x#{pane_height}').trim();
		if (size !== `${cols}x${rows}`) {
			throw new Error(`the tmux pane is ${size}, not ${cols}x${rows}`);
		}

		await waitForData(socket);
		await sleep(1500);
		const frames: Frame[] = [];
		for (const step of tour) {
			if (step.text !== undefined) {
				tmux(socket, 'send-keys', '-t', 'demo', '-l', step.text);
			}

			if (step.keys) {
				tmux(socket, 'send-keys', '-t', 'demo', ...step.keys);
			}

			await sleep(step.wait);
			frames.push({lines: parseScreen(capture(socket)), duration: step.show});
		}

		tmux(socket, 'send-keys', '-t', 'demo', 'q');
		await sleep(500);
		return frames;
	} finally {
		try {
			tmux(socket, 'kill-server');
		} catch {
			// The server already ended with its only session.
		}

		rmSync(scratch, {recursive: true, force: true});
	}
}

const frames = await record();
writeFileSync(output, renderSvg(frames, {cols, rows, title: 'kjobs --demo'}));
console.log(`${path.relative(root, output)}: ${frames.length} frames, ${Math.round(statSync(output).size / 1024)} KB`);
