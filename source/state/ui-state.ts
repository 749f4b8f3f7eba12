/**
The UI state's shape: the screen stack, input modes, table query, message line and the requests for the app.
*/
import type {ActionRequest, ObjectRef} from '../cluster/actions/types.js';
import type {Permissions} from '../cluster/actions/permissions.js';
import type {Tone} from '../view-model/types.js';
import type {ConfirmDialog} from './dialog/model.js';
import type {SincePreset} from '../view-model/logs/types.js';
import type {KeyContext} from './keys/keys.js';
import type {OpenLogPane} from './log-pane/state.js';
import type {TableQuery, ViewId} from '../view-model/table/tables.js';

/** A screen on the stack. Detail screens name their object by uid; the breadcrumb looks the name up when drawing. */
export type Screen =
	| {readonly id: ViewId}
	| {readonly id: 'job-detail' | 'cronjob-detail' | 'pod-detail'; readonly uid: string}
	| {readonly id: 'help'}
	| {readonly id: 'describe' | 'yaml'; readonly target: Target};

/** A screen plus where its cursor is: the selected row's uid, its last index (for when the row goes) and the scroll. */
export type ScreenEntry = {
	readonly screen: Screen;
	readonly selected?: string;
	readonly index: number;
	readonly scroll: number;
	/** Detail screens: the first info line shown. */
	readonly detailScroll?: number;
};

/** What the app's input goes to. */
export type Mode = 'normal' | 'filter' | 'command';

/** The object a request acts on. */
export type Target = {readonly kind: 'job' | 'cronjob' | 'pod'; readonly uid: string};

/** Something only the app can do (cluster calls, the log pane): the reducer asks, `onRequest` carries it out. */
export type UiRequest =
	/**
	`since` is set when the pane's since preset changed: the session reopens the streams with it. `container` picks a
	pod's container (a name, or 'all' for init containers too); without it a pod's main containers are shown.
	*/
	| {readonly kind: 'open-logs'; readonly target: Target; readonly previous: boolean; readonly since?: SincePreset; readonly container?: string}
	/** The log pane closed: every stream it opened ends. */
	| {readonly kind: 'close-logs'}
	/** Save the pane's buffer to a file (its path goes to the message line). */
	| {readonly kind: 'save-logs'; readonly timestamps: boolean}
	| {readonly kind: 'delete' | 'rerun' | 'trigger' | 'suspend'; readonly target: Target}
	/** A confirmed dialog's action. */
	| {readonly kind: 'action'; readonly action: ActionRequest; readonly target: Target}
	| {readonly kind: 'set-namespace'; readonly namespace: string | undefined}
	| {readonly kind: 'switch-context'; readonly name: string};

/** What carrying out a request came to, for the message line (e.g. `deleted job pi` or the API's error text). */
export type RequestResult = {
	readonly text: string;
	readonly tone: Tone;
	/** A job the request created: the selection moves to it once the watch delivers it. */
	readonly created?: ObjectRef;
};

/** What the app may do now: the read-only gate's refusal (undefined when writable) and the RBAC answers. */
export type Access = {readonly readOnly: string | undefined; readonly permissions: Permissions};

/** An open confirmation dialog and the object it is about. */
export type OpenDialog = {readonly target: Target; readonly dialog: ConfirmDialog};

/** A created job the selection waits for, and the object whose action created it. */
export type AwaitedJob = {readonly ref: ObjectRef; readonly from: Target};

/** The app's handler of requests; a returned result (or a rejection's message) goes to the message line. */
export type RequestHandler = (request: UiRequest) => void | RequestResult | Promise<void | RequestResult>;

/** The message line: text, tone and the app-clock time it was set. */
export type Message = {readonly text: string; readonly tone: Tone; readonly at: number};

/** The whole UI state. */
export type UiState = {
	/** Never empty: the bottom entry is a list view. */
	readonly stack: readonly ScreenEntry[];
	readonly mode: Mode;
	/** The applied filter (updated as it is typed). */
	readonly filter: string;
	/** The command line being typed (without the colon). */
	readonly command: string;
	readonly sort: TableQuery['sort'];
	readonly hideCompleted: boolean;
	/** The namespace in scope; undefined for all namespaces. */
	readonly namespace: string | undefined;
	readonly message?: Message;
	/** The confirmation dialog on screen; while it is open every key goes to it. */
	readonly dialog?: OpenDialog;
	/** A job an action created, not yet seen in the snapshot. */
	readonly awaiting?: AwaitedJob;
	/** The open log pane; while it is open it has the keys (log-pane-state.ts). */
	readonly logs?: OpenLogPane;
	/** Requests for the app, oldest first, numbered; the app hands each to `onRequest` once. Only the last few are kept. */
	readonly requests: ReadonlyArray<{readonly seq: number; readonly request: UiRequest}>;
	readonly nextSeq: number;
	/** Whether the app can carry out requests; without a handler the message line says what is not available. */
	readonly handlesRequests: boolean;
	readonly quit: boolean;
};

/** Options for the first state. */
export type UiStateOptions = {
	readonly view?: ViewId;
	readonly namespace: string | undefined;
	readonly handlesRequests: boolean;
};

/** The state kjobs opens with: the jobs view (or the one given), sorted by name, the given namespace. */
export function initialUiState(options: UiStateOptions): UiState {
	return {
		stack: [{screen: {id: options.view ?? 'jobs'}, index: 0, scroll: 0}],
		mode: 'normal',
		filter: '',
		command: '',
		sort: 'name',
		hideCompleted: false,
		namespace: options.namespace,
		requests: [],
		nextSeq: 1,
		handlesRequests: options.handlesRequests,
		quit: false,
	};
}

/** The screen on top of the stack. */
export function currentEntry(state: UiState): ScreenEntry {
	// The stack is never empty (back stops at the root), so the fallback is never used.
	return state.stack.at(-1) ?? {screen: {id: 'jobs'}, index: 0, scroll: 0};
}

/** Where keys go: the input line being typed in, else the screen on top. */
export function keyContext(state: UiState): KeyContext {
	if (state.mode !== 'normal') {
		return state.mode;
	}

	const {screen} = currentEntry(state);
	// The open log pane has the keys, unless a text screen (help) was opened over it.
	return state.logs !== undefined && !isTextScreen(screen) ? 'logs' : screen.id;
}

/** Screens that show scrolling text (help, describe, YAML): their cursor is the first line shown. */
export function isTextScreen(screen: Screen): boolean {
	return screen.id === 'help' || screen.id === 'describe' || screen.id === 'yaml';
}

/** The table query for the list views. */
export function tableQuery(state: UiState): TableQuery {
	return {filter: state.filter, sort: state.sort, hideCompleted: state.hideCompleted, allNamespaces: state.namespace === undefined};
}
