// First, before Ink loads: see the helper.
import '../helpers/live-ink.js';
import assert from 'node:assert/strict';
import {EventEmitter} from 'node:events';
import {after, test} from 'node:test';
import {render} from 'ink';
import {App} from '../../source/app.js';
import {startSession} from '../../source/session/session.js';
import {ManualClock} from '../../source/simulator/clock.js';
import {startSimulator} from '../../source/simulator/index.js';
import {diffStdout} from '../../source/terminal/diff-stdout.js';
import {connectionFrom, start, tempDir, waitFor} from '../helpers/reliability.js';
import {ScreenEmulator} from '../helpers/screen-emulator.js';

const dir = tempDir('kjobs-resize-');

/** A terminal for Ink: writes go to a screen emulator, the size can change (with the resize event a terminal sends). */
class Terminal extends EventEmitter {
	readonly isTTY = true;
	readonly screen: ScreenEmulator;
	constructor(public columns: number, public rows: number) {
		super();
		this.screen = new ScreenEmulator(columns, rows);
	}

	write = (text: string | Uint8Array, ...rest: unknown[]): boolean => {
		this.screen.write(typeof text === 'string' ? text : Buffer.from(text).toString('utf8'));
		(rest.find(argument => typeof argument === 'function') as (() => void) | undefined)?.();
		return true;
	};

	resize(columns: number, rows: number): void {
		this.columns = columns;
		this.rows = rows;
		this.screen.resize(columns, rows);
		this.emit('resize');
	}
}

class Keyboard extends EventEmitter {
	readonly isTTY = true;
	#data: string | null = null;
	press(text: string): void {
		this.#data = text;
		this.emit('readable');
		this.emit('data', text);
	}

	read = (): string | null => {
		const data = this.#data;
		this.#data = null;
		return data;
	};

	setEncoding(): void {}
	setRawMode(): void {}
	resume(): void {}
	pause(): void {}
	ref(): void {}
	unref(): void {}
}

async function appInTerminal(columns: number, rows: number) {
	const sim = await startSimulator({clock: new ManualClock(start), scenario: 'demo'});
	const session = startSession({connection: connectionFrom(dir, sim.kubeconfig, {allNamespaces: true}), demo: true, readOnly: '--demo', logDirectory: dir});
	const terminal = new Terminal(columns, rows);
	const keyboard = new Keyboard();
	const stdout = diffStdout(terminal as unknown as NodeJS.WriteStream);
	const instance = render(
		<App store={session.store} engine={session.engine} clock={session.clock} info={session.info()} noColor onRequest={session.handle} logs={session.logs} access={session.access} onQuit={() => {}}/>,
		{stdout, stdin: keyboard as unknown as NodeJS.ReadStream, exitOnCtrlC: false, patchConsole: false, maxFps: 1000},
	);
	after(async () => {
		instance.unmount();
		instance.cleanup();
		await session.stop();
		await sim.stop();
	});
	return {terminal, keyboard, session};
}

/** Waits until the demo's jobs are on screen and the watch is live; on timeout the message holds the screen. */
async function live(terminal: Terminal): Promise<void> {
	await waitFor('the demo jobs, live', () => terminal.screen.lines().some(line => line.includes('watch live')) && terminal.screen.lines().some(line => line.includes('db-ba')), {
		explain: () => `the screen:\n${terminal.screen.lines().join('\n')}`,
	});
}

// What the frame looks like when the terminal draws it from scratch: the same bytes on a clean screen.
function settled(terminal: Terminal): Promise<string[]> {
	let last = '';
	let stable = 0;
	return waitFor('the screen to settle', () => {
		const now = terminal.screen.lines().join('\n');
		stable = now === last ? stable + 1 : 0;
		last = now;
		return stable >= 5;
	}).then(() => terminal.screen.lines());
}

test('shrinking the terminal repaints every line: no stale row, the header stays on the first line', {timeout: 30_000}, async () => {
	const {terminal} = await appInTerminal(120, 40);
	await live(terminal);
	const wide = await settled(terminal);
	assert.match(wide[0]!, /^kjobs/);
	terminal.resize(80, 24);
	const screen = await settled(terminal);
	assert.match(screen[0]!, /^kjobs/, `line 1 is the header:\n${screen.join('\n')}`);
	assert.match(screen[1]!, /jobs/, `line 2 counts the jobs:\n${screen.join('\n')}`);
	assert.match(screen.at(-2)!, /Enter Open/, `the last line of the frame (Ink keeps the terminal's last row free) holds the key hints:\n${screen.join('\n')}`);
	// Each row appears once: a frame drawn at the old width wraps, scrolls and leaves duplicated or shifted lines.
	const rows = screen.filter(line => /^(?:batch|default|keycloak) /.test(line));
	assert.equal(new Set(rows).size, rows.length, `a row is shown twice:\n${screen.join('\n')}`);
	assert.ok(rows.length > 10, `the table fills the body:\n${screen.join('\n')}`);
});

test('growing and shrinking again, with the log pane open, leaves one of everything on screen', {timeout: 30_000}, async () => {
	const {terminal, keyboard} = await appInTerminal(90, 30);
	await live(terminal);
	keyboard.press('l');
	await waitFor('the log pane', () => terminal.screen.lines().filter(line => line.includes('Logs')).length > 0);
	const opened = await settled(terminal);
	const paneTitle = (lines: readonly string[]) => lines.filter(line => line.startsWith('─ ') || line.includes('─ Logs') || /^Logs /.test(line)).length;
	terminal.resize(130, 45);
	await settled(terminal);
	terminal.resize(90, 30);
	const screen = await settled(terminal);
	assert.match(screen[0]!, /^kjobs/, `line 1 is the header:\n${screen.join('\n')}`);
	assert.equal(screen.filter(line => line.includes('NAMESPACE')).length, 1, `one table header:\n${screen.join('\n')}`);
	assert.equal(paneTitle(screen), paneTitle(opened), `the log pane's header once:\n${screen.join('\n')}`);
	assert.ok(screen.every(line => line.length <= 90));
});

test('Ctrl+L redraws the whole screen: whatever else wrote over it is gone', {timeout: 30_000}, async () => {
	const {terminal, keyboard} = await appInTerminal(100, 30);
	await live(terminal);
	const before = await settled(terminal);
	// Another program (a wall message, a background job) scribbles over the screen.
	terminal.screen.write('\u001B[5;1HBroadcast message from root: the system is going down\u001B[20;1H\u001B[2K');
	assert.notDeepEqual(terminal.screen.lines(), before);
	keyboard.press('\f');
	const after = await settled(terminal);
	assert.ok(!after.some(line => line.includes('Broadcast')), `the scribble stays:\n${after.join('\n')}`);
	assert.match(after[0]!, /^kjobs/);
	assert.equal(after[4], before[4]);
	assert.equal(after[19], before[19]);
});
