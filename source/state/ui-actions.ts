/**
The actions the UI reducer takes: key presses and commands with the screen as it was drawn, typed text, messages and
the results of requests. Plain data only (no callbacks), so the reducer stays pure. Declarations only, so the reducer's
helpers can name them without importing the reducer.
*/
import type {RequestResult} from '../cluster/actions/types.js';
import type {Tone} from '../view-model/types.js';
import type {CompletionNames} from './command-line.js';
import type {ObjectCommand, UiCommand} from './keys/commands.js';
import type {KeyPress} from './keys/keys.js';
import type {LiveData, LogKeyContext, UiRequest} from './types.js';

/** What the reducer needs to know about the screen when a key is pressed, as drawn for the state the key meets. */
export type ViewContext = {
	/** The ids of the current screen's selectable rows, in display order (help: one per line). */
	readonly rows: readonly string[];
	/** How many rows fit in the body (for paging). */
	readonly page: number;
	/** App-clock time (message times). */
	readonly now: number;
	readonly names?: CompletionNames;
	/** On a detail screen: how many info lines there are and how many are shown (for PgUp/PgDn). */
	readonly info?: {readonly lines: number; readonly height: number};
	/** What the log pane shows (present when the app can show logs): `l` then opens the pane, and its keys scroll it. */
	readonly logs?: LogKeyContext;
	/** The snapshot and access an action key's dialog is opened from. */
	readonly live: LiveData;
};

/** A key command with the screen as drawn. */
export type CommandAction = {readonly type: UiCommand | ObjectCommand} & ViewContext;

/** A key as Ink reported it, resolved through the keymap in the state's own context when the reducer takes it. */
export type KeyAction = {readonly type: 'key-press'; readonly input: string; readonly key: KeyPress} & ViewContext;

/** Every action the reducer takes. */
export type UiAction =
	| CommandAction
	| KeyAction
	| {readonly type: 'input-text'; readonly text: string}
	| {readonly type: 'show-message'; readonly text: string; readonly tone: Tone; readonly now: number}
	| {readonly type: 'request-done'; readonly request: UiRequest; readonly result: RequestResult; readonly now: number}
	| {readonly type: 'created-arrived'; readonly uid: string; readonly rows: readonly string[]; readonly page: number}
	| {readonly type: 'clear-message'};
