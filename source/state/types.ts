/**
The UI state's shape and the words around it: the screen stack, input modes, the open dialog and log pane, the
requests the reducer asks the app to carry out, and what the app tells the screen about the connection and access.
Declarations only, so every file of the state layer (and the session and components) can name them without importing
one another.
*/
import type {LedgerData} from '../archive/ledger.js';
import type {HistoryData} from '../archive/types.js';
import type {Permissions} from '../cluster/actions/permissions.js';
import type {ActionRequest, ObjectRef, RequestResult} from '../cluster/actions/types.js';
import type {LogBuffer, LogEntry} from '../store/log-buffer.js';
import type {StoreView} from '../store/types.js';
import type {LogPaneState, ScrollBounds, SincePreset} from '../view-model/logs/types.js';
import type {SaveDefault} from '../view-model/logs/view.js';
import type {TableQuery, ViewId} from '../view-model/table/types.js';
import type {Tone} from '../view-model/types.js';
import type {ConfirmDialog} from './dialog/model.js';

/** A screen on the stack. Detail screens name their object by uid; the breadcrumb looks the name up when drawing. */
export type Screen =
	| {readonly id: ViewId}
	| {readonly id: 'job-detail' | 'cronjob-detail' | 'pod-detail'; readonly uid: string}
	| {readonly id: 'help'}
	/** The archive's runs (`H`, `:history`), and one archived job's detail: read from the archive, not the cluster. */
	| {readonly id: 'history'}
	| {readonly id: 'archived-job'; readonly uid: string}
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
export type Target = {
	readonly kind: 'job' | 'cronjob' | 'pod';
	readonly uid: string;
	/** A job's run as the archive kept it (its logs are read from the archive file, never from the cluster). */
	readonly archived?: true;
};

/** Something only the app can do (cluster calls, the log pane): the reducer asks, `onRequest` carries it out. */
export type UiRequest =
	/**
	`since` is set when the pane's since preset changed: the session reopens the streams with it. `container` picks a
	pod's container (a name, or 'all' for init containers too); without it a pod's main containers are shown.
	*/
	| {readonly kind: 'open-logs'; readonly target: Target; readonly previous: boolean; readonly since?: SincePreset; readonly container?: string}
	/** The log pane closed: every stream it opened ends. */
	| {readonly kind: 'close-logs'}
	/**
	Save the pane's buffer to a new file (its path goes to the message line): `path` as typed, '' for the default place;
	relative paths are taken inside the log directory.
	*/
	| {readonly kind: 'save-logs'; readonly timestamps: boolean; readonly path: string}
	/** A confirmed dialog's action: the one way an action key reaches the cluster. */
	| {readonly kind: 'action'; readonly action: ActionRequest; readonly target: Target}
	/** Mark (or unmark) a job to be announced with a bell and a desktop notification however it ends. */
	| {readonly kind: 'toggle-notify'; readonly target: Target}
	| {readonly kind: 'set-namespace'; readonly namespace: string | undefined}
	/** Read the archive again: the history screen opened. */
	| {readonly kind: 'load-history'}
	/** Delete a job's archived run (a local file; the cluster is not asked), after its dialog was confirmed. */
	| {readonly kind: 'forget-run'; readonly uid: string; readonly name: string}
	| {readonly kind: 'switch-context'; readonly name: string};

/** What the app may do now: the read-only gate's refusal (undefined when writable) and the RBAC answers. */
export type Access = {readonly readOnly: string | undefined; readonly permissions: Permissions};

/** What an action key opens its confirmation dialog from: the live snapshot (in the namespace in scope) and the access. */
export type LiveData = {
	readonly snapshot: StoreView;
	readonly access: Access;
	/** The archive as the history screen shows it (undefined when it is off): Ctrl+D there asks about its runs. */
	readonly history?: HistoryData;
};

/** An open confirmation dialog and the object it is about. */
export type OpenDialog = {readonly target: Target; readonly dialog: ConfirmDialog};

