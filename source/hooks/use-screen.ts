/**
The app's state hook: the UI reducer, the current screen's model, the numbers the layout needs, and delivery of the
reducer's requests and quit to the app's callbacks.
*/
import {useCallback, useEffect, useMemo, useReducer, useRef} from 'react';
import type {DialogOpener} from '../state/dialog/flow.js';
import {isAwaited} from '../state/dialog/flow.js';
import {disabledReasons} from '../state/dialog/disabled.js';
import {openDialogFor} from '../state/dialog/target.js';
import type {CompletionNames} from '../state/command-line.js';
import type {DisabledReasons} from '../state/keys/keymap-help.js';
import {detailTableHeight, type Layout} from '../state/layout.js';
import {type DisabledFor, type ScreenData, breadcrumb, screenData} from '../state/screen-model.js';
import {scopeSnapshot} from '../store/scope.js';
import {selectedIndex} from '../state/selection.js';
import {uiReducer} from '../state/ui-reducer.js';
import type {UiAction, ViewContext} from '../state/ui-actions.js';
import {currentEntry, initialUiState} from '../state/ui-state.js';
import type {Access, RequestHandler, RequestResult, UiRequest, UiState} from '../state/types.js';
import type {ResourceSnapshot} from '../store/types.js';
import {headerCounts, watchStateText} from '../view-model/header.js';

/** What the hook needs. */
export type ScreenInput = {
	readonly snapshot: ResourceSnapshot;
	readonly now: number;
	readonly layout: Layout;
	readonly namespace: string | undefined;
	readonly contexts: readonly string[];
	readonly disabled: DisabledReasons;
	/** What the app may do now (read-only gate, RBAC): action keys open dialogs, help shows why actions are disabled. */
	readonly access: Access | undefined;
	readonly onRequest: RequestHandler | undefined;
	readonly onQuit: () => void;
};

/** Everything the layout draws. */
export type Screen = {
	readonly state: UiState;
	readonly dispatch: (action: UiAction) => void;
	readonly data: ScreenData;
	readonly view: ViewContext;
	readonly names: CompletionNames;
	readonly crumb: string;
	readonly counts: string;
	readonly watch: string;
	readonly tableHeight: number;
	readonly selected: number;
	readonly offset: number;
	readonly infoOffset: number;
};

