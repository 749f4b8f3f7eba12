import assert from 'node:assert/strict';
import {test} from 'node:test';
import {countdown, spanText} from '../../source/view-model/countdown.js';

test('countdown reads in seconds, minutes+seconds, hours+minutes, days+hours', () => {
	const cases: Array<[number, string]> = [
		[37_000, 'in 37s'],
		[36_200, 'in 37s'],
		[1, 'in 1s'],
		[59_000, 'in 59s'],
		[60_000, 'in 1m'],
		[83_000, 'in 1m23s'],
		[100_000, 'in 1m40s'],
		[3_599_000, 'in 59m59s'],
		[3_600_000, 'in 1h'],
		[(2 * 3_600_000) + (5 * 60_000) + 30_000, 'in 2h5m'],
		[86_400_000, 'in 1d'],
		[(3 * 86_400_000) + (4 * 3_600_000), 'in 3d4h'],
	];
	for (const [remaining, expected] of cases) {
		assert.equal(countdown(1_000_000_000 + remaining, 1_000_000_000), expected, `${remaining} ms`);
	}
});

test('a past or present target is due, never negative', () => {
	assert.equal(countdown(1000, 1000), 'due');
	assert.equal(countdown(1000, 5000), 'due');
	assert.equal(countdown(Number.NaN, 5000), 'due');
});

test('spanText is the countdown without the "in"', () => {
	assert.equal(spanText(10_000), '10s');
	assert.equal(spanText(20_999), '20s');
	assert.equal(spanText(320_000), '5m20s');
	assert.equal(spanText(0), '0s');
});
