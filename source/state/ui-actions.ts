/**
The actions the UI reducer takes: key presses and commands with the screen as it was drawn, typed text, messages and
the results of requests. Declarations only, so the reducer's helpers can name them without importing the reducer.
*/
import type {Tone} from '../view-model/types.js';
import type {DialogOpener} from './dialog/flow.js';
import type {CompletionNames} from './command-line.js';
import type {ObjectCommand, UiCommand} from './keys/commands.js';
import type {KeyPress} from './keys/keys.js';
import type {LogKeyContext, RequestResult, UiRequest, UiState} from './types.js';

/** What the reducer needs to know about the screen as drawn when a key is pressed. */
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
	/** Opens an action's confirmation dialog on the live snapshot; without it action keys go to the app as requests. */
	readonly openDialog?: DialogOpener;
	/** The state the rows, page and info above were drawn for. */
	readonly drawnFor?: UiState;
	/**
	The rows, page and info for another state. Keys that arrive in one read (a paste, fast typing over a slow link) are
	reduced one after another before the next render: after `Esc` or `/name⏎` the drawn rows belong to another screen.
	*/
	readonly redraw?: (state: UiState) => Pick<ViewContext, 'rows' | 'page' | 'info'>;
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
