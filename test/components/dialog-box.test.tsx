import assert from 'node:assert/strict';
import {test} from 'node:test';
import {render} from 'ink-testing-library';
import {DescribeView} from '../../source/components/describe-view.js';
import {DialogBox} from '../../source/components/dialog-box.js';
import {allAllowed} from '../../source/cluster/actions/permissions.js';
import {type ConfirmDialog, openDialog} from '../../source/state/dialog/model.js';
import {dialogKey} from '../../source/state/dialog/keys.js';
import {makeJob, now} from '../helpers/builders.js';

const job = makeJob('pi', {namespace: 'batch', parallelism: 3, completions: 3});

function dialog(action: 'delete' | 'rerun'): ConfirmDialog {
	const opening = openDialog(action, {kind: 'job', job, podCount: 3}, {readOnly: undefined, permissions: allAllowed}, now);
	assert.ok('dialog' in opening);
	return opening.dialog;
}

test('the delete dialog as drawn', () => {
	const {lastFrame, unmount} = render(<DialogBox dialog={dialog('delete')} width={72} noColor />);
	assert.equal(lastFrame(), [
		'╭──────────────────────────────────────────────────────────────────────╮',
		'│ Delete job                                                           │',
		'│ Delete job batch/pi and its 3 pods?                                  │',
		'│                                                                      │',
		'│ ▶ Background (default)                                               │',
		'│   Foreground                                                         │',
		'│   Orphan                                                             │',
		'│ Delete the job now; the garbage collector then deletes its pods (as  │',
		'│ kubectl does).                                                       │',
		'│                                                                      │',
		'│ y/Enter Delete (Background)  n/Esc Cancel  →/Tab Next  ← Previous    │',
		'╰──────────────────────────────────────────────────────────────────────╯',
	].join('\n'));
	unmount();
});

test('the rerun dialog as drawn, with Replace selected', () => {
	const moved = dialogKey(dialog('rerun'), 'dialog-next');
	assert.equal(moved.type, 'open');
	const {lastFrame, unmount} = render(<DialogBox dialog={moved.type === 'open' ? moved.dialog : dialog('rerun')} width={72} noColor />);
	assert.equal(lastFrame(), [
		'╭──────────────────────────────────────────────────────────────────────╮',
		'│ Rerun job                                                            │',
		'│ Rerun job batch/pi?                                                  │',
		'│ A new job is created from its spec; the old one is not changed.      │',
		'│                                                                      │',
		'│   New copy (default)                                                 │',
		'│ ▶ Replace                                                            │',
		'│ Delete pi and its pods, wait until it is gone, then create it again  │',
		'│ under the same name.                                                 │',
		'│                                                                      │',
		'│ y/Enter Rerun (Replace)  n/Esc Cancel  →/Tab Next  ← Previous        │',
		'╰──────────────────────────────────────────────────────────────────────╯',
	].join('\n'));
	unmount();
});

test('the describe view shows a window of lines and where it is', () => {
	const lines = Array.from({length: 10}, (_unused, index) => `line ${index + 1}`);
	const {lastFrame, unmount} = render(<DescribeView title='job batch/pi' lines={lines} width={30} height={4} offset={2} />);
	assert.equal(lastFrame(), ['job batch/pi  3-5/10', 'line 3', 'line 4', 'line 5'].join('\n'));
	unmount();
});
