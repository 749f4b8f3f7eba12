/**
The actions' path through the UI state: an action key opens its confirmation dialog (or explains on the message line
why it cannot), keys go to the open dialog, a confirmation becomes a request for the app, and a job the action
created is selected once the watch delivers it. Pure: the dialog is built from the snapshot and access the action carries.
*/
import type {ObjectRef, RequestResult} from '../../cluster/actions/types.js';
import {dialogKey} from './keys.js';
import type {DialogAction} from './model.js';
import {openDialogFor} from './target.js';
import {type Command, isDialogCommand} from '../keys/commands.js';
import {objectTarget} from '../requests.js';
import {windowStart} from '../selection.js';
import {currentEntry} from '../ui-state.js';
import type {LiveData, ScreenEntry, UiRequest, UiState} from '../types.js';
import {message, push, replaceTop, requested} from '../ui-updates.js';

/** An action key (delete, rerun, trigger, suspend): opens the dialog for the screen's object, or says why it cannot. */
export function startAction(state: UiState, action: DialogAction, entry: ScreenEntry, rows: readonly string[], now: number, live: LiveData): UiState {
	const target = objectTarget(action, entry, rows);
	if (target === undefined) {
		return message(state, 'nothing selected', 'warning', now);
	}

	const opening = openDialogFor(live.snapshot, action, target, live.access, now);
	return 'dialog' in opening ? {...state, mode: 'normal', dialog: {target, dialog: opening.dialog}} : message(state, opening.message, 'warning', now);
}

/** A key's command (the keymap's 'dialog' context) while a dialog is open: only dialog commands and quit do anything. */
export function pressDialogKey(state: UiState, command: Command | undefined, now: number): UiState {
	const open = state.dialog;
	if (open === undefined) {
		return state;
	}

	if (command === 'quit') {
		return {...state, quit: true};
	}

	if (command === undefined || !isDialogCommand(command)) {
		return state;
	}

	const outcome = dialogKey(open.dialog, command);
	const {dialog: _closed, ...closed} = state;
	switch (outcome.type) {
		case 'open': {
			return outcome.dialog === open.dialog ? state : {...state, dialog: {...open, dialog: outcome.dialog}};
		}

		case 'cancel': {
			return message(closed, `${open.dialog.title}: cancelled`, 'muted', now);
		}

		case 'confirm': {
			// The dialog closes on the first confirmation, so a second `y` in the same burst cannot send it again.
			const working = message(closed, `${open.dialog.confirmLabel}: working…`, 'pending', now);
			// Deleting an archived run is the app's own business (a file), not an action on the cluster.
			return outcome.request.kind === 'forget-run'
				? requested(working, outcome.request, now)
				: requested(working, {kind: 'action', action: outcome.request, target: open.target}, now);
		}
	}
}

/**
A request's result on the message line; a created job is awaited so the selection can move to it. A context switch
brings its own namespace: the screen scopes to it (the watchers already do) and starts at the top of its list, since
the objects it pointed at belong to the other context.
*/
export function requestDone(state: UiState, request: UiRequest, result: RequestResult, now: number): UiState {
	if (result.ok && result.scope !== undefined && request.kind === 'switch-context') {
		const root = state.stack[0]!;
		const switched: UiState = {...state, namespace: result.scope.namespace, stack: [{screen: root.screen, index: 0, scroll: 0}]};
		return message(switched, result.message, 'success', now);
	}

	// The archived run deleted from its own screen: back to the history, where it is no longer listed.
	if (result.ok && request.kind === 'forget-run') {
		const top = currentEntry(state).screen;
		const left = top.id === 'archived-job' && top.uid === request.uid ? {...state, stack: state.stack.slice(0, -1)} : state;
		return message(left, result.message, 'success', now);
	}

	const shown = message(state, result.message, result.ok ? 'success' : 'error', now);
	return result.ok && result.created !== undefined && request.kind === 'action' ? {...shown, awaiting: {ref: result.created, from: request.target}} : shown;
}

/** Whether `job` (namespace, name and uid) is the awaited one. */
export function isAwaited(ref: ObjectRef, job: {readonly namespace?: string; readonly name?: string; readonly uid?: string}): boolean {
	return job.namespace === ref.namespace && job.name === ref.name && (ref.uid === undefined || ref.uid === job.uid);
}

/**
The awaited job arrived (uid): select it where the user is. On the jobs list or a cron job's screen the cursor moves
to it; on a job's screen (a rerun from there) that screen shows the new job; on the cron jobs list the cron job's
screen opens with the new job selected. `rows`/`page` are the current screen's, to keep the cursor in view.
*/
export function selectCreated(state: UiState, uid: string, rows: readonly string[], page: number): UiState {
	const from = state.awaiting?.from;
	const {awaiting: _done, ...rest} = state;
	const entry = currentEntry(rest);
	const select = (target: ScreenEntry): ScreenEntry => {
		const index = Math.max(0, rows.indexOf(uid));
		return {...target, selected: uid, index, scroll: windowStart(target.scroll, index, Math.max(1, page), rows.length)};
	};

	switch (entry.screen.id) {
		case 'jobs':
		case 'cronjob-detail': {
			return replaceTop(rest, select(entry));
		}

		case 'job-detail': {
			const below = rest.stack.at(-2);
			const stack = below?.screen.id === 'jobs' ? [...rest.stack.slice(0, -2), {...below, selected: uid}] : rest.stack.slice(0, -1);
			return {...rest, stack: [...stack, {screen: {id: 'job-detail', uid}, index: 0, scroll: 0}]};
		}

		case 'cronjobs': {
			if (from?.kind !== 'cronjob') {
				return rest;
			}

			const marked = replaceTop(rest, {...entry, selected: from.uid});
			const opened = push(marked, {id: 'cronjob-detail', uid: from.uid});
			return replaceTop(opened, {...currentEntry(opened), selected: uid});
		}

		default: {
			return rest;
		}
	}
}
