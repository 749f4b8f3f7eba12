/**
The UI state's shape: the screen stack, input modes, table query, message line and the requests for the app.
*/
import type {Tone} from '../view-model/types.js';
import type {KeyContext} from './keys.js';
import type {TableQuery, ViewId} from '../view-model/tables.js';

/** A screen on the stack. Detail screens name their object by uid; the breadcrumb looks the name up when drawing. */
export type Screen =
	| {readonly id: ViewId}
	| {readonly id: 'job-detail' | 'cronjob-detail' | 'pod-detail'; readonly uid: string}
	| {readonly id: 'help'};

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
	| {readonly kind: 'open-logs'; readonly target: Target; readonly previous: boolean}
	| {readonly kind: 'describe' | 'yaml' | 'delete' | 'rerun' | 'trigger' | 'suspend'; readonly target: Target}
	| {readonly kind: 'set-namespace'; readonly namespace: string | undefined}
	| {readonly kind: 'switch-context'; readonly name: string};

/** What carrying out a request came to, for the message line (e.g. `deleted job pi` or the API's error text). */
export type RequestResult = {readonly text: string; readonly tone: Tone};

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
	return state.mode === 'normal' ? currentEntry(state).screen.id : state.mode;
}

/** The table query for the list views. */
export function tableQuery(state: UiState): TableQuery {
	return {filter: state.filter, sort: state.sort, hideCompleted: state.hideCompleted, allNamespaces: state.namespace === undefined};
}
