import assert from 'node:assert/strict';
import {test} from 'node:test';
import {ScreenEmulator} from './screen-emulator.js';

test('the screen emulator keeps an escape sequence split across writes, finds the inverse row, and counts a code point as one cell', () => {
	const screen = new ScreenEmulator(10, 3);
	screen.write('ab\u001B[');
	screen.write('2;1Hc\u001B[7mselected\u001B');
	screen.write('[27m');
	screen.write('\u001B[3;1H✓ 😀 ok\u001B]0;title\u0007');
	assert.deepEqual(screen.lines(), ['ab', 'cselected', '✓ 😀 ok']);
	assert.equal(screen.inverseRow(), 'cselected');
	assert.equal(screen.text(), 'ab\ncselected\n✓ 😀 ok');
	screen.write('\u001B[2;1H\u001B[K');
	assert.equal(screen.inverseRow(), undefined);
});

test('with autowrap off a long line is clipped at the edge; with it on the next character wraps, as in xterm', () => {
	const screen = new ScreenEmulator(4, 2);
	screen.write('\u001B[?7labcdef\u001B[?7h');
	assert.deepEqual(screen.lines(), ['abcf', '']);
	screen.write('\u001B[2;1Hwxyz');
	assert.deepEqual(screen.lines(), ['abcf', 'wxyz']);
	screen.write('!');
	assert.deepEqual(screen.lines(), ['wxyz', '!']);
});
