import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {formatLabelSelector, matchesLabelSelector, parseLabelSelector, selectorMatches} from '../../../source/kube/labels/selector.js';

describe('formatLabelSelector (metav1.FormatLabelSelector)', () => {
	test('missing or empty selectors print <none>', () => {
		assert.equal(formatLabelSelector(undefined), '<none>');
		assert.equal(formatLabelSelector({}), '<none>');
	});

	test('requirements are sorted by key, values sorted inside sets', () => {
		assert.equal(formatLabelSelector({
			matchLabels: {'job-name': 'pi', app: 'x'},
			matchExpressions: [
				{key: 'tier', operator: 'In', values: ['web', 'db']},
				{key: 'env', operator: 'NotIn', values: ['prod']},
				{key: 'canary', operator: 'DoesNotExist'},
				{key: 'batch', operator: 'Exists'},
			],
		}), 'app=x,batch,!canary,env notin (prod),job-name=pi,tier in (db,web)');
	});

	test('invalid selectors print <error>', () => {
		assert.equal(formatLabelSelector({matchExpressions: [{key: 'a', operator: 'Near', values: ['b']}]}), '<error>');
		assert.equal(formatLabelSelector({matchExpressions: [{key: 'a', operator: 'In', values: []}]}), '<error>');
	});
});

describe('parseLabelSelector (kubectl -l)', () => {
	test('every operator', () => {
		assert.deepEqual(parseLabelSelector('a=b, c==d,e!=f,g in (h, i),j notin (k),l,!m,n>3,o<4'), [
			{key: 'a', operator: '=', values: ['b']},
			{key: 'c', operator: '==', values: ['d']},
			{key: 'e', operator: '!=', values: ['f']},
			{key: 'g', operator: 'in', values: ['h', 'i']},
			{key: 'j', operator: 'notin', values: ['k']},
			{key: 'l', operator: 'exists', values: []},
			{key: 'm', operator: '!', values: []},
			{key: 'n', operator: 'gt', values: ['3']},
			{key: 'o', operator: 'lt', values: ['4']},
		]);
	});

	test('prefixed keys, empty values and an empty selector', () => {
		assert.deepEqual(parseLabelSelector('batch.kubernetes.io/job-name=pi,x='), [
			{key: 'batch.kubernetes.io/job-name', operator: '=', values: ['pi']},
			{key: 'x', operator: '=', values: ['']},
		]);
		assert.deepEqual(parseLabelSelector('  '), []);
	});

	for (const bad of ['a in b', 'a in (b', '=b', 'a=b c', 'a,,b', '!', 'a=b=c', 'a>b', 'bad key=1', '-a=b', 'a=-b-']) {
		test(`rejects ${JSON.stringify(bad)}`, () => {
			assert.throws(() => parseLabelSelector(bad), Error);
		});
	}

	test('error messages name the problem', () => {
		assert.throws(() => parseLabelSelector('a in (b'), /expected "," or "\)" in the value set, found end of input/);
		assert.throws(() => parseLabelSelector('a=b c'), /expected "," between requirements/);
	});
});

describe('matching', () => {
	const labels = {app: 'web', tier: 'db', n: '5'};
	const cases: Array<[string, boolean]> = [
		['app=web', true], ['app==web', true], ['app=api', false], ['app!=api', true], ['missing!=x', true],
		['tier in (db,cache)', true], ['tier notin (db)', false], ['missing notin (db)', true], ['missing in (db)', false],
		['app', true], ['missing', false], ['!missing', true], ['!app', false], ['n>4', true], ['n<5', false], ['app>1', false],
		['app=web,tier=db', true], ['app=web,tier=x', false], ['', true],
	];
	for (const [text, expected] of cases) {
		test(`${JSON.stringify(text)} → ${expected}`, () => {
			assert.equal(matchesLabelSelector(labels, parseLabelSelector(text)), expected);
		});
	}

	test('undefined labels behave as an empty map', () => {
		assert.equal(matchesLabelSelector(undefined, parseLabelSelector('!a')), true);
		assert.equal(matchesLabelSelector(undefined, parseLabelSelector('a')), false);
	});

	test('selectorMatches: empty selects everything, missing or invalid selects nothing', () => {
		assert.equal(selectorMatches({}, labels), true);
		assert.equal(selectorMatches(undefined, labels), false);
		assert.equal(selectorMatches({matchExpressions: [{key: 'a', operator: 'Bogus'}]}, labels), false);
		assert.equal(selectorMatches({matchLabels: {app: 'web'}, matchExpressions: [{key: 'tier', operator: 'In', values: ['db']}]}, labels), true);
		assert.equal(selectorMatches({matchLabels: {app: 'web', tier: 'x'}}, labels), false);
	});
});
