/**
The app's one `useInput`: hands every key press to the UI store, one key at a time with the view of the state the
previous key left (key-burst.ts); the reducer resolves each through the keymap in that state's screen and mode.
*/
import {type Key, useInput, useStdin} from 'ink';
import {useRef} from 'react';
import {type DrawnScreen, type Press, pressKeys} from '../state/key-burst.js';
import {splitChunk} from '../state/keys/keys.js';
import type {UiStore} from '../state/ui-store.js';

/** What the hook needs at the moment of a key press. */
export type KeymapInput = {
	readonly store: UiStore;
	/** The screen as the latest render drew it. */
	readonly drawn: DrawnScreen;
};

const special: ReadonlyArray<keyof Key> = ['upArrow', 'downArrow', 'leftArrow', 'rightArrow', 'pageUp', 'pageDown', 'home', 'end', 'return', 'escape', 'tab', 'backspace', 'delete', 'ctrl', 'meta'];

/** Routes key presses to the store. Listens only when stdin supports raw mode (Ink's useInput throws otherwise). */
export function useKeymap(input: KeymapInput): void {
	const {isRawModeSupported} = useStdin();
	// The handler reads the latest drawing through a ref, so Ink does not re-register its listener on every render.
	const latest = useRef(input);
	latest.current = input;
	useInput((text, key) => {
		// Ink hands a run of plain characters read at once (fast typing over SSH, a paste) over as one input: split it.
		const presses: readonly Press[] = [...text].length > 1 && !special.some((flag) => key[flag]) ? splitChunk(text) : [{input: text, key}];
		pressKeys(latest.current.store, presses, latest.current.drawn);
	}, {isActive: isRawModeSupported});
}
