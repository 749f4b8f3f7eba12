import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {render} from 'ink-testing-library';
import {App} from '../../source/app.js';
import type {Connection} from '../../source/cluster/connection/kubeconfig.js';
import {startSession, type Session} from '../../source/session/session.js';
import type {Clock} from '../../source/store/clock.js';

/** The App on a real session (real watchers over HTTP), as cli.tsx composes it, in a test terminal. */
export type AppRig = {
	session: Session;
	frame(): string;
	lines(): string[];
	/** Every frame Ink wrote so far. */
	frames(): readonly string[];
	press(key: string): void;
	/** Drops the frames kept so far (ink-testing-library keeps every one; long runs would measure that, not kjobs). */
	forgetFrames(): void;
	quits(): number;
	stop(): Promise<void>;
};

/** Starts a session on `connection` and renders the App for it. */
export function appOn(connection: Connection, options: {readOnly?: boolean; columns?: number; rows?: number; noColor?: boolean; clock?: Clock; logDirectory?: string} = {}): AppRig {
	// Saved logs (random keys press `s` in the pane) go to a temp directory, never into the checkout.
	const logDirectory = options.logDirectory ?? mkdtempSync(path.join(tmpdir(), 'kjobs-rig-logs-'));
	const session = startSession({connection, demo: false, logDirectory, ...(options.readOnly ? {readOnly: '--readonly'} : {}), ...(options.clock ? {clock: options.clock} : {})});
	let quits = 0;
	const view = () => (
		<App
			store={session.store}
			engine={session.engine}
			clock={session.clock}
			info={session.info()}
			noColor={options.noColor ?? true}
			contexts={session.contexts()}
			onRequest={session.handle}
			logs={session.logs}
			access={session.access}
			size={{columns: options.columns ?? 120, rows: options.rows ?? 30}}
			onQuit={() => {
				quits++;
			}}
		/>
	);
	const instance = render(view());
	session.onInfoChange(() => {
		instance.rerender(view());
	});
	const frame = () => instance.lastFrame() ?? '';
	return {
		session,
		frame,
		lines: () => frame().split('\n').map(line => line.trimEnd()),
		frames: () => instance.frames,
		press(key) {
			instance.stdin.write(key);
		},
		quits: () => quits,
		forgetFrames() {
			instance.frames.length = 0;
		},
		async stop() {
			instance.unmount();
			instance.cleanup();
			await session.stop();
		},
	};
}
