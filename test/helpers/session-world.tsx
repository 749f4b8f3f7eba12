/**
Test-only: the real App on a real session against the simulated cluster (manual clock), with helpers to press keys,
step time and wait (bounded) for a frame.
*/
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {render} from 'ink-testing-library';
import {App} from '../../source/app.js';
import type {AccessSource} from '../../source/state/types.js';
import {loadConnection} from '../../source/cluster/connection/kubeconfig.js';
import {type Session, startSession} from '../../source/session/session.js';
import {ManualClock} from '../../source/simulator/clock.js';
import {type RbacRule, type Simulator, startSimulator} from '../../source/simulator/index.js';
import {createManualClock} from '../../source/store/clock.js';
import {seeded} from './actions.js';
import {waitFor} from '../helpers/wait-for.js';

/** Where the simulated time starts. */
export const worldStart = Date.parse('2026-01-01T00:00:00Z');

/** A running world: simulator, session and the rendered app. */
export type SessionWorld = {
	readonly sim: Simulator;
	readonly session: Session;
	frame(): string;
	lines(): string[];
	/** Writes each key, letting the app settle after each. */
	press(...keys: string[]): Promise<void>;
	/** Steps the simulator's and the app's clocks together. */
	advance(ms: number): Promise<void>;
	/** Polls until `predicate(frame)` holds, up to `timeoutMs` of real time (loopback I/O); throws with the last frame. */
	waitFor(predicate: (frame: string) => boolean, what: string, timeoutMs?: number): Promise<string>;
	stop(): Promise<void>;
};

/** Starts the simulator with `scenario`, a session on it (read-only with `readOnly`), and renders the App. */
export async function sessionWorld(options: {scenario: string; readOnly?: '--demo' | '--readonly'; columns?: number; rows?: number; access?: AccessSource; rbac?: RbacRule[]; namespace?: string}): Promise<SessionWorld> {
	const manual = new ManualClock(worldStart);
	const sim = await startSimulator({clock: manual, seed: 1, scenario: options.scenario, port: 0, host: '127.0.0.1', ...(options.rbac ? {rbac: options.rbac} : {})});
	const scratch = mkdtempSync(path.join(tmpdir(), 'kjobs-e2e-'));
	const kubeconfig = path.join(scratch, 'kubeconfig');
	writeFileSync(kubeconfig, sim.kubeconfig);
	const scope = options.namespace === undefined ? {allNamespaces: true} : {namespace: options.namespace};
	const connection = loadConnection({kubeconfig, ...scope, env: {}, homeDir: scratch});
	const clock = createManualClock(worldStart);
	const session = startSession({
		connection, demo: options.readOnly === '--demo', clock, actions: {random: seeded(), pollMs: 20}, logDirectory: scratch,
		...(options.readOnly ? {readOnly: options.readOnly} : {}),
	});
	const instance = render(
		<App
			store={session.store} clock={session.clock} info={session.info()} contexts={session.contexts()} noColor
			size={{columns: options.columns ?? 120, rows: options.rows ?? 40}} onRequest={session.handle} access={options.access ?? session.access} onQuit={() => {}}
		/>,
	);
	const frame = () => instance.lastFrame() ?? '';
	const settle = async () => {
		for (let turn = 0; turn < 3; turn++) {
			await new Promise((resolve) => setImmediate(resolve));
		}
	};

	const world: SessionWorld = {
		sim,
		session,
		frame,
		lines: () => frame().split('\n').map((line) => line.trimEnd()),
		async press(...keys) {
			for (const key of keys) {
				instance.stdin.write(key);
				await settle();
			}
		},
		async advance(ms) {
			await sim.advance(ms);
			clock.advance(ms);
			await settle();
		},
		async waitFor(predicate, what, timeoutMs = 5000) {
			// The store's and the log buffer's notifications wait on the manual app clock: flushing them before each look
			// delivers what arrived over the network without moving time (waitFor's pauses let the app render it).
			const deliver = () => {
				session.store.flush();
				session.logs.getSnapshot()?.buffer.flush();
			};

			await waitFor(what, () => predicate(frame()), {ms: timeoutMs, step: deliver, explain: () => `last frame:\n${frame()}`});
			return frame();
		},
		async stop() {
			instance.unmount();
			instance.cleanup();
			await session.stop();
			await sim.stop();
			rmSync(scratch, {recursive: true, force: true});
		},
	};
	return world;
}
