/**
The check the randomized view-model tests share: a table order carried from snapshot to snapshot must equal the one
worked out from scratch, entry for entry.
*/
import assert from 'node:assert/strict';
import type {StoreView} from '../../source/store/types.js';
import type {TableEngine} from '../../source/view-model/table/engine.js';
import {tableOrderFromScratch} from '../../source/view-model/table/from-scratch.js';
import type {TableOrder, TableQuery, ViewId} from '../../source/view-model/table/types.js';
import {columnSpecs} from '../../source/view-model/table/tables.js';

/** Asserts that the engine's order of `view` equals the from-scratch one (`where` names the step); returns the engine's. */
export function assertOrderAsFromScratch(engine: TableEngine, view: ViewId, snapshot: StoreView, now: number, query: TableQuery, where: string): TableOrder {
	const kept = engine.order(view, snapshot, now, query);
	const scratch = tableOrderFromScratch(engine.entries, view, snapshot, now, query, columnSpecs(view, query.allNamespaces));
	assert.deepEqual(kept.ids, scratch.ids, where);
	assert.deepEqual(kept.widest, scratch.widest, where);
	assert.deepEqual(kept.clocks, scratch.clocks, where);
	assert.equal(kept.filterError, scratch.filterError, where);
	if (view !== 'cronjobs') {
		// The very entries a rebuild picks: none is left over from an older state of its object (cron job entries follow
		// the clock and are rebuilt each time).
		kept.entries.forEach((entry, index) => {
			assert.equal(entry, scratch.entries[index], `${where}: ${entry.id}`);
		});
	}

	return kept;
}
