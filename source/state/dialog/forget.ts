/**
Deleting a run from the archive: it asks first, like every deletion, and says plainly what goes (kjobs' own copy on
this machine, for good) and what does not (nothing in the cluster is touched). It works in read-only mode, which
guards the cluster, not the user's own files.
*/
import type {HistoryRun} from '../../archive/types.js';
import {selectedIndex} from '../selection.js';
import type {LiveData, ScreenEntry, UiState} from '../types.js';
import {message} from '../ui-updates.js';
import type {ConfirmDialog} from './model.js';

/** The dialog asking to delete one archived run; `inCluster` says whether the cluster still has the job. */
export function forgetRunDialog(run: HistoryRun, inCluster: boolean): ConfirmDialog {
	const name = `${run.namespace}/${run.name}`;
	return {
		action: 'forget-run',
		title: 'Delete archived run',
		question: `Delete the archived run of job ${name} from this machine?`,
		details: [
			`Its logs, events and pod statuses in ${run.file} are deleted for good.`,
			inCluster ? 'The job itself stays in the cluster: nothing is sent to it.' : 'The cluster has deleted the job already: this copy is all that is left of it. Nothing is sent to the cluster.',
		],
		choices: [{label: 'Delete from archive', explanation: 'Removes the run file; the cluster is not touched.', request: {kind: 'forget-run', uid: run.uid, name}}],
		selected: 0,
		confirmLabel: 'Delete from archive',
		dangerous: true,
	};
}

/** Ctrl+D on the history or an archived job: opens the dialog for the run, or says why it cannot. */
export function startForget(state: UiState, entry: ScreenEntry, rows: readonly string[], now: number, live: LiveData): UiState {
	const {screen} = entry;
	const uid = screen.id === 'archived-job' ? screen.uid : rows[selectedIndex(rows, entry.selected, entry.index)];
	const run = uid === undefined ? undefined : live.history?.runs.find(candidate => candidate.uid === uid);
	if (run === undefined) {
		return message(state, uid === undefined ? 'nothing selected' : 'that run is no longer in the archive', 'warning', now);
	}

	return {...state, mode: 'normal', dialog: {target: {kind: 'job', uid: run.uid, archived: true}, dialog: forgetRunDialog(run, live.snapshot.jobs.has(run.uid))}};
}
