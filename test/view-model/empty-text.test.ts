import assert from 'node:assert/strict';
import {test} from 'node:test';
import type {TableQuery} from '../../source/view-model/table/types.js';
import {emptyTableText} from '../../source/view-model/empty-text.js';
import {makeSnapshot} from '../helpers/snapshots.js';

const query: TableQuery = {filter: '', sort: 'name', hideCompleted: false, allNamespaces: false};

test('an empty list says why: missing namespace, loading, forbidden, filter, hidden completed, or simply none', () => {
	const live = makeSnapshot({});
	assert.equal(emptyTableText('jobs', {...live, missingNamespace: 'typo'}, query), 'namespace "typo" does not exist — :ns NAME switches, :ns all shows every namespace');
	assert.equal(emptyTableText('cronjobs', makeSnapshot({watch: {cronjobs: {phase: 'connecting'}}}), query), 'loading cron jobs…');
	assert.equal(emptyTableText('pods', makeSnapshot({watch: {pods: {phase: 'forbidden', message: 'no'}}}), query), 'pods cannot be listed here (forbidden)');
	assert.equal(emptyTableText('jobs', live, {...query, filter: ' backup '}), 'no jobs match "backup"');
	assert.equal(emptyTableText('jobs', live, {...query, hideCompleted: true}), 'no jobs besides completed ones, which are hidden');
	assert.equal(emptyTableText('cronjobs', live, {...query, hideCompleted: true}), 'no cron jobs');
	assert.equal(emptyTableText('pods', live, query), 'no pods');
	// A missing namespace outranks everything else: it is the reason the rest is empty.
	assert.match(emptyTableText('jobs', {...makeSnapshot({watch: {jobs: {phase: 'connecting'}}}), missingNamespace: 'typo'}, {...query, filter: 'x'}), /^namespace "typo"/);
});
