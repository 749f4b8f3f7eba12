/**
The log pane's frame: subscribes to the session's feed and to its buffer (whose notifications are already batched to
about ten a second), and computes what the pane draws for its size, plus what a key press needs to know about it.
*/
import {useMemo, useSyncExternalStore} from 'react';
import type {LogKeyContext, LogPaneSource, OpenLogPane} from '../state/types.js';
import {createManualClock} from '../store/clock.js';
import {LogBuffer} from '../store/log-buffer.js';
import type {LogViewModel} from '../view-model/logs/types.js';
import type {LogVerdicts} from '../view-model/logs/verdicts.js';
import {logView} from '../view-model/logs/view.js';

/** The pane as it is drawn now. */
export type LogPaneFrame = {
	readonly view: LogViewModel;
	readonly title: string;
	/** What key presses carry to the reducer. */
	readonly keys: LogKeyContext;
};

// Stands in while no feed is open (the session has not opened the streams yet), so the hooks run unconditionally.
// Nothing is ever appended to it, so it never sets a timer: a clock that never moves is all it needs.
const idle = new LogBuffer({capacity: 1, clock: createManualClock(0)});
const noFeed = () => () => {};
const none = () => undefined;

/** What key presses carry while no pane is drawn: enough for `l` to open one. */
export const closedPaneKeys: LogKeyContext = {bounds: {newestSeq: 0, maxOffset: 0, minOffset: 0}, page: 1, entries: []};

/**
Computes the pane's frame; `height` is the whole pane with its title row. Undefined when no pane is open. `verdicts`
(how each attempt ended, at the current time) go among the lines; the frame is worked out again only when they read
differently.
*/
export function useLogPane(source: LogPaneSource | undefined, open: OpenLogPane | undefined, width: number, height: number, verdicts?: LogVerdicts): LogPaneFrame | undefined {
	const feed = useSyncExternalStore(source?.subscribe ?? noFeed, source?.getSnapshot ?? none);
	const buffer = feed?.buffer ?? idle;
	const reader = useMemo(() => bufferReader(buffer), [buffer]);
	const snapshot = useSyncExternalStore(reader.subscribe, reader.getSnapshot);
	// The title row is the pane's own; logView's height counts the rows and the status line.
	const viewHeight = Math.max(2, height - 1);
	const verdictKey = verdicts?.key ?? '';
	// eslint-disable-next-line react-hooks/exhaustive-deps -- the key stands for the verdicts: equal keys, equal texts.
	const view = useMemo(() => (open === undefined ? undefined : logView(snapshot, open.pane, width, viewHeight, {...(verdicts ? {verdicts} : {}), ...(feed?.save ? {save: feed.save} : {}), ...(feed?.archived ? {archived: true} : {})})), [snapshot, open, width, viewHeight, verdictKey, feed]);
	if (open === undefined || view === undefined) {
		return undefined;
	}

	return {
		view,
		title: feed?.title ?? 'Logs › opening…',
		keys: {bounds: view.scroll, page: Math.max(1, viewHeight - 1), entries: snapshot.entries, ...(feed?.containers ? {containers: feed.containers} : {})},
	};
}

/*
Made outside the hook: functions created inside it would share the render's closure scope, and kept while the buffer is
the same they would keep that render's lines and verdicts alive (use-screen.ts has the same note).
*/
function bufferReader(buffer: LogBuffer): {subscribe(listener: () => void): () => void; getSnapshot(): ReturnType<LogBuffer['getSnapshot']>} {
	return {subscribe: (listener) => buffer.subscribe(listener), getSnapshot: () => buffer.getSnapshot()};
}
