/**
Key names: how a key press from Ink becomes the string the keymap binds (`j`, `down`, `ctrl+d`, `N`), and how help
prints it.
*/

/**
The screens the keymap knows, the two input modes (where typing goes to a line instead of running commands) and the
confirmation dialog (which takes every key while it is open).
*/
export type KeyContext =
	| 'jobs' | 'cronjobs' | 'pods' | 'job-detail' | 'cronjob-detail' | 'pod-detail' | 'history' | 'archived-job' | 'help' | 'describe' | 'yaml' | 'logs'
	| 'filter' | 'command' | 'dialog' | 'picker';

/** The parts of Ink's `Key` the keymap reads (Ink's `Key` object satisfies it). */
export type KeyPress = {
	readonly upArrow?: boolean;
	readonly downArrow?: boolean;
	readonly leftArrow?: boolean;
	readonly rightArrow?: boolean;
	readonly pageUp?: boolean;
	readonly pageDown?: boolean;
	readonly home?: boolean;
	readonly end?: boolean;
	readonly return?: boolean;
	readonly escape?: boolean;
	readonly tab?: boolean;
	readonly backspace?: boolean;
	readonly delete?: boolean;
	readonly ctrl?: boolean;
	readonly meta?: boolean;
	readonly shift?: boolean;
};

const named: ReadonlyArray<[keyof KeyPress, string]> = [
	['upArrow', 'up'], ['downArrow', 'down'], ['leftArrow', 'left'], ['rightArrow', 'right'],
	['pageUp', 'pageup'], ['pageDown', 'pagedown'], ['home', 'home'], ['end', 'end'],
	['return', 'enter'], ['escape', 'escape'], ['tab', 'tab'],
	// Terminals send DEL (0x7f) for Backspace and Ink reports it as `delete`: both erase backwards here.
	['backspace', 'backspace'], ['delete', 'backspace'],
];

/** The binding name of a key press, or undefined for no usable key (e.g. a bare modifier or a pasted string). */
export function keyName(input: string, key: KeyPress): string | undefined {
	// Terminals send Shift+Tab as its own sequence; Ink reports it as Tab with Shift held.
	if (key.tab && key.shift) {
		return 'shift+tab';
	}

	for (const [flag, name] of named) {
		if (key[flag]) {
			return name;
		}
	}

	if (key.ctrl && input.length === 1) {
		return `ctrl+${input.toLowerCase()}`;
	}

	if (key.meta || input.length !== 1) {
		return undefined;
	}

	return input;
}

const display: Record<string, string> = {
	up: '↑', down: '↓', left: '←', right: '→', pageup: 'PgUp', pagedown: 'PgDn', home: 'Home', end: 'End',
	enter: 'Enter', escape: 'Esc', tab: 'Tab', 'shift+tab': 'Shift+Tab', backspace: 'Backspace',
};

/** How help shows a key name: `↓`, `Ctrl+D`, `Shift+N`, `Esc`. */
export function keyLabel(name: string): string {
	const special = display[name];
	if (special !== undefined) {
		return special;
	}

	if (name.startsWith('ctrl+')) {
		return `Ctrl+${name.slice(5).toUpperCase()}`;
	}

	if (/^[A-Z]$/.test(name)) {
		return `Shift+${name}`;
	}

	return name;
}

const chunkControls: Record<string, KeyPress> = {'\r': {return: true}, '\n': {return: true}, '\t': {tab: true}, '\u007F': {backspace: true}, '\b': {backspace: true}};

/**
Splits a run of plain characters that arrived in one read (fast typing over SSH, tmux send-keys, a paste) into one key
press per character, because Ink hands such a run over as a single input. Enter, Tab, Backspace and Ctrl+letter bytes
inside the run become those keys.
*/
export function splitChunk(text: string): Array<{readonly input: string; readonly key: KeyPress}> {
	return [...text].map((character) => {
		const control = chunkControls[character];
		if (control !== undefined) {
			return {input: '', key: control};
		}

		const code = character.codePointAt(0) ?? 0;
		if (code >= 1 && code <= 26) {
			return {input: String.fromCodePoint(code + 96), key: {ctrl: true}};
		}

		return {input: character, key: /^[A-Z]$/.test(character) ? {shift: true} : {}};
	});
}
