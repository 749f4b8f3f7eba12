/**
One clock for all time and timers. The app reads the time and sets every timer through the clock port in
source/store/clock.ts, and the simulator through its SimClock in source/simulator/clock.ts, so tests can step a manual
clock instead of sleeping. A `Date.now()`, a `new Date()` without arguments, a `setTimeout`, a `setInterval` or a
`performance.now()` anywhere else would be a second, unsteppable time source: this test names the file and line.
*/
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {test} from 'node:test';
import {sourceFiles, sourceRoot} from './imports.js';

/** The files allowed to touch the wall clock, each with the reason. */
const allowed = new Map([
	['store/clock.ts', 'the app clock port: the system clock lives here'],
	['simulator/clock.ts', 'the simulator clock: real-time and manual simulated time live here'],
	['simulator/scenarios/scale/churn.ts', 'the scale scenario load generator: it makes events per real second by design'],
]);

const forbidden: ReadonlyArray<[string, RegExp]> = [
	['Date.now', /\bDate\.now\b/],
	['new Date()', /\bnew\s+Date\s*\(\s*\)/],
	['setTimeout', /\bsetTimeout\b/],
	['setInterval', /\bsetInterval\b/],
	['performance.now', /\bperformance\.now\b/],
];

// Comments may name these functions (to say why they are not used); only code counts. A `//` after a colon is a
// URL inside a string, not a comment.
const withoutComments = (text: string) => text
	.replaceAll(/\/\*[\s\S]*?\*\//g, match => match.replaceAll(/[^\n]/g, ' '))
	.replaceAll(/(^|[^:\\])\/\/.*$/gm, '$1');

/** Every use of a wall-clock function in `text`, as `file:line: name`. */
function wallClockUses(file: string, text: string): string[] {
	const found: string[] = [];
	withoutComments(text).split('\n').forEach((line, index) => {
		for (const [name, pattern] of forbidden) {
			if (pattern.test(line)) {
				found.push(`${file}:${index + 1}: ${name}`);
			}
		}
	});
	return found;
}

test('only the clock files read the wall clock or set timers', () => {
	const uses = sourceFiles()
		.filter(file => !allowed.has(file))
		.flatMap(file => wallClockUses(file, readFileSync(path.join(sourceRoot, file), 'utf8')));
	assert.deepEqual(uses, [], `outside the clock files (${[...allowed.keys()].join(', ')}): take a Clock (app) or a SimClock (simulator) instead`);
});

test('every allowed file exists, so the list cannot outlive a move', () => {
	const files = new Set(sourceFiles());
	assert.deepEqual([...allowed.keys()].filter(file => !files.has(file)), []);
});

test('the scanner finds each planted use and ignores comments, URLs and dated constructors', () => {
	const planted = [
		'const a = Date.now();',
		'const b = new Date();',
		'setTimeout(run, 10);',
		'const c = setInterval(run, 10);',
		'const d = performance.now();',
		'// Date.now() in a comment is fine',
		'/* setTimeout in a block comment */ const e = 1;',
		"const f = 'http://example.test'; // setInterval named after a URL",
		'const g = new Date(0);',
	].join('\n');
	assert.deepEqual(wallClockUses('planted.ts', planted), [
		'planted.ts:1: Date.now',
		'planted.ts:2: new Date()',
		'planted.ts:3: setTimeout',
		'planted.ts:4: setInterval',
		'planted.ts:5: performance.now',
	]);
});
