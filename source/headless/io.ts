/**
What a headless command (`kjobs get`, `kjobs wait`) is given instead of reaching for `process`: where to write, what
the terminal is, the environment, and the one app clock (a manual one in tests).
*/
import type {Clock} from '../store/clock.js';

/** The outside world of a headless command. */
export type HeadlessIo = {
	stdout(text: string): void;
	stderr(text: string): void;
	/** Whether stdout is a terminal (colour only then). */
	readonly stdoutIsTty: boolean;
	/** The terminal's width when stdout is one. */
	readonly columns?: number;
	readonly env: NodeJS.ProcessEnv;
	readonly homeDir: string;
	readonly clock: Clock;
	/** Calls `stop` on Ctrl-C or SIGTERM (the command then cleans up and exits); tests leave it out. */
	onSignal?(stop: () => void): void;
};

/** The width a table fits: the terminal's, else $COLUMNS, else 80. */
export function outputWidth(io: HeadlessIo): number {
	const fromEnv = Number.parseInt(io.env['COLUMNS'] ?? '', 10);
	return io.columns ?? (Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : 80);
}

/** Whether to colour: stdout is a terminal, --no-color was not given and NO_COLOR is not set. */
export function useColour(io: HeadlessIo, colorFlag: boolean): boolean {
	return io.stdoutIsTty && colorFlag && (io.env['NO_COLOR'] ?? '') === '';
}