/** A created job the selection waits for, and the object whose action created it. */
export type AwaitedJob = {readonly ref: ObjectRef; readonly from: Target};

/** The app's handler of requests; a returned result (or a rejection's message) goes to the message line. */
export type RequestHandler = (request: UiRequest) => void | RequestResult | Promise<void | RequestResult>;

/** The message line: text, tone and the app-clock time it was set. */
export type Message = {readonly text: string; readonly tone: Tone; readonly at: number};

/** An open `:ns` or `:ctx` picker: the names to choose from and the one the cursor is on. */
export type Picker = {readonly kind: 'namespace' | 'context'; readonly choices: readonly string[]; readonly index: number};

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
	/** The sort turned around (the same sort key pressed again). */
	readonly reverse: boolean;
	readonly hideCompleted: boolean;
	/** Every column of the list views, cut to fit, instead of the ones the width has room for (Ctrl+W). */
	readonly wide: boolean;
	/** Describe, YAML and the detail screens wrap long lines (`w`) … */
	readonly wrap: boolean;
	/** … or, unwrapped, show them this many cells shifted left (← →). */
	readonly shift: number;
	/** The namespace in scope; undefined for all namespaces. */
	readonly namespace: string | undefined;
	readonly message?: Message;
	/** The namespace or context picker on screen; while it is open every key goes to it. */
	readonly picker?: Picker;
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
	/** How many times the user asked for a full redraw (Ctrl+L): the app repaints the terminal when it grows. */
	readonly redraws?: number;
};

/** Options for the first state. */
export type UiStateOptions = {
	readonly view?: ViewId;
	readonly namespace: string | undefined;
	readonly handlesRequests: boolean;
};

/** The open pane: the object asked for, whether it shows previous logs, the container picked, and the pane reducer's state. */
export type OpenLogPane = {
	readonly target: Target;
	readonly previous: boolean;
	/** A pod's container by name, or 'all' (init containers too); undefined shows its main containers. */
	readonly container?: string;
	readonly pane: LogPaneState;
};

/**
What a key press needs to know about the pane as drawn: the scroll bounds, the rows shown, the entries (for search) and
the container choices the feed offers.
*/
export type LogKeyContext = {
	readonly bounds: ScrollBounds;
	readonly page: number;
	readonly entries: readonly LogEntry[];
	readonly containers?: readonly string[];
};

/**
What the session feeds the pane: the buffer its streams write to, a title naming what is shown, and for a pod with
several containers the choices `c` cycles through after the default (each name, and 'all' when there are init containers).
*/
export type LogFeed = {
	readonly buffer: LogBuffer;
	readonly title: string;
	readonly containers?: readonly string[];
	readonly save?: SaveDefault;
	/** An archived run's logs, read whole from the archive. */
	readonly archived?: boolean;
};

/** Where the app reads the archive for the history screen (the session's); subscribe hears every new read. */
export type HistorySource = {
	subscribe(listener: () => void): () => void;
	getSnapshot(): HistoryData;
};

/** Where the app reads the cron jobs' run ledgers (the session's); subscribe hears every change. */
export type LedgerSource = {
	subscribe(listener: () => void): () => void;
	getSnapshot(): LedgerData;
};

/** Where the app finds the open pane's feed (the session's log panes); subscribe hears opens, reopens and closes. */
export type LogPaneSource = {
	subscribe(listener: () => void): () => void;
	getSnapshot(): LogFeed | undefined;
};

/** Who and where the screen is connected to. */
export type ConnectionInfo = {
	readonly context: string;
	readonly server: string;
	readonly readOnly: boolean;
	readonly demo: boolean;
	/** The archive's header word when it is on (`ARCHIVE`, or what went wrong with it); undefined when off. */
	readonly archive?: string;
	/** The `-l` label selector the session watches with, when there is one. */
	readonly selector?: string;
};

/** Where the app reads what it may do; `subscribe` tells it when that changed (new RBAC answers after a switch). */
export type AccessSource = {readonly current: () => Access; readonly subscribe: (listener: () => void) => () => void};
