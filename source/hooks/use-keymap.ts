/**
The app's one `useInput`: hands every key press to the reducer, which resolves it through the keymap in its current
screen and mode.
*/
import {type Key, useInput, useStdin} from 'ink';
import {useRef} from 'react';
import {type KeyPress, keyName, splitChunk} from '../state/keys/keys.js';
import type {UiAction, ViewContext} from '../state/ui-actions.js';

/** What the hook needs at the moment of a key press. */
export type KeymapInput = {
	readonly view: ViewContext;
	readonly dispatch: (action: UiAction) => void;
	/** Off entirely (e.g. while the app is shutting down). */
	readonly enabled?: boolean;
	/**
	Sees each key first, with its keymap name (`y`, `enter`, `ctrl+d`); returning true consumes it. This is how an open
	dialog or the focused log pane takes keys without a second `useInput`.
	*/
	readonly capture?: (press: {readonly input: string; readonly key: KeyPress; readonly name: string | undefined}) => boolean;
};

const special: ReadonlyArray<keyof Key> = ['upArrow', 'downArrow', 'leftArrow', 'rightArrow', 'pageUp', 'pageDown', 'home', 'end', 'return', 'escape', 'tab', 'backspace', 'delete', 'ctrl', 'meta'];

/** Routes key presses to the reducer. Listens only when stdin supports raw mode (Ink's useInput throws otherwise). */
export function useKeymap(input: KeymapInput): void {
	const {isRawModeSupported} = useStdin();
	// The handler reads the latest rows through a ref, so Ink does not re-register its listener on every render.
	const latest = useRef(input);
	latest.current = input;
	useInput((text, key) => {
		const {view, dispatch, capture} = latest.current;
		// Ink hands a run of plain characters read at once (fast typing over SSH, a paste) over as one input: split it.
		const presses: Array<{readonly input: string; readonly key: KeyPress}> = [...text].length > 1 && !special.some((flag) => key[flag]) ? splitChunk(text) : [{input: text, key}];
		for (const press of presses) {
			if (capture?.({...press, name: keyName(press.input, press.key)})) {
				continue;
			}

			dispatch({type: 'key-press', input: press.input, key: press.key, ...view});
		}
	}, {isActive: isRawModeSupported && input.enabled !== false});
}
