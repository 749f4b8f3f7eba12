import assert from 'node:assert/strict';
import {test} from 'node:test';
import {cellWidth, cut, fit} from '../../source/components/text.js';

test('fit gives exactly the width in cells, for wide characters and emoji too, never splitting one', () => {
	assert.equal(fit('backup', 8), 'backup  ');
	assert.equal(fit('db-backup-29924186', 10), 'db-backup…');
	assert.equal(fit('日本語のジョブ', 8), '日本語… ');
	assert.equal(cellWidth(fit('日本語のジョブ', 8)), 8);
	assert.equal(fit('日本語', 6), '日本語');
	assert.equal(fit('ok ✅ done', 6), 'ok ✅…');
	assert.equal(cellWidth('ok ✅ done'), 10);
	assert.equal(fit('e\u0301te', 3), 'e\u0301te');
	assert.equal(fit('3', 4, 'right'), '   3');
	assert.equal(cut('anything', 0), '');
});

test('cut shows control characters as visible tokens before measuring', () => {
	assert.equal(cut('a\u001B[2Jb', 20), 'a␛[2Jb');
	assert.equal(fit('x\u0007', 4), 'x^G ');
});
