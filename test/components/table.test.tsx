import assert from 'node:assert/strict';
import {afterEach, test} from 'node:test';
import {cleanup, render} from 'ink-testing-library';
import {KeyHints} from '../../source/components/key-hints.js';
import {Table} from '../../source/components/table.js';
import {cut, fit} from '../../source/components/text.js';
import {rowProps, toneProps} from '../../source/theme.js';
import type {Column, Row} from '../../source/view-model/types.js';

afterEach(() => {
	cleanup();
});

const columns: Column[] = [
	{id: 'name', title: 'NAME', minWidth: 6, maxWidth: 12, priority: 0},
	{id: 'status', title: 'STATUS', minWidth: 8, maxWidth: 10, priority: 0},
	{id: 'age', title: 'AGE', minWidth: 4, maxWidth: 4, priority: 5, align: 'right'},
];
const rows: Row[] = Array.from({length: 6}, (_unused, index) => ({
	id: `uid-${index}`,
	cells: {name: index === 5 ? 'a-very-long-job-name' : `job-${index}`, status: 'Running', age: `${index}m`},
	tone: 'running',
}));

function frame(props: {width: number; height: number; selectedIndex: number; offset: number; rows?: Row[]}) {
	const {lastFrame} = render(<Table columns={columns} rows={props.rows ?? rows} width={props.width} height={props.height} selectedIndex={props.selectedIndex} offset={props.offset} noColor emptyText='no jobs'/>);
	return (lastFrame() ?? '').split('\n').map((line) => line.trimEnd());
}

test('the table draws exactly height lines, cuts long cells with … and right-aligns numbers', () => {
	assert.deepEqual(frame({width: 30, height: 8, selectedIndex: 0, offset: 0}), [
		'NAME         STATUS      AGE',
		'job-0        Running      0m',
		'job-1        Running      1m',
		'job-2        Running      2m',
		'job-3        Running      3m',
		'job-4        Running      4m',
		'a-very-long… Running      5m',
		'',
	]);
});

test('narrow tables drop low-priority columns; the window follows the selection', () => {
	assert.deepEqual(frame({width: 18, height: 3, selectedIndex: 4, offset: 0}), [
		'NAME      STATUS',
		'job-3     Running',
		'job-4     Running',
	]);
	// The previous offset stays while the selection is inside the window.
	assert.deepEqual(frame({width: 18, height: 3, selectedIndex: 3, offset: 2}).slice(1), ['job-2     Running', 'job-3     Running']);
});

test('the table asks a row list only for the rows in its window', () => {
	const asked: number[] = [];
	const many = {
		length: 10_000,
		at(index: number): Row | undefined {
			asked.push(index);
			return index >= 0 && index < 10_000 ? {id: `uid-${index}`, cells: {name: `job-${index}`, status: 'Running', age: '1m'}, tone: 'running'} : undefined;
		},
	};
	const {lastFrame} = render(<Table columns={columns} rows={many} width={30} height={4} selectedIndex={5000} offset={0} noColor emptyText='no jobs'/>);
	assert.deepEqual(asked, [4998, 4999, 5000]);
	assert.equal((lastFrame() ?? '').split('\n')[3]?.trimEnd(), 'job-5000     Running      1m');
});

test('an empty table says so', () => {
	assert.deepEqual(frame({width: 18, height: 3, selectedIndex: -1, offset: 0, rows: []}), ['NAME      STATUS', 'no jobs', '']);
});

test('key hints show whole hints only', () => {
	const {lastFrame} = render(<KeyHints hints={[{keys: 'Enter', command: 'open', description: 'Open'}, {keys: 'Esc', command: 'back', description: 'Back'}, {keys: '?', command: 'help', description: 'Help'}]} width={20} noColor/>);
	assert.equal(lastFrame()?.trimEnd(), 'Enter Open  Esc Back');
});

test('text is cut and padded to exact widths', () => {
	assert.equal(cut('abcdef', 4), 'abc…');
	assert.equal(cut('abc', 4), 'abc');
	assert.equal(cut('abc', 0), '');
	assert.equal(fit('ab', 4), 'ab  ');
	assert.equal(fit('ab', 4, 'right'), '  ab');
	assert.equal(fit('✓✗●', 4), '✓✗● ');
});

test('theme: basic colours, nothing coloured with noColor, flags as attributes', () => {
	assert.deepEqual(toneProps('error'), {color: 'red'});
	assert.deepEqual(toneProps('warning'), {color: 'yellow'});
	assert.deepEqual(toneProps('error', true), {});
	assert.deepEqual(toneProps('muted', true), {dimColor: true});
	const row: Row = {id: 'x', cells: {}, tone: 'success'};
	assert.deepEqual(rowProps(row, true), {color: 'green', inverse: true});
	assert.deepEqual(rowProps({...row, changed: true}, false, true), {bold: true});
	assert.deepEqual(rowProps({...row, deleted: true, changed: true}, false), {dimColor: true});
	assert.deepEqual(rowProps({...row, stale: true}, true, true), {dimColor: true, inverse: true});
	const named = new Set(['black', 'red', 'green', 'yellow', 'blue', 'magenta', 'cyan', 'white', 'gray']);
	for (const tone of ['normal', 'running', 'pending', 'success', 'warning', 'error', 'muted'] as const) {
		const {color} = toneProps(tone);
		assert.ok(color === undefined || named.has(color), `${tone}: ${color}`);
	}
});
