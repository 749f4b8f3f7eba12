/**
Test-only helpers for frame tests: a store over fixed snapshots, a manual clock, and frame checks.
*/
import {allAllowed} from '../../source/cluster/actions/permissions.js';
import type {Access, AccessSource} from '../../source/state/types.js';
import type {StoreView, ResourceStore} from '../../source/store/types.js';
import {makeSnapshot, type SnapshotParts} from './snapshots.js';

/** A store whose snapshot the test replaces with `set`; listeners hear about it at once. */
export type TestStore = ResourceStore & {set(parts: SnapshotParts): void};

/** Creates a store holding the snapshot of `parts`. */
export function testStore(parts: SnapshotParts): TestStore {
	let snapshot: StoreView = makeSnapshot(parts);
	const listeners = new Set<() => void>();
	return {
		getSnapshot: () => snapshot,
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		apply() {
			throw new Error('the test store is filled with set()');
		},
		flush() {},
		dispose() {
			listeners.clear();
		},
		set(next) {
			snapshot = makeSnapshot(next);
			for (const listener of listeners) {
				listener();
			}
		},
	};
}

/** An access source that never changes: `access` (writable, everything allowed, by default). */
export function fixedAccess(access: Access = {readOnly: undefined, permissions: allAllowed}): AccessSource {
	return {current: () => access, subscribe: () => () => {}};
}

/** A clock the test steps by hand (the app's own manual clock). */
export type {ManualClock} from '../../source/store/clock.js';

/** Creates a manual clock at `start`. */
export {createManualClock as manualClock} from '../../source/store/clock.js';

/** Lets React and Ink settle after input or a store change (Ink renders on the next turns of the event loop). */
export async function settle(): Promise<void> {
	for (let turn = 0; turn < 3; turn++) {
		await new Promise((resolve) => setImmediate(resolve));
	}
}
