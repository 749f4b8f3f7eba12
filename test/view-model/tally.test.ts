import assert from 'node:assert/strict';
import {test} from 'node:test';
import {indexOfSorted, placeOf} from '../../source/view-model/entry-order.js';
import type {ListEntry} from '../../source/view-model/list-entry.js';
import {MaxTally} from '../../source/view-model/tally.js';

test('a tally keeps its maximum as values come and go', () => {
	const tally = new MaxTally();
	assert.equal(tally.empty, true);
	assert.equal(tally.max, Number.NEGATIVE_INFINITY);
	for (const value of [3, 7, 7, 5]) {
		tally.add(value);
	}

	assert.equal(tally.max, 7);
	tally.remove(7);
	assert.equal(tally.max, 7);
	tally.remove(7);
	assert.equal(tally.max, 5);
	tally.remove(3);
	tally.remove(5);
	assert.equal(tally.empty, true);
	assert.equal(tally.max, Number.NEGATIVE_INFINITY);
});

test('a sorted list finds an entry\'s place and index by binary search', () => {
	const entries = ['a', 'c', 'e'].map((id) => ({id}) as ListEntry);
	const order = (a: ListEntry, b: ListEntry) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
	assert.equal(placeOf(entries, {id: 'd'} as ListEntry, order), 2);
	assert.equal(placeOf(entries, {id: 'z'} as ListEntry, order), 3);
	assert.equal(indexOfSorted(entries, entries[1]!, order), 1);
	assert.equal(indexOfSorted(entries, {id: 'c'} as ListEntry, order), -1);
});
