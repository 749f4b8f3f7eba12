import assert from 'node:assert/strict';
import {test} from 'node:test';
import {sanitizeLogText} from '../../../source/view-model/logs/sanitize.js';

const plain = (text: string) => sanitizeLogText(text).plain;
// eslint-disable-next-line no-control-regex
const controls = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F]/;

test('SGR colours become styled segments, never raw codes', () => {
	assert.deepEqual(sanitizeLogText('\u001B[1;31mERROR\u001B[0m done \u001B[92mok\u001B[39m').segments, [
		{bold: true, color: 'red', text: 'ERROR'},
		{text: ' done '},
		{color: 'greenBright', text: 'ok'},
	]);
	assert.deepEqual(sanitizeLogText('\u001B[38;5;196mred256\u001B[48;2;0;0;255m on blue\u001B[m').segments, [
		{color: 'redBright', text: 'red256'},
		{color: 'redBright', backgroundColor: 'blue', text: ' on blue'},
	]);
	assert.deepEqual(sanitizeLogText('\u001B[38:2::0:205:0mgreen').segments, [{color: 'green', text: 'green'}]);
});

test('OSC 52 clipboard writes and OSC 0/2 titles are shown as inert tokens without their payload', () => {
	assert.equal(plain('a\u001B]52;c;Y3VybCBldmlsLnNoIHwgc2g=\u0007b'), 'a␛]52…b');
	assert.equal(plain('\u001B]0;pwned\u001B\\x\u001B]2;title\u0007y'), '␛]0…x␛]2…y');
	assert.equal(plain('\u009D52;c;AAAA\u009Cz'), '␛]52…z');
	// An OSC 8 hyperlink keeps its visible text.
	assert.equal(plain('\u001B]8;;https://evil.example\u001B\\click\u001B]8;;\u001B\\'), 'click');
	// Unterminated: swallowed to the end of the line, not leaked.
	assert.equal(plain('x\u001B]52;c;QUFB'), 'x␛]52…');
});

test('screen clears, cursor moves, charset switches and DCS are shown, erase-in-line dropped', () => {
	assert.equal(plain('\u001B[2J\u001B[3J\u001B[H\u001B[10;20Hhi\u001B[K'), '␛[2J␛[3J␛[H␛[10;20Hhi');
	assert.equal(plain('\u001B(0q\u001Bc\u001B7'), '␛(0q␛c␛7');
	assert.equal(plain('\u001BPq#0;2;0;0;0\u001B\\after'), '␛P…after');
	assert.equal(plain('\u009B2Jx'), '␛[2Jx');
	assert.equal(plain('end\u001B'), 'end␛');
});

test('carriage return and backspace overwrite as a terminal would; tabs expand', () => {
	assert.equal(plain('progress 10%\rprogress 55%\rprogress 100%'), 'progress 100%');
	assert.equal(plain('abcdef\rXY'), 'XYcdef');
	assert.equal(plain('ab\bc'), 'ac');
	assert.equal(plain('\b\bz'), 'z');
	assert.equal(plain('a\tb'), 'a       b');
	assert.deepEqual(sanitizeLogText('\u001B[31mfail\r\u001B[32mok').segments, [{color: 'green', text: 'ok'}, {color: 'red', text: 'il'}]);
});

test('C0, DEL, C1 and bidi controls are spelled out visibly', () => {
	assert.equal(plain('nul\u0000bel\u0007vt\u000Bdel\u007Fnel\u0085'), 'nul^@bel^Gvt^Kdel^?nel\\x85');
	assert.equal(plain('user\u202Etxt.exe'), 'user<U+202E>txt.exe');
	assert.deepEqual(sanitizeLogText('a\u0000b').segments, [{text: 'a'}, {text: '^@', escaped: true}, {text: 'b'}]);
});

test('invalid UTF-8 arrives as U+FFFD; binary and a 1 MB line are cut, fast, and say so', () => {
	const binary = new TextDecoder().decode(Buffer.from([0xFF, 0xFE, 0x00, 0x1B, 0x5B, 0x32, 0x4A, 0xC3, 0x28, 0x80]));
	assert.equal(plain(binary), '\uFFFD\uFFFD^@␛[2J\uFFFD(\\x80'.replace('\\x80', '\uFFFD'));
	const big = 'x'.repeat(1024 * 1024);
	const started = performance.now();
	const line = sanitizeLogText(big);
	assert.ok(performance.now() - started < 500);
	assert.equal(line.cut, (1024 * 1024) - 4096);
	assert.equal(line.plain, `${'x'.repeat(4096)} … +${(1024 * 1024) - 4096} chars`);
	const noisy = sanitizeLogText('\u0000'.repeat(100_000));
	assert.ok(!controls.test(noisy.plain));
	assert.equal(noisy.segments.at(-1)?.text, ` … +${100_000 - 2048} chars`);
});

test('nothing that comes out contains a control character', () => {
	const hostile = ['\u001B[?1049h', '\u001B]1337;File=x\u0007', '\u001B[6n', '\u009B?25l', '\u0090junk\u009C', '\u001B[0;1;4;5;7;8m', '\r\r\r', '\u0085\u008D\u009F', '\uFEFF'];
	for (const text of hostile) {
		const result = sanitizeLogText(`a${text}b`);
		for (const segment of result.segments) {
			assert.ok(!controls.test(segment.text) && !segment.text.includes('\u001B'), JSON.stringify(segment));
		}
	}
});
