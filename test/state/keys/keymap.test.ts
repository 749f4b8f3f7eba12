import assert from 'node:assert/strict';
import {readdirSync, readFileSync, statSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import type {Command} from '../../../source/state/keys/commands.js';
import {allAllowed} from '../../../source/cluster/actions/permissions.js';
import {dialogHints} from '../../../source/state/dialog/hints.js';
import {type DialogSubject, openDialog} from '../../../source/state/dialog/model.js';
import {helpFor, hintsFor, type KeyHint, keymapMarkdownTable} from '../../../source/state/keys/keymap-help.js';
import {keymap, resolveKey} from '../../../source/state/keys/keymap.js';
import {type KeyContext, type KeyPress, keyLabel, keyName} from '../../../source/state/keys/keys.js';
import {makeCronJob, makeJob, now} from '../../helpers/builders.js';

const contexts: KeyContext[] = ['jobs', 'cronjobs', 'pods', 'job-detail', 'cronjob-detail', 'pod-detail', 'help', 'describe', 'yaml', 'logs', 'filter', 'command', 'dialog'];
const none: KeyPress = {};

const allCommands: Command[] = [
	'cursor-down', 'cursor-up', 'cursor-top', 'cursor-bottom', 'page-down', 'page-up', 'open', 'back', 'command-line', 'filter',
	'sort-name', 'sort-age', 'sort-status', 'all-namespaces', 'toggle-completed', 'input-submit', 'input-cancel', 'input-complete',
	'input-backspace', 'help', 'quit', 'logs', 'previous-logs', 'describe', 'yaml', 'delete', 'rerun', 'trigger', 'suspend',
	'log-follow', 'log-timestamps', 'log-wrap', 'log-since', 'log-search', 'log-next-match', 'log-previous-match', 'log-filter',
	'log-invert', 'log-json', 'log-save', 'log-zoom', 'log-container', 'dialog-confirm', 'dialog-cancel', 'dialog-next', 'dialog-previous',
];

test('every binding has keys, contexts, a description and a group', () => {
	for (const binding of keymap) {
		assert.ok(binding.keys.length > 0, binding.command);
		assert.ok(binding.when.length > 0, binding.command);
		assert.match(binding.description, /\S/, binding.command);
		assert.match(binding.group, /\S/, binding.command);
	}
});

test('every command has a binding', () => {
	const bound = new Set(keymap.map((binding) => binding.command));
	assert.deepEqual(allCommands.filter((command) => !bound.has(command)), []);
});

test('no key is bound twice in one context', () => {
	for (const context of contexts) {
		const seen = new Map<string, Command>();
		for (const binding of keymap.filter((candidate) => candidate.when.includes(context))) {
			for (const key of binding.keys) {
				assert.equal(seen.get(key), undefined, `${key} in ${context}: ${seen.get(key)} and ${binding.command}`);
				seen.set(key, binding.command);
			}
		}
	}
});

// [input, key, context, expected command or undefined]
const cases: Array<[string, KeyPress, KeyContext, Command | undefined]> = [
	['j', none, 'jobs', 'cursor-down'], ['', {downArrow: true}, 'pods', 'cursor-down'], ['j', none, 'filter', undefined],
	['k', none, 'cronjobs', 'cursor-up'], ['', {upArrow: true}, 'help', 'cursor-up'], ['k', none, 'command', undefined],
	['g', none, 'jobs', 'cursor-top'], ['', {home: true}, 'job-detail', 'cursor-top'], ['g', none, 'logs', 'cursor-top'],
	['G', {shift: true}, 'jobs', 'cursor-bottom'], ['G', {shift: true}, 'logs', 'log-follow'], ['g', none, 'filter', undefined],
	['', {pageDown: true}, 'jobs', 'page-down'], ['f', {ctrl: true}, 'pods', 'page-down'], ['', {pageDown: true}, 'filter', undefined],
	['', {pageUp: true}, 'jobs', 'page-up'], ['b', {ctrl: true}, 'help', 'page-up'],
	['', {return: true}, 'jobs', 'open'], ['', {return: true}, 'cronjob-detail', 'open'], ['', {return: true}, 'pod-detail', undefined],
	['', {return: true}, 'filter', 'input-submit'], ['', {return: true}, 'command', 'input-submit'],
	['', {escape: true}, 'job-detail', 'back'], ['', {escape: true}, 'filter', 'input-cancel'], ['', {escape: true}, 'command', 'input-cancel'],
	[':', none, 'jobs', 'command-line'], [':', none, 'command', undefined], [':', none, 'filter', undefined],
	['/', none, 'jobs', 'filter'], ['/', none, 'logs', 'log-search'], ['/', none, 'job-detail', undefined],
	['N', {shift: true}, 'jobs', 'sort-name'], ['N', {shift: true}, 'logs', 'log-previous-match'], ['n', none, 'jobs', undefined],
	['A', {shift: true}, 'pods', 'sort-age'], ['a', none, 'pods', undefined], ['A', {shift: true}, 'job-detail', undefined],
	['S', {shift: true}, 'cronjobs', 'sort-status'], ['S', {shift: true}, 'help', undefined],
	['0', none, 'jobs', 'all-namespaces'], ['0', none, 'filter', undefined], ['0', none, 'job-detail', undefined],
	['c', none, 'pods', 'toggle-completed'], ['c', none, 'jobs', 'toggle-completed'], ['c', none, 'cronjobs', undefined],
	['', {tab: true}, 'command', 'input-complete'], ['', {tab: true}, 'filter', undefined], ['', {tab: true}, 'jobs', undefined],
	['', {backspace: true}, 'filter', 'input-backspace'], ['', {delete: true}, 'command', 'input-backspace'], ['', {backspace: true}, 'jobs', undefined],
	['?', none, 'jobs', 'help'], ['?', none, 'help', 'help'], ['?', none, 'filter', undefined],
	['q', none, 'jobs', 'quit'], ['c', {ctrl: true}, 'jobs', 'quit'], ['c', {ctrl: true}, 'filter', 'quit'], ['q', none, 'command', undefined],
	['l', none, 'jobs', 'logs'], ['l', none, 'pod-detail', 'logs'], ['l', none, 'help', undefined],
	['p', none, 'pods', 'previous-logs'], ['p', none, 'job-detail', 'previous-logs'], ['p', none, 'cronjobs', undefined],
	['d', none, 'jobs', 'describe'], ['d', {ctrl: true}, 'jobs', 'delete'], ['d', {ctrl: true}, 'help', undefined], ['d', none, 'filter', undefined],
	['y', none, 'cronjob-detail', 'yaml'], ['y', none, 'help', undefined],
	['r', none, 'jobs', 'rerun'], ['r', none, 'cronjobs', undefined], ['r', none, 'pods', undefined],
	['t', none, 'cronjobs', 'trigger'], ['t', none, 'jobs', undefined], ['t', none, 'logs', 'log-timestamps'],
	['s', none, 'cronjobs', 'suspend'], ['s', none, 'job-detail', 'suspend'], ['s', none, 'pods', undefined], ['s', none, 'logs', 'log-save'],
	['f', none, 'logs', 'log-follow'], ['w', none, 'logs', 'log-wrap'], ['w', none, 'jobs', undefined], ['T', {shift: true}, 'logs', 'log-since'],
	['n', none, 'logs', 'log-next-match'], ['m', none, 'logs', 'log-filter'], ['!', none, 'logs', 'log-invert'], ['!', none, 'jobs', undefined],
	['J', {shift: true}, 'logs', 'log-json'], ['z', none, 'logs', 'log-zoom'], ['z', none, 'jobs', undefined],
	['x', none, 'jobs', undefined], ['jk', none, 'jobs', undefined], ['j', {meta: true}, 'jobs', undefined],
	// The dialog takes every key; only its own and Ctrl+C do anything, and they do nothing elsewhere.
	['y', none, 'dialog', 'dialog-confirm'], ['Y', {shift: true}, 'dialog', 'dialog-confirm'], ['', {return: true}, 'dialog', 'dialog-confirm'],
	['n', none, 'dialog', 'dialog-cancel'], ['N', {shift: true}, 'dialog', 'dialog-cancel'], ['', {escape: true}, 'dialog', 'dialog-cancel'],
	['q', none, 'dialog', 'dialog-cancel'], ['c', {ctrl: true}, 'dialog', 'quit'],
	['', {rightArrow: true}, 'dialog', 'dialog-next'], ['', {tab: true}, 'dialog', 'dialog-next'], ['', {downArrow: true}, 'dialog', 'dialog-next'],
	['l', none, 'dialog', 'dialog-next'], ['j', none, 'dialog', 'dialog-next'],
	['', {leftArrow: true}, 'dialog', 'dialog-previous'], ['', {tab: true, shift: true}, 'dialog', 'dialog-previous'], ['', {upArrow: true}, 'dialog', 'dialog-previous'],
	['h', none, 'dialog', 'dialog-previous'], ['k', none, 'dialog', 'dialog-previous'],
	['d', {ctrl: true}, 'dialog', undefined], ['?', none, 'dialog', undefined], ['x', none, 'dialog', undefined], ['', {pageDown: true}, 'dialog', undefined],
	['n', none, 'jobs', undefined], ['', {tab: true, shift: true}, 'command', undefined], ['h', none, 'jobs', undefined],
];

test('keys resolve to their command in context, and not elsewhere', () => {
	for (const [input, key, context, expected] of cases) {
		assert.equal(resolveKey(input, key, context), expected, `${JSON.stringify(input)} ${JSON.stringify(key)} in ${context}`);
	}
});

test('key names and labels', () => {
	assert.equal(keyName('d', {ctrl: true}), 'ctrl+d');
	assert.equal(keyName('', {escape: true}), 'escape');
	assert.equal(keyName('paste', {}), undefined);
	assert.equal(keyName('', {tab: true, shift: true}), 'shift+tab');
	assert.deepEqual(['down', 'ctrl+d', 'N', 'pageup', 'escape', ':', 'shift+tab'].map((name) => keyLabel(name)), ['↓', 'Ctrl+D', 'Shift+N', 'PgUp', 'Esc', ':', 'Shift+Tab']);
});

test('footer hints are generated per context', () => {
	const shown = (hints: readonly KeyHint[]) => hints.map((hint) => `${hint.keys} ${hint.description}`);
	assert.deepEqual(shown(hintsFor('jobs')), ['Enter Open', 'Esc Back', ': Command', '/ Filter', 'l Logs', '? Help', 'q Quit']);
	assert.deepEqual(shown(hintsFor('command')), ['Enter Keep / run', 'Esc Clear / cancel', 'Tab Complete']);
	assert.deepEqual(hintsFor('jobs')[0], {keys: 'Enter', command: 'open', description: 'Open'});
	assert.deepEqual(shown(hintsFor('dialog')), ['y/Enter Confirm', 'n/Esc Cancel', '→/Tab Next', '← Previous']);
});

test('the dialog\'s key line names what confirming does, and offers choosing only when there is a choice', () => {
	const shown = (hints: readonly KeyHint[]) => hints.map((hint) => `${hint.keys} ${hint.description}`).join('  ');
	const job = makeJob('pi', {namespace: 'batch'});
	const opened = (action: 'delete' | 'trigger', subject: DialogSubject) => {
		const opening = openDialog(action, subject, {readOnly: undefined, permissions: allAllowed}, now);
		assert.ok('dialog' in opening);
		return opening.dialog;
	};

	const deletion = opened('delete', {kind: 'job', job, podCount: 1});
	assert.equal(shown(dialogHints(deletion)), 'y/Enter Delete (Background)  n/Esc Cancel  →/Tab Next  ← Previous');
	assert.equal(shown(dialogHints({...deletion, selected: 2})), 'y/Enter Delete (Orphan)  n/Esc Cancel  →/Tab Next  ← Previous');
	const trigger = opened('trigger', {kind: 'cronjob', cronJob: makeCronJob('nightly', '0 2 * * *', {namespace: 'batch'}), jobCount: 0});
	assert.equal(shown(dialogHints(trigger)), 'y/Enter Trigger  n/Esc Cancel');
});

test('help lists every key of the screen, the log pane keys and the actions, with disabled reasons', () => {
	const groups = helpFor('jobs', {delete: 'read-only', rerun: 'forbidden: cannot create jobs in namespace batch'});
	assert.deepEqual(groups.map((group) => group.title), ['Navigation', 'Views', 'Table', 'Actions', 'General', 'Log pane', 'Confirmation dialog']);
	const actions = groups.find((group) => group.title === 'Actions')?.entries ?? [];
	assert.deepEqual(actions.map((entry) => [entry.keys, entry.description, entry.disabled]), [
		['l', 'Logs', undefined], ['d', 'Describe', undefined], ['y', 'YAML', undefined],
		['Ctrl+D', 'Delete', 'read-only'], ['r', 'Rerun job', 'forbidden: cannot create jobs in namespace batch'], ['s', 'Suspend/resume', undefined],
		['b', 'Notify (bell) when this job ends, however it ends', undefined],
	]);
	assert.equal(actions.find((entry) => entry.command === 'delete')?.dangerous, true);
	const pane = groups.find((group) => group.title === 'Log pane')?.entries.map((entry) => entry.keys) ?? [];
	assert.deepEqual(pane, ['f Shift+G End', 't', 'w', 'Shift+T', '/', 'n', 'Shift+N', 'm', '!', 'Shift+J', 's', 'z', 'c']);
	assert.deepEqual(helpFor('cronjobs').find((group) => group.title === 'Actions')?.entries.map((entry) => entry.command),
		['logs', 'describe', 'yaml', 'delete', 'trigger', 'suspend']);
	assert.equal(helpFor('help').some((group) => group.title === 'Log pane'), false);
	// Every screen with an action key lists the dialog's keys (the dialog itself takes ?, so help cannot open over it).
	const dialog = groups.find((group) => group.title === 'Confirmation dialog')?.entries.map((entry) => [entry.keys, entry.description]);
	assert.deepEqual(dialog, [
		['y Enter Shift+Y', 'Confirm the selected choice'], ['n Esc Shift+N q', 'Cancel'],
		['→ Tab ↓ l j', 'Next choice (wraps)'], ['← Shift+Tab ↑ h k', 'Previous choice (wraps)'],
	]);
	assert.equal(helpFor('pod-detail').some((group) => group.title === 'Confirmation dialog'), true);
	assert.equal(helpFor('describe').some((group) => group.title === 'Confirmation dialog'), false);
});

test('the markdown key table has one row per binding', () => {
	const table = keymapMarkdownTable().split('\n');
	assert.equal(table.length, keymap.length + 2);
	assert.equal(table[0], '| Keys | Action | Where |');
	assert.equal(table[2], '| `j` `↓` | Down | Jobs, CronJobs, Pods, Job detail, CronJob detail, Pod detail, History, Archived job, Help, Describe, YAML, Log pane |');
	assert.ok(table.includes('| `Ctrl+D` | Delete (changes the cluster) | Jobs, CronJobs, Pods, Job detail, CronJob detail, Pod detail |'));
	assert.ok(table.includes('| `y` `Enter` `Shift+Y` | Confirm the selected choice | Confirmation dialog |'));
	assert.ok(table.includes('| `q` | Quit (from a list) | Jobs, CronJobs, Pods |'));
	assert.ok(table.includes('| `q` | Back (quits only from a list) | Job detail, CronJob detail, Pod detail, History, Archived job, Help, Describe, YAML, Log pane |'));
	// The archive's own Ctrl+D deletes a local file: it is not marked as changing the cluster.
	assert.ok(table.includes('| `Ctrl+D` | Delete from the archive (local copy only; asks first) | History, Archived job |'));
	assert.ok(table.includes('| `Shift+H` | History: archived runs, deleted jobs too (:history) | Jobs, CronJobs, Pods, Job detail, CronJob detail, Pod detail, History |'));
	assert.ok(table.some((row) => row.startsWith('| `Ctrl+C` | Quit from anywhere (so does :q) | Jobs, ') && row.endsWith('Confirmation dialog, Namespace/context picker |')));
});

const readme = (() => {
	try {
		return readFileSync('readme.md', 'utf8');
	} catch {
		return '';
	}
})();
const markers = /<!-- keys:start -->\n([\s\S]*?)\n<!-- keys:end -->/.exec(readme);

test('the readme key table is the generated one', () => {
	assert.ok(markers, 'readme.md has lost its <!-- keys:start --> … <!-- keys:end --> section (npm run readme writes it)');
	assert.equal(markers[1], keymapMarkdownTable());
});

function sourceFiles(directory: string): string[] {
	return readdirSync(directory).flatMap((name) => {
		const path = join(directory, name);
		return statSync(path).isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(name) ? [path] : [];
	});
}

test('source/ calls useInput exactly once, in the keymap hook', () => {
	const calls = sourceFiles('source').filter((path) => readFileSync(path, 'utf8').includes('useInput('));
	assert.deepEqual(calls, [join('source', 'hooks', 'use-keymap.ts')]);
});
