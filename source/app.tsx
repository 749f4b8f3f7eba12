/**
The watch screen's layout: header, breadcrumb, the current screen, the message or input line and the key hints. State
lives in the reducer (use-screen), keys in the one keymap hook, data in the store.
*/
import {Box, Text} from 'ink';
import {BottomLine} from './components/bottom-line.js';
import {Header, type ConnectionInfo} from './components/header.js';
import {KeyHints} from './components/key-hints.js';
import {ScreenBody} from './components/screen-body.js';
import {fit} from './components/text.js';
import {TooSmall} from './components/too-small.js';
import {type KeymapInput, useKeymap} from './hooks/use-keymap.js';
import {useNow} from './hooks/use-now.js';
import {useScreen} from './hooks/use-screen.js';
import {useStore} from './hooks/use-store.js';
import {type WindowSize, useWindowSize} from './hooks/use-window-size.js';
import {hintsFor, type DisabledReasons} from './state/keymap-help.js';
import {layoutFor} from './state/layout.js';
import type {RequestHandler} from './state/ui-state.js';
import type {AppClock, ResourceStore} from './store/types.js';

/** Props of the app. */
export type AppProps = {
	readonly store: ResourceStore;
	readonly clock: AppClock;
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
	/** Why actions are unavailable (RBAC), shown in help. */
	readonly disabled?: DisabledReasons;
	/** Takes keys before the screen does (an open dialog, the focused log pane); true consumes the key. */
	readonly captureKey?: KeymapInput['capture'];
};

const none: readonly string[] = [];
const noReasons: DisabledReasons = {};

/** The watch screen. */
export function App(props: AppProps) {
	const noColor = props.noColor ?? false;
	const snapshot = useStore(props.store);
	const now = useNow(props.clock);
	const size = useWindowSize(props.size);
	const layout = layoutFor(size.columns, size.rows);
	const screen = useScreen({
		snapshot, now, layout, namespace: props.info.namespace, contexts: props.contexts ?? none,
		disabled: props.disabled ?? noReasons, onRequest: props.onRequest, onQuit: props.onQuit,
	});
	useKeymap({view: screen.view, dispatch: screen.dispatch, ...(props.captureKey ? {capture: props.captureKey} : {})});
	if (layout.tooSmall) {
		return <TooSmall columns={size.columns} rows={size.rows} height={layout.height}/>;
	}

	const {width} = layout;
	const {data, state} = screen;
	const table = data.model.kind === 'table' ? data.model.table : undefined;
	return (
		<Box flexDirection='column' width={width} height={layout.height}>
			<Header info={props.info} namespace={state.namespace} counts={screen.counts} watch={screen.watch} width={width} noColor={noColor}/>
			<Text wrap='truncate' dimColor>{fit(screen.crumb, width)}</Text>
			<ScreenBody
				model={data.model} width={width} height={layout.bodyHeight} tableHeight={screen.tableHeight}
				selectedIndex={screen.selected} offset={screen.offset} infoOffset={screen.infoOffset} noColor={noColor}
			/>
			<BottomLine
				state={state} now={now} names={screen.names} matches={table?.rows.length ?? 0} filterError={table?.filterError}
				onList={table !== undefined} width={width} noColor={noColor}
			/>
			<KeyHints hints={hintsFor(data.context)} width={width} noColor={noColor}/>
		</Box>
	);
}