/** Runs the screen's state. */
export function useScreen(input: ScreenInput): Screen {
	const {now, layout, onRequest, onQuit} = input;
	const [state, dispatch] = useReducer(uiReducer, undefined, () => initialUiState({namespace: input.namespace, handlesRequests: onRequest !== undefined}));
	const snapshot = scopeSnapshot(input.snapshot, state.namespace);
	const {access} = input;
	const disabled: DisabledFor = useMemo(() => (access ? (kind) => disabledReasons(access.readOnly, access.permissions, kind) : input.disabled), [access, input.disabled]);
	const data = useMemo(() => screenData(state, snapshot, now, layout.width, disabled), [state, snapshot, now, layout.width, disabled]);
	// The opener reads the latest snapshot and access when the key is handled, so a dialog never shows stale counts.
	const latest = useRef({snapshot, access, now});
	latest.current = {snapshot, access, now};
	const opener: DialogOpener = useCallback((action, target) => {
		const current = latest.current;
		return current.access ? openDialogFor(current.snapshot, action, target, current.access, current.now) : {message: `${action}: not available`};
	}, []);
	// Completion offers every namespace seen, not only the one in scope; only the command line needs them, and the walk
	// over every object is not free at 60,000 of them on each snapshot.
	const commandLine = state.mode === 'command';
	const namespaces = useMemo(() => (commandLine ? namespacesOf(input.snapshot) : none), [commandLine, input.snapshot]);
	const names = useMemo(() => ({namespaces, contexts: input.contexts}), [namespaces, input.contexts]);
	const {tableHeight, page, info} = measure(data, layout);
	// Keys reduced before the next render see the rows their own state would draw (the reducer asks only when needed).
	const redraw = useCallback((next: UiState) => {
		const current = latest.current;
		const nextData = screenData(next, scopeSnapshot(input.snapshot, next.namespace), current.now, layout.width, disabled);
		const numbers = measure(nextData, layout);
		return {rows: nextData.rowIds, page: numbers.page, info: numbers.info};
	}, [input.snapshot, layout, disabled]);
	const entry = currentEntry(state);
	const delivered = useRef(0);
	const latestNow = useRef(now);
	latestNow.current = now;
	useEffect(() => {
		const report = (request: UiRequest, result: void | RequestResult) => {
			if (result) {
				dispatch({type: 'request-done', request, result, now: latestNow.current});
			}
		};

		for (const {seq, request} of state.requests) {
			if (seq > delivered.current && onRequest) {
				delivered.current = seq;
				// A failing handler must not crash the screen: its error is what the user needs to read.
				Promise.resolve().then(() => onRequest(request)).then((result) => {
					report(request, result);
				}, (error: unknown) => {
					report(request, {text: error instanceof Error ? error.message : String(error), tone: 'error'});
				});
			}
		}
	}, [state.requests, onRequest]);
	// A job an action created: selected as soon as the watch delivers it (the table shows only what the watch saw).
	const arrived = useMemo(() => {
		const ref = state.awaiting?.ref;
		return ref === undefined ? undefined : [...snapshot.jobs.values()].find((job) => isAwaited(ref, job.metadata))?.metadata.uid;
	}, [state.awaiting, snapshot]);
	useEffect(() => {
		if (arrived !== undefined) {
			dispatch({type: 'created-arrived', uid: arrived, rows: data.rowIds, page});
		}
	}, [arrived]); // eslint-disable-line react-hooks/exhaustive-deps -- rows and page as of the arrival are what counts.
	useEffect(() => {
		if (state.quit) {
			onQuit();
		}
	}, [state.quit, onQuit]);
	const watchStates = Object.entries(snapshot.watch).filter(([, watch]) => watch.phase !== 'live');
	return {
		state,
		dispatch,
		data,
		view: {rows: data.rowIds, page, now, names, drawnFor: state, redraw, ...(info === undefined ? {} : {info}), ...(access === undefined ? {} : {openDialog: opener})},
		names,
		crumb: breadcrumb(state, snapshot),
		counts: headerCounts(snapshot, now),
		watch: watchStates.length === 0 ? 'watch live' : watchStates.map(([kind, watch]) => watchStateText(kind as keyof typeof snapshot.watch, watch, now)).join(' · '),
		tableHeight,
		selected: data.model.kind === 'help' || data.model.kind === 'text' ? -1 : selectedIndex(data.rowIds, entry.selected, entry.index),
		offset: entry.scroll,
		infoOffset: Math.min(entry.detailScroll ?? 0, Math.max(0, (info?.lines ?? 0) - (info?.height ?? 0))),
	};
}

const none: readonly string[] = [];

function namespacesOf(snapshot: ResourceSnapshot): string[] {
	const found = new Set<string>();
	for (const map of [snapshot.jobs, snapshot.cronJobs, snapshot.pods]) {
		for (const object of map.values()) {
			if (object.metadata.namespace) {
				found.add(object.metadata.namespace);
			}
		}
	}

	return [...found].sort();
}

// The table's height and the paging numbers of a screen: PgUp/PgDn move by `page`; `info` counts a detail's lines.
function measure(data: ScreenData, layout: Layout): {tableHeight: number; page: number; info: ViewContext['info']} {
	const bodyHeight = layout.tooSmall ? 0 : layout.bodyHeight;
	const isDetail = data.model.kind === 'job-detail' || data.model.kind === 'cronjob-detail';
	const tableHeight = isDetail ? detailTableHeight(bodyHeight, data.rowIds.length) : bodyHeight;
	// Describe and YAML give their first line to a title.
	const page = data.model.kind === 'help' ? bodyHeight : (data.model.kind === 'text' ? Math.max(1, bodyHeight - 1) : Math.max(1, tableHeight - 1));
	// The info lines above a detail screen's table (a pod's screen is all info).
	const info = data.model.kind === 'job-detail' || data.model.kind === 'cronjob-detail' || data.model.kind === 'pod-detail'
		? {lines: data.model.lines.length, height: data.model.kind === 'pod-detail' ? bodyHeight : Math.max(0, bodyHeight - tableHeight - 1)}
		: undefined;
	return {tableHeight, page, info};
}
