/**
Object commands (logs, describe, delete…) as requests for the app, aimed at the object the screen is about.
*/
import type {ObjectCommand} from './keys/commands.js';
import {selectedIndex} from './selection.js';
import type {ScreenEntry, Target, UiRequest} from './types.js';

const listKinds = {jobs: 'job', cronjobs: 'cronjob', pods: 'pod'} as const;

/**
The request a logs or notify command makes on a screen (notify only for a job): on a list, for the selected row; on a detail screen, for the object the
screen shows (except `p`, previous logs, which on a job's screen means its selected pod). Undefined when there is no
object to act on. (Actions open a dialog first: their request is the confirmed dialog's.)
*/
export function objectRequest(command: 'logs' | 'previous-logs' | 'notify', entry: ScreenEntry, rows: readonly string[]): UiRequest | undefined {
	const target = objectTarget(command, entry, rows);
	if (target === undefined) {
		return undefined;
	}

	if (command === 'notify') {
		return target.kind === 'job' ? {kind: 'toggle-notify', target} : undefined;
	}

	return command === 'logs' ? {kind: 'open-logs', target, previous: false} : (target.kind === 'pod' ? {kind: 'open-logs', target, previous: true} : undefined);
}

/** The object an object command is aimed at on a screen, or undefined when there is none. */
export function objectTarget(command: ObjectCommand, entry: ScreenEntry, rows: readonly string[]): Target | undefined {
	const screen = entry.screen;
	const selected = rows[selectedIndex(rows, entry.selected, entry.index)];
	switch (screen.id) {
		case 'jobs':
		case 'cronjobs':
		case 'pods': {
			return selected === undefined ? undefined : {kind: listKinds[screen.id], uid: selected};
		}

		case 'job-detail': {
			if (command === 'previous-logs') {
				return selected === undefined ? undefined : {kind: 'pod', uid: selected};
			}

			return {kind: 'job', uid: screen.uid};
		}

		case 'cronjob-detail': return {kind: 'cronjob', uid: screen.uid};
		// An archived run's logs come from the archive.
		case 'history': return selected === undefined ? undefined : {kind: 'job', uid: selected, archived: true};
		case 'archived-job': return {kind: 'job', uid: screen.uid, archived: true};
		case 'pod-detail': return {kind: 'pod', uid: screen.uid};
		case 'describe':
		case 'yaml': return screen.target;
		case 'help': return undefined;
	}
}

const labels: Record<UiRequest['kind'], string> = {
	'open-logs': 'logs', 'close-logs': 'close logs', 'save-logs': 'save logs', action: 'action', 'toggle-notify': 'notify',
	'set-namespace': 'namespace switch', 'switch-context': 'context switch', 'load-history': 'history', 'forget-run': 'delete archived run',
};

const actionLabels = {delete: 'delete', rerun: 'rerun', trigger: 'trigger', suspend: 'suspend/resume'} as const;

/** A short name for a request, for the message line. */
export function requestLabel(request: UiRequest): string {
	return request.kind === 'action' ? actionLabels[request.action.kind] : labels[request.kind];
}
