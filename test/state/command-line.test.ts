import assert from 'node:assert/strict';
import {test} from 'node:test';
import {completeCommand, completionCandidates, parseCommand} from '../../source/state/command-line.js';
import {layoutFor} from '../../source/state/layout.js';
import {selectedIndex, windowStart} from '../../source/state/selection.js';

const names = {namespaces: ['batch', 'backend', 'default'], contexts: ['kind-kjobs', 'prod-eu']};

test('commands parse to views, scope changes, help, quit or an error', () => {
	assert.deepEqual(parseCommand('jobs'), {kind: 'view', view: 'jobs'});
	assert.deepEqual(parseCommand(' cj '), {kind: 'view', view: 'cronjobs'});
	assert.deepEqual(parseCommand('cronjobs'), {kind: 'view', view: 'cronjobs'});
	assert.deepEqual(parseCommand('po'), {kind: 'view', view: 'pods'});
	assert.deepEqual(parseCommand('ns batch'), {kind: 'namespace', namespace: 'batch'});
	assert.deepEqual(parseCommand('ns all'), {kind: 'namespace', namespace: undefined});
	assert.deepEqual(parseCommand('ctx prod-eu'), {kind: 'context', name: 'prod-eu'});
	assert.deepEqual(parseCommand('ctx'), {kind: 'pick', what: 'context'});
	assert.deepEqual(parseCommand('ns'), {kind: 'pick', what: 'namespace'});
	assert.deepEqual(parseCommand('q'), {kind: 'quit'});
	assert.deepEqual(parseCommand('jobs x'), {kind: 'error', message: ':jobs takes no argument'});
	assert.deepEqual(parseCommand('deploy'), {kind: 'error', message: 'unknown command: deploy (try :jobs, :cj, :pods, :history, :ns NAME, :ctx NAME, :q)'});
});

test('Tab completes command names and then namespace and context names', () => {
	assert.deepEqual(completionCandidates('c', names), ['cronjobs', 'cj', 'ctx']);
	assert.equal(completeCommand('c', names), 'c');
	assert.equal(completeCommand('cr', names), 'cronjobs');
	assert.equal(completeCommand('n', names), 'ns ');
	assert.equal(completeCommand('ns ', names), 'ns ');
	assert.deepEqual(completionCandidates('ns ', names), ['all', 'batch', 'backend', 'default']);
	assert.equal(completeCommand('ns b', names), 'ns ba');
	assert.equal(completeCommand('ns bat', names), 'ns batch');
	assert.equal(completeCommand('ctx p', names), 'ctx prod-eu');
	assert.equal(completeCommand('zz', names), 'zz');
});

test('selection follows the uid, else keeps its place', () => {
	assert.equal(selectedIndex(['a', 'b', 'c'], 'c', 0), 2);
	assert.equal(selectedIndex(['a', 'c'], 'b', 1), 1);
	assert.equal(selectedIndex(['a'], 'b', 4), 0);
	assert.equal(selectedIndex([], 'b', 4), -1);
	assert.equal(selectedIndex(['a', 'b'], undefined, 0), 0);
});

test('the window moves only to keep the selection in view', () => {
	assert.equal(windowStart(0, 5, 10, 8), 0);
	assert.equal(windowStart(0, 12, 10, 40), 3);
	assert.equal(windowStart(3, 5, 10, 40), 3);
	assert.equal(windowStart(3, 1, 10, 40), 1);
	assert.equal(windowStart(35, 36, 10, 40), 30);
});

test('the frame is one line shorter than the terminal; small terminals get the notice', () => {
	assert.deepEqual(layoutFor(80, 24), {tooSmall: false, width: 80, height: 23, bodyHeight: 18});
	assert.deepEqual(layoutFor(59, 24), {tooSmall: true, width: 59, height: 23});
	assert.deepEqual(layoutFor(80, 11), {tooSmall: true, width: 80, height: 10});
});
