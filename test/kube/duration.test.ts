import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {humanDuration, shortHumanDuration, translateTimestampSince, translateTimestampUntil} from '../../source/kube/duration.js';
import {fixedNow, loadUpstream, resolveTimes} from '../helpers/upstream.js';

type DurationCase = {name: string; function: string; input: {durationNanoseconds: number}; expected: string};
type TimestampCase = {name: string; function: string; input: {timestamp: unknown}; expected: string};

const file = loadUpstream<{cases: DurationCase[]; printerTimestampCases: TimestampCase[]}>('duration.json');

describe('duration.json HumanDuration / ShortHumanDuration', () => {
	for (const item of file.cases) {
		test(item.name, () => {
			const format = item.function === 'HumanDuration' ? humanDuration : shortHumanDuration;
			assert.equal(format(item.input.durationNanoseconds / 1e6), item.expected);
		});
	}
});

describe('duration.json translateTimestampSince / Until', () => {
	for (const item of file.printerTimestampCases) {
		test(`${item.function}: ${item.name}`, () => {
			const timestamp = resolveTimes(item.input.timestamp) as string | null;
			const translate = item.function === 'translateTimestampSince' ? translateTimestampSince : translateTimestampUntil;
			assert.equal(translate(timestamp, fixedNow), item.expected);
		});
	}
});

describe('duration edge cases', () => {
	test('missing and unparseable timestamps are <unknown>', () => {
		assert.equal(translateTimestampSince(undefined, fixedNow), '<unknown>');
		assert.equal(translateTimestampSince('', fixedNow), '<unknown>');
		assert.equal(translateTimestampUntil('not a date', fixedNow), '<unknown>');
	});

	test('the §6.5 CrashLoopBackOff example is 25s', () => {
		assert.equal(translateTimestampSince('2026-01-01T10:02:45Z', Date.parse('2026-01-01T10:03:10Z')), '25s');
	});
});
