/**
kjobs itself watching one namespace of a target: its own watchers feeding its own store, as the app runs them, with
a hook called after every event the watchers deliver, so a check can read what kjobs would show at the very moment
the news arrived (not at the store's next coalesced notification).
*/
import {startWatchers} from '../../../source/cluster/watch/watcher.js';
import {createSystemClock} from '../../../source/store/clock.js';
import {createResourceStore} from '../../../source/store/resource-store.js';
import type {ResourceStore, StoreView, WatchEvent, WatchKind} from '../../../source/store/types.js';
import type {Target} from '../targets.js';
import {waitUntil} from './common.js';

/** A running kjobs watch: its latest store view, and a stop. */
export type KjobsWatch = {
	view(): StoreView;
	stop(): Promise<void>;
};

/**
Starts kjobs' watchers on `namespace` of `target` and resolves once every kind is live. `onEvent(view, at)` runs
after each watcher event is applied, with the wall-clock ms it arrived.
*/
export async function watchWithKjobs(target: Target, namespace: string, kinds: readonly WatchKind[], onEvent: (view: StoreView, at: number, event: WatchEvent) => void = () => {}): Promise<KjobsWatch> {
	const clock = createSystemClock();
	const store = createResourceStore({clock});
	const view = () => {
		store.flush();
		return store.getSnapshot();
	};

	const hooked: ResourceStore = {
		...store,
		apply(event) {
			store.apply(event);
			onEvent(view(), Date.now(), event);
		},
	};
	const watchers = startWatchers(target.connection(namespace), hooked, clock, {kinds});
	const stop = async () => {
		await watchers.stop();
		store.dispose();
	};

	try {
		await waitUntil(`${target.label}: kjobs watches live`, 30_000, async () => kinds.every(kind => store.getSnapshot().watch[kind].phase === 'live'));
	} catch (error) {
		await stop();
		throw error;
	}

	return {view, stop};
}
