import assert from 'node:assert/strict';
import {test} from 'node:test';
import {printable} from '../../source/view-model/printable.js';

test('printable shows every control character as a visible token and leaves other text alone', () => {
	assert.equal(printable('plain text · ünïcödé 日本'), 'plain text · ünïcödé 日本');
	assert.equal(printable('a\u001B]0;title\u0007b'), 'a␛]0;title^Gb');
	assert.equal(printable('\u001B[2J\u001B[H'), '␛[2J␛[H');
	assert.equal(printable('line\nnext\rback\bspace\ttab'), 'line^Jnext^Mback^Hspace tab');
	assert.equal(printable('del\u007F c1\u009B bidi\u202Eevil\u2066'), 'del^? c1\\x9b bidi<U+202E>evil<U+2066>');
});
