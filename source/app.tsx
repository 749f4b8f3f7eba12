/**
The watch screen's layout: header, breadcrumb, the current screen, the message or input line and the key hints. State
lives in the reducer (use-screen), keys in the one keymap hook, data in the store.
*/
import {Box, Text} from 'ink';
import {useSyncExternalStore} from 'react';
import {DialogBox} from './components/dialog-box.js';
import {PickerBox} from './components/picker-box.js';
import {BottomLine} from './components/bottom-line.js';
import {Header} from './components/header.js';
import type {AccessSource, ConnectionInfo, HistorySource, LedgerSource, LogPaneSource, RequestHandler} from './state/types.js';
import {KeyHints} from './components/key-hints.js';
import {LogPane} from './components/log-pane.js';
import {ScreenBody} from './components/screen-body.js';
import {fit} from './components/text.js';
import {TooSmall} from './components/too-small.js';
import {useKeymap} from './hooks/use-keymap.js';
import {closedPaneKeys, useLogPane} from './hooks/use-log-pane.js';
import {useNow} from './hooks/use-now.js';
import {useRedraw} from './hooks/use-redraw.js';
import {useScreen} from './hooks/use-screen.js';
import {useStore} from './hooks/use-store.js';
import {type WindowSize, useWindowSize} from './hooks/use-window-size.js';
import {hintsFor} from './state/keys/keymap-help.js';
import {layoutFor} from './state/layout.js';
import {logSplit} from './state/log-layout.js';
import {paneHasKeys} from './state/log-pane/state.js';
import {tableQuery} from './state/ui-state.js';
import type {Clock} from './store/clock.js';
import type {ResourceStore} from './store/types.js';
import type {TableEngine} from './view-model/table/engine.js';
import {emptyTableText} from './view-model/empty-text.js';
import {connectionProblem} from './view-model/header.js';
import {malformedNotice} from './view-model/malformed.js';
import {logVerdicts} from './view-model/logs/verdicts.js';

/** Props of the app. */
export type AppProps = {
	readonly store: ResourceStore;
	/** The store's table engine (the session's); without one the screen makes its own. */
	readonly engine?: TableEngine;
	readonly clock: Clock;
	/** namespace undefined = all namespaces. */
	readonly info: ConnectionInfo & {readonly namespace: string | undefined};
	readonly noColor?: boolean;
	/** Carries out what only the app can do (logs, actions, namespace/context switches); its result goes to the message line. */
	readonly onRequest?: RequestHandler;
	readonly onQuit: () => void;
	/** A fixed terminal size (tests, recordings); otherwise Ink's stdout is followed. */
	readonly size?: WindowSize;
	/** Context names for `:ctx` completion. */
	readonly contexts?: readonly string[];
	/** The session's log pane feed: with it, `l`/`p` open the pane and it draws the streams' buffer. */
	readonly logs?: LogPaneSource;
	/**
	The read-only gate's refusal and the RBAC answers, live: action keys open confirmation dialogs from them (confirmed
	actions go to onRequest), and help shows the disabled actions of the current view.
	*/
	readonly access: AccessSource;
	/** The archive of finished runs, for the history screen (H, :history); without it the history says the archive is off. */
	readonly history?: HistorySource;
	/** The cron jobs' run ledgers, shown on their detail screens. */
	readonly ledgers?: LedgerSource;
};

const none: readonly string[] = [];
const noHistory = {subscribe: () => () => {}, getSnapshot: () => undefined};
const noLedgers = noHistory;

// A dialog is at most 76 columns wide: its text reads as a paragraph, not one long line.
const dialogWidth = (width: number) => Math.min(width, 76);
// The picker is narrower: names, not prose.
const pickerWidth = (width: number) => Math.min(width, 60);

