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

test('a cut name keeps its generated end, so the runs of one cron job stay told apart; other names are cut at the end', () => {
	assert.equal(fit('db-backup-29923401', 12, 'left', 'name'), 'db-bac…23401');
	assert.notEqual(fit('db-backup-29923401', 12, 'left', 'name'), fit('db-backup-29923402', 12, 'left', 'name'));
	assert.equal(fit('short', 12, 'left', 'name'), 'short       ');
	assert.equal(fit('render-frames', 12, 'left', 'name'), 'render-fram…');
	assert.equal(fit('etl-nightly-x7k2p', 14, 'left', 'name'), 'etl-nig…-x7k2p');
	// A random suffix with no digit in it is generated too: a manual run from kubectl create job --from, or a rerun.
	assert.equal(fit('sync-inventory-manual-kfbhp', 12, 'left', 'name'), 'sync-i…kfbhp');
	assert.equal(fit('nightly-report-final', 12, 'left', 'name'), 'nightly-rep…');
	assert.equal(fit('日本語のジョブ-1です', 9, 'left', 'name'), '日本…です');
	assert.equal(cellWidth(fit('日本語のジョブ-1です', 9, 'left', 'name')), 9);
	assert.equal(fit('a\u001B[2Jbcdef-ghij1', 8, 'left', 'name'), 'a␛[2…ij1');
	// Too narrow for both ends to say anything: cut at the end as usual.
	assert.equal(fit('db-backup', 4, 'left', 'name'), 'db-…');
});
