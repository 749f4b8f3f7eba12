/**
Test-only: the live data key actions carry (a snapshot and the access), for reducer tests with plain objects.
*/
import {allAllowed} from '../../source/cluster/actions/permissions.js';
import type {Access, LiveData} from '../../source/state/types.js';
import {makeSnapshot, type SnapshotParts} from './snapshots.js';

/** Writable, everything allowed. */
export const writable: Access = {readOnly: undefined, permissions: allAllowed};

/** The live data of a snapshot of `parts` (empty by default) with `access` (writable by default). */
export function liveOf(parts: SnapshotParts = {}, access: Access = writable): LiveData {
	return {snapshot: makeSnapshot(parts), access};
}