/** The watch screen. */
export function App(props: AppProps) {
	const noColor = props.noColor ?? false;
	const snapshot = useStore(props.store);
	const now = useNow(props.clock);
	const size = useWindowSize(props.size);
	const access = useSyncExternalStore(props.access.subscribe, props.access.current);
	const historySource = props.history ?? noHistory;
	const history = useSyncExternalStore(historySource.subscribe, historySource.getSnapshot);
	const ledgerSource = props.ledgers ?? noLedgers;
	const ledgers = useSyncExternalStore(ledgerSource.subscribe, ledgerSource.getSnapshot);
	const layout = layoutFor(size.columns, size.rows);
	const screen = useScreen({
		snapshot, now, layout, namespace: props.info.namespace, contexts: props.contexts ?? none, currentContext: props.info.context,
		access, onRequest: props.onRequest, onQuit: props.onQuit, engine: props.engine, history, ledgers,
	});
	// The log pane (when the session feeds one): split under the screen or full, with the keys while it is open.
	const paneLayout = paneHasKeys(screen.state) ? screen.state.logs?.pane.layout : undefined;
	const split = logSplit(layout.tooSmall ? 0 : layout.bodyHeight, screen.tableHeight, paneLayout);
	const open = paneLayout ? screen.state.logs : undefined;
	// A previous instance's logs (`p`) are one finished run: the live verdicts are about the pod as it is now.
	// An archived run's verdicts come from the archive's copy of its pods.
	const verdictSnapshot = open?.target.archived ? history?.view : snapshot;
	const verdicts = open === undefined || open.previous || verdictSnapshot === undefined ? undefined : logVerdicts(verdictSnapshot, open.target, now);
	const pane = useLogPane(props.logs, open, layout.width, split.paneHeight, verdicts);
	const view = props.logs ? {...screen.view, logs: pane?.keys ?? closedPaneKeys} : screen.view;
	useKeymap({store: screen.store, drawn: {...screen.drawn, view}});
	useRedraw(screen.state.redraws);
	if (layout.tooSmall) {
		return <TooSmall columns={size.columns} rows={size.rows} height={layout.height}/>;
	}

	const {width} = layout;
	const {data, state} = screen;
	const table = data.model.kind === 'table' || data.model.kind === 'history' ? data.model.table : undefined;
	const emptyText = data.model.kind === 'table' && data.model.table.rows.length === 0 ? emptyTableText(data.model.view, snapshot, tableQuery(state)) : '';
	return (
		<Box flexDirection='column' width={width} height={layout.height}>
			<Header info={props.info} namespace={state.namespace} filter={state.filter} counts={screen.counts} watch={screen.watch} width={width} noColor={noColor}/>
			<Text wrap='truncate' dimColor>{fit(screen.crumb, width)}</Text>
			<Box flexDirection='column' width={width} height={layout.bodyHeight} overflow='hidden'>
				{split.screenHeight > 0 ? (
					<ScreenBody
						model={data.model} width={width} height={split.screenHeight} tableHeight={split.tableHeight}
						selectedIndex={screen.selected} offset={screen.offset} infoOffset={screen.infoOffset} noColor={noColor}
						emptyText={emptyText} wide={state.wide}
					/>
				) : null}
				{pane === undefined ? null : <LogPane view={pane.view} width={width} height={split.paneHeight} title={pane.title} noColor={noColor}/>}
				{state.picker && !state.dialog ? (
					<Box position='absolute' marginTop={1} marginLeft={Math.floor((width - pickerWidth(width)) / 2)} width={pickerWidth(width)}>
						<PickerBox picker={state.picker} width={pickerWidth(width)} height={layout.bodyHeight - 1} noColor={noColor}/>
					</Box>
				) : null}
				{state.dialog ? (
					// Drawn over the screen it was opened from, a line below the body's top, so what it is about stays in sight
					// around it; every key goes to it while it is open.
					<Box position='absolute' marginTop={1} marginLeft={Math.floor((width - dialogWidth(width)) / 2)} width={dialogWidth(width)}>
						<DialogBox dialog={state.dialog.dialog} width={dialogWidth(width)} noColor={noColor}/>
					</Box>
				) : null}
			</Box>
			<BottomLine
				state={state} now={now} names={screen.names} matches={table?.rows.length ?? 0} filterError={table?.filterError}
				onList={table !== undefined} problem={connectionProblem(snapshot, now) ?? malformedNotice(snapshot)} width={width} noColor={noColor}
			/>
			{/* An open dialog draws its own key line; the footer would only repeat it. */}
			<KeyHints hints={state.dialog ? [] : hintsFor(pane && (state.logs?.pane.search.draft !== undefined || state.logs?.pane.saveDraft !== undefined) ? 'filter' : data.context)} width={width} noColor={noColor}/>
		</Box>
	);
}
