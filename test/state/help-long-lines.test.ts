import assert from 'node:assert/strict';
import {test} from 'node:test';
import {screenData} from '../../source/state/screen-model.js';
import type {UiState} from '../../source/state/types.js';
import {initialUiState} from '../../source/state/ui-state.js';
import {createTableEngine} from '../../source/view-model/table/engine.js';
import {now} from '../helpers/builders.js';
import {makeSnapshot} from '../helpers/snapshots.js';

const reason = 'forbidden: User "dev@example.test" cannot create resource "jobs" in API group "batch" in the namespace "batch"';

function help(long: Partial<Pick<UiState, 'wrap' | 'shift'>>) {
	const base = initialUiState({namespace: 'batch', handlesRequests: true});
	const state: UiState = {...base, ...long, stack: [...base.stack, {screen: {id: 'help'}, index: 0, scroll: 0}]};
	const data = screenData(createTableEngine(), state, makeSnapshot({}), now, 60, {rerun: reason});
	assert.equal(data.model.kind, 'help');
	return data.model.kind === 'help' ? data.model.lines.map((line) => line.text) : [];
}

test('help wraps (w) or scrolls (← →) its long lines like the other text screens, so a long disabled reason can be read', () => {
	const cut = help({});
	const rerun = cut.find((line) => line.includes('Rerun job'))!;
	assert.ok(rerun.endsWith(`(disabled: ${reason})`), rerun);
	const wrapped = help({wrap: true});
	assert.ok(wrapped.every((line) => [...line].length <= 60));
	assert.ok(wrapped.length > cut.length);
	assert.ok(wrapped.join('').includes(`(disabled: ${reason})`));
	const shifted = help({shift: 64});
	assert.equal(shifted[cut.indexOf(rerun)], [...rerun].slice(64).join(''));
});
