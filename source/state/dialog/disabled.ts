/**
Why each action command is unavailable, for the help screen: read-only mode first, then the RBAC answers.
*/
import type {Permissions} from '../../cluster/actions/permissions.js';
import type {DisabledReasons} from '../keys/keymap-help.js';

/**
The disabled reasons by command for the objects of `kind` (the current view's), or for any kind when it is not given:
then delete, which needs a different permission per kind, is disabled only when all are denied.
*/
export function disabledReasons(readOnly: string | undefined, permissions: Permissions, kind?: 'job' | 'cronjob' | 'pod'): DisabledReasons {
	if (readOnly !== undefined) {
		return {delete: readOnly, rerun: readOnly, trigger: readOnly, suspend: readOnly};
	}

	const reasons: DisabledReasons = {};
	const deny = (command: 'delete' | 'rerun' | 'trigger' | 'suspend' | 'logs' | 'previous-logs', keys: ReadonlyArray<keyof Permissions>) => {
		const answers = keys.map(key => permissions[key]);
		if (answers.every(answer => !answer.allowed)) {
			reasons[command] = answers[0]?.reason;
		}
	};

	const byKind = {job: 'delete-jobs', cronjob: 'delete-cronjobs', pod: 'delete-pods'} as const;
	deny('delete', kind ? [byKind[kind]] : ['delete-jobs', 'delete-cronjobs', 'delete-pods']);
	deny('rerun', ['create-jobs']);
	deny('trigger', ['create-jobs']);
	deny('suspend', kind === 'job' ? ['patch-jobs'] : (kind === 'cronjob' ? ['patch-cronjobs'] : ['patch-jobs', 'patch-cronjobs']));
	deny('logs', ['get-pods-log']);
	deny('previous-logs', ['get-pods-log']);
	return reasons;
}
