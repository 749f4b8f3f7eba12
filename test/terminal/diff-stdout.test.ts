import assert from 'node:assert/strict';
import {EventEmitter} from 'node:events';
import {test} from 'node:test';
import {diffStdout, frameDiff} from '../../source/terminal/diff-stdout.js';
import {needsAsciiGlyphs} from '../../source/terminal/glyphs.js';

function fakeStream() {
	const writes: string[] = [];
	const stream = Object.assign(new EventEmitter(), {
		columns: 120,
		rows: 40,
		isTTY: true,
		write(text: string) {
			writes.push(text);
			return true;
		},
	});
	return {stream: stream as unknown as NodeJS.WriteStream, writes};
}

const erase = (n: number) => `${'\u001B[2K\u001B[1A'.repeat(n - 1)}\u001B[2K\u001B[G`;

test('frameDiff rewrites only the changed lines, at their screen rows', () => {
	assert.equal(frameDiff(['a', 'b', 'c'], ['a', 'B', 'c']), '\u001B[2;1HB\u001B[K');
	assert.equal(frameDiff(['a', 'b'], ['a', 'b']), '');
});

test('frameDiff clears what is left below a shorter frame', () => {
	assert.equal(frameDiff(['a', 'b', 'c'], ['a']), '\u001B[2;1H\u001B[J');
});

test('the first frame is drawn whole from the top-left cell, later ones as diffs', () => {
	const {stream, writes} = fakeStream();
	const out = diffStdout(stream);
	out.write('one\ntwo\n');
	out.write(`${erase(3)}one\nTWO\n`);
	assert.deepEqual(writes, ['\u001B[H\u001B[Jone\u001B[K\r\ntwo\u001B[K', '\u001B[2;1HTWO\u001B[K']);
});

test('control-only writes pass through; a resize makes the next frame whole again', () => {
	const {stream, writes} = fakeStream();
	const out = diffStdout(stream);
	out.write('x\ny');
	out.write('\u001B[?2026h');
	stream.emit('resize');
	out.write(`${erase(2)}x\nz`);
	assert.deepEqual(writes, ['\u001B[H\u001B[Jx\u001B[K\r\ny\u001B[K', '\u001B[?2026h', '\u001B[H\u001B[Jx\u001B[K\r\nz\u001B[K']);
	assert.equal(out.columns, 120);
});

test('a bare erase (Ink clearing its output) passes through and forces a full redraw', () => {
	const {stream, writes} = fakeStream();
	const out = diffStdout(stream);
	out.write('a\nb');
	out.write(erase(2));
	out.write('a\nb');
	assert.deepEqual(writes, ['\u001B[H\u001B[Ja\u001B[K\r\nb\u001B[K', erase(2), '\u001B[H\u001B[Ja\u001B[K\r\nb\u001B[K']);
});

test('frame lines keep SGR colour codes but lose every other escape, control and bidi character', () => {
	const {stream, writes} = fakeStream();
	const out = diffStdout(stream);
	const hostile = 'job \u001B]0;owned\u0007\u001B]52;c;ZWNobw==\u0007\u001B[2J\u001B[H\u0008\u202Eend';
	out.write(`\u001B[1mkjobs\u001B[22m\n${hostile}\n`);
	out.write(`${erase(3)}\u001B[1mkjobs\u001B[22m\n${hostile} 2\n`);
	assert.deepEqual(writes, [
		'\u001B[H\u001B[J\u001B[1mkjobs\u001B[22m\u001B[K\r\njob ]0;owned]52;c;ZWNobw==[2J[Hend\u001B[K',
		'\u001B[2;1Hjob ]0;owned]52;c;ZWNobw==[2J[Hend 2\u001B[K',
	]);
});

test('on a console without the symbols (TERM=linux) frames carry one-cell ASCII stand-ins', () => {
	const {stream, writes} = fakeStream();
	const out = diffStdout(stream, {ascii: needsAsciiGlyphs({TERM: 'linux'})});
	out.write(`${erase(1)}Jobs › Help  ✓✗●  ⚠ missed  cut…\n`);
	assert.equal(writes.at(-1), '\u001B[H\u001B[JJobs > Help  +x*  ! missed  cut~\u001B[K');
	const {stream: plain, writes: plainWrites} = fakeStream();
	diffStdout(plain, {ascii: needsAsciiGlyphs({TERM: 'xterm-256color'})}).write(`${erase(1)}✓ ›\n`);
	assert.equal(plainWrites.at(-1), '\u001B[H\u001B[J✓ ›\u001B[K');
	assert.equal(needsAsciiGlyphs({TERM: 'xterm', KJOBS_ASCII: '1'}), true);
});
