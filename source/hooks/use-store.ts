/**
The live resource snapshot, re-rendering on the store's coalesced notifications.
*/
import {useSyncExternalStore} from 'react';
import type {StoreView, ResourceStore} from '../store/types.js';

/** Reads the store's current snapshot and subscribes to its changes. */
export function useStore(store: ResourceStore): StoreView {
	return useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
}
