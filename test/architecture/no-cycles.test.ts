/**
No file in `source/` imports, through any chain, a file that imports it back. Cycles make two files impossible to read
or test apart and hide which of them is the lower layer; the types that tie them belong in a leaf of their own.
*/
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {importCycles, importGraph} from './imports.js';

test('source/ has no import cycle', () => {
	const cycles = importCycles(importGraph());
	assert.deepEqual(cycles.map(cycle => cycle.join(' → ')), []);
});

test('the cycle finder names a planted cycle and ignores a chain', () => {
	const graph = new Map([
		['a.ts', ['b.ts']],
		['b.ts', ['c.ts']],
		['c.ts', ['a.ts', 'd.ts']],
		['d.ts', []],
		['e.ts', ['e.ts']],
	]);
	assert.deepEqual(importCycles(graph).map(cycle => cycle.join(' → ')).sort(), ['a.ts → b.ts → c.ts → a.ts', 'e.ts → e.ts']);
	assert.deepEqual(importCycles(new Map([['a.ts', ['b.ts']], ['b.ts', []]])), []);
});
