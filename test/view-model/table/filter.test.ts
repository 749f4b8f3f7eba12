import assert from 'node:assert/strict';
import {test} from 'node:test';
import {parseFilter} from '../../../source/view-model/table/filter.js';

const row = 'default report-7x2kq BackingOff 0/1 in 37s';
const labels = {app: 'report', tier: 'batch'};

test('an empty filter keeps everything', () => {
	assert.equal(parseFilter('').test(row), true);
	assert.equal(parseFilter('   ').test(row), true);
	assert.equal(parseFilter('!').test(row), true);
	assert.equal(parseFilter('').error, undefined);
});

test('plain text is a case-insensitive substring', () => {
	assert.equal(parseFilter('backingoff').test(row), true);
	assert.equal(parseFilter('REPORT').test(row), true);
	assert.equal(parseFilter('etl').test(row), false);
});

test('/re/ is a case-insensitive regex, also while the closing slash is still being typed', () => {
	assert.equal(parseFilter('/^default report-\\w+/').test(row), true);
	assert.equal(parseFilter('/in \\d+s$/').test(row), true);
	assert.equal(parseFilter('/^report/').test(row), false);
	assert.equal(parseFilter('/backing').test(row), true);
});

test('! negates substring, regex and label filters', () => {
	assert.equal(parseFilter('!report').test(row), false);
	assert.equal(parseFilter('!etl').test(row), true);
	assert.equal(parseFilter('!/^default/').test(row), false);
	assert.equal(parseFilter('!-l app=report').test(row, labels), false);
	assert.equal(parseFilter('!-l app=etl').test(row, labels), true);
});

test('an invalid regex matches nothing (negated too) and says why', () => {
	const parsed = parseFilter('/(unclosed/');
	assert.equal(parsed.test(row), false);
	assert.match(parsed.error ?? '', /^invalid regex: /);
	const negated = parseFilter('!/[z-a]/');
	assert.equal(negated.test(row), false);
	assert.match(negated.error ?? '', /^invalid regex: /);
});

test('-l takes a kubectl label selector', () => {
	assert.equal(parseFilter('-l app=report').test(row, labels), true);
	assert.equal(parseFilter('-l app=report,tier!=batch').test(row, labels), false);
	assert.equal(parseFilter('-l tier in (batch, web)').test(row, labels), true);
	assert.equal(parseFilter('-l app').test(row, labels), true);
	assert.equal(parseFilter('-l app=report').test(row), false);
	assert.equal(parseFilter('-l app=report').error, undefined);
});

test('-l with an invalid or missing selector matches nothing and says why', () => {
	const bad = parseFilter('-l app==(x');
	assert.equal(bad.test(row, labels), false);
	assert.match(bad.error ?? '', /^invalid label selector: /);
	const empty = parseFilter('-l ');
	assert.equal(empty.test(row, labels), false);
	assert.equal(empty.error, '-l needs a label selector, e.g. -l app=web');
});
