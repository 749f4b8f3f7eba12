/**
The app's state hook: the UI state's store, the current screen's model, the numbers the layout needs, and delivery of the
reducer's requests and quit to the app's callbacks.
*/
import {useEffect, useMemo, useRef, useState, useSyncExternalStore} from 'react';
import type {RequestResult} from '../cluster/actions/types.js';
import {isAwaited} from '../state/dialog/flow.js';
import {disabledReasons} from '../state/dialog/disabled.js';
import type {CompletionNames} from '../state/command-line.js';
import type {DrawnScreen} from '../state/key-burst.js';
import type {Layout} from '../state/layout.js';
import {measure} from '../state/screen-measure.js';
import {type DisabledFor, type ScreenData, breadcrumb, screenData} from '../state/screen-model.js';
import {selectedIndex} from '../state/selection.js';
import type {ViewContext} from '../state/ui-actions.js';
import {currentEntry, initialUiState} from '../state/ui-state.js';
import {createUiStore, type UiStore} from '../state/ui-store.js';
import type {Access, RequestHandler, UiRequest, UiState} from '../state/types.js';
import type {LedgerData} from '../archive/ledger.js';
import type {HistoryData} from '../archive/types.js';
import type {StoreView} from '../store/types.js';
import {watchStateText} from '../view-model/header.js';
import {createTableEngine, type TableEngine} from '../view-model/table/engine.js';

/** What the hook needs. */
export type ScreenInput = {
	readonly snapshot: StoreView;
	readonly now: number;
	readonly layout: Layout;
	readonly namespace: string | undefined;
	readonly contexts: readonly string[];
	/** The context in use: the `:ctx` picker opens on it. */
	readonly currentContext?: string;
	/** What the app may do now (read-only gate, RBAC): action keys open dialogs, help shows why actions are disabled. */
	readonly access: Access;
	readonly onRequest: RequestHandler | undefined;
	readonly onQuit: () => void;
	/** What derives the tables from the store between renders (the session's); without one the screen makes its own. */
	readonly engine?: TableEngine;
	/** The archive as last read, for the history screen (undefined when the archive is off). */
	readonly history?: HistoryData;
	/** The cron jobs' run ledgers (undefined when the archive is off). */
	readonly ledgers?: LedgerData;
};

/** Everything the layout draws, and where its keys go. */
export type Screen = {
	readonly state: UiState;
	/** The UI state's store: keys go to it through the keymap hook. */
	readonly store: UiStore;
	/** The screen as this render draws it, for the keys that arrive before the next one. */
	readonly drawn: DrawnScreen;
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
	const {now, layout, onRequest, onQuit, access, history, ledgers} = input;
	const [store] = useState(() => createUiStore(initialUiState({namespace: input.namespace, handlesRequests: onRequest !== undefined})));
	const [engine] = useState(() => input.engine ?? createTableEngine());
	const state = useSyncExternalStore(store.subscribe, store.getState);
	const {dispatch} = store;
	const snapshot = engine.scope(input.snapshot, state.namespace);
	const disabled = useMemo(() => disabledFor(access), [access]);
	const data = useMemo(() => screenData(engine, state, snapshot, now, layout.width, disabled, history, ledgers), [engine, state, snapshot, now, layout.width, disabled, history, ledgers]);
	const names = useMemo(() => completionNames(input.snapshot, input.contexts, input.currentContext), [input.snapshot, input.contexts, input.currentContext]);
	const {tableHeight, page, info} = measure(data, layout);
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
					report(request, {ok: false, message: error instanceof Error ? error.message : String(error)});
				});
			}
		}
	}, [state.requests, onRequest, dispatch]);
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
	const view: ViewContext = {rows: data.rowIds, page, now, names, live: {snapshot, access, ...(history ? {history} : {}), ...(ledgers ? {ledgers} : {})}, ...(info === undefined ? {} : {info})};
	return {
		state,
		store,
		drawn: {state, view, snapshot: input.snapshot, layout, disabled, engine, ...(history ? {history} : {})},
		data,
		view,
		names,
		crumb: breadcrumb(state, snapshot, history),
		counts: engine.headerCounts(snapshot),
		watch: watchStates.length === 0 ? 'watch live' : watchStates.map(([kind, watch]) => watchStateText(kind as keyof typeof snapshot.watch, watch, now)).join(' · '),
		tableHeight,
		selected: data.model.kind === 'help' || data.model.kind === 'text' ? -1 : selectedIndex(data.rowIds, entry.selected, entry.index),
		offset: entry.scroll,
		infoOffset: Math.min(entry.detailScroll ?? 0, Math.max(0, (info?.lines ?? 0) - (info?.height ?? 0))),
	};
}

/*
Made outside the hook on purpose. A function created inside it shares the render's closure scope, which holds that
render's screen data (every row of the table, the job states and pods behind them); kept by useMemo while the access
answers stay the same, it kept the first render's picture of the cluster alive for hours, a second copy of every job and
pod that churn had since replaced (tens of megabytes at 25,000 pods).
*/
function disabledFor(access: Access): DisabledFor {
	return (kind) => disabledReasons(access.readOnly, access.permissions, kind);
}

/*
Completion and the `:ns` picker offer every namespace seen, not only the one in scope. The walk over every object is not
free at 60,000 of them, so it runs only when a key reads the names, once per snapshot. It must run on the key press
itself: keys that arrive together (a paste, `:ns` and Enter in one packet over a slow link) are all handled before the
screen renders again, so names worked out at render time for the command line would not be there yet.
*/
function completionNames(snapshot: StoreView, contexts: readonly string[], currentContext: string | undefined): CompletionNames {
	let namespaces: readonly string[] | undefined;
	return {
		get namespaces() {
			namespaces ??= namespacesOf(snapshot);
			return namespaces;
		},
		contexts,
		...(currentContext === undefined ? {} : {currentContext}),
	};
}

function namespacesOf(snapshot: StoreView): string[] {
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
