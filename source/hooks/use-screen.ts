/**
The app's state hook: the UI reducer, the current screen's model, the numbers the layout needs, and delivery of the
reducer's requests and quit to the app's callbacks.
*/
import {useEffect, useMemo, useReducer, useRef} from 'react';
import type {CompletionNames} from '../state/command-line.js';
import type {DisabledReasons} from '../state/keymap-help.js';
import {detailTableHeight, type Layout} from '../state/layout.js';
import {type ScreenData, breadcrumb, screenData} from '../state/screen-model.js';
import {scopeSnapshot} from '../state/scope.js';
import {selectedIndex} from '../state/selection.js';
import {type UiAction, uiReducer, type ViewContext} from '../state/ui-reducer.js';
import {currentEntry, initialUiState, type RequestHandler, type RequestResult, type UiState} from '../state/ui-state.js';
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
	const data = useMemo(() => screenData(state, snapshot, now, layout.width, input.disabled), [state, snapshot, now, layout.width, input.disabled]);
	// Completion offers every namespace seen, not only the one in scope.
	const namespaces = useMemo(() => namespacesOf(input.snapshot), [input.snapshot]);
	const names = useMemo(() => ({namespaces, contexts: input.contexts}), [namespaces, input.contexts]);
	const bodyHeight = layout.tooSmall ? 0 : layout.bodyHeight;
	const isDetail = data.model.kind === 'job-detail' || data.model.kind === 'cronjob-detail';
	const tableHeight = isDetail ? detailTableHeight(bodyHeight, data.rowIds.length) : bodyHeight;
	const page = data.model.kind === 'help' ? bodyHeight : Math.max(1, tableHeight - 1);
	// The info lines above a detail screen's table (a pod's screen is all info).
	const info = data.model.kind === 'job-detail' || data.model.kind === 'cronjob-detail' || data.model.kind === 'pod-detail'
		? {lines: data.model.lines.length, height: data.model.kind === 'pod-detail' ? bodyHeight : Math.max(0, bodyHeight - tableHeight - 1)}
		: undefined;
	const entry = currentEntry(state);
	const delivered = useRef(0);
	const latestNow = useRef(now);
	latestNow.current = now;
	useEffect(() => {
		const report = (result: void | RequestResult) => {
			if (result) {
				dispatch({type: 'show-message', text: result.text, tone: result.tone, now: latestNow.current});
			}
		};

		for (const {seq, request} of state.requests) {
			if (seq > delivered.current && onRequest) {
				delivered.current = seq;
				// A failing handler must not crash the screen: its error is what the user needs to read.
				Promise.resolve().then(() => onRequest(request)).then(report, (error: unknown) => {
					report({text: error instanceof Error ? error.message : String(error), tone: 'error'});
				});
			}
		}
	}, [state.requests, onRequest]);
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
		view: {rows: data.rowIds, page, now, names, ...(info === undefined ? {} : {info})},
		names,
		crumb: breadcrumb(state, snapshot),
		counts: headerCounts(snapshot, now),
		watch: watchStates.length === 0 ? 'watch live' : watchStates.map(([kind, watch]) => watchStateText(kind as keyof typeof snapshot.watch, watch, now)).join(' · '),
		tableHeight,
		selected: data.model.kind === 'help' ? -1 : selectedIndex(data.rowIds, entry.selected, entry.index),
		offset: entry.scroll,
		infoOffset: Math.min(entry.detailScroll ?? 0, Math.max(0, (info?.lines ?? 0) - (info?.height ?? 0))),
	};
}

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
