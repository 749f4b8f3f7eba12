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

test('a pattern that makes a backtracking engine run for ages matches in linear time', {timeout: 5000}, () => {
	// JavaScript's own engine takes exponential time on (a+)+$ against a run of a's that does not end the text: this
	// row alone would freeze the screen for good. RE2 answers at once.
	const hostile = `${'a'.repeat(50_000)}b`;
	const started = performance.now();
	assert.equal(parseFilter('/(a+)+$/').test(hostile), false);
	assert.equal(parseFilter('/(x+x+)+y/').test('x'.repeat(10_000)), false);
	assert.ok(performance.now() - started < 1000, `took ${performance.now() - started} ms`);
});

test('what RE2 does not have (lookaround, backreferences) is an invalid regex that names the construct', () => {
	assert.equal(parseFilter('/(?=a)/').error, 'invalid regex: invalid or unsupported Perl syntax: `(?=`');
	assert.equal(parseFilter('/(a)\\1/').error, 'invalid regex: invalid escape sequence: `\\1`');
	assert.equal(parseFilter('/(unclosed/').error, 'invalid regex: missing closing ): `(unclosed`');
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
