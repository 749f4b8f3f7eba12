/**
The names of everything a key can do. Kebab-case, like the reducer's action types.
*/

/** Commands the UI reducer carries out itself. */
export type UiCommand =
	| 'cursor-down' | 'cursor-up' | 'cursor-top' | 'cursor-bottom' | 'page-down' | 'page-up'
	| 'open' | 'back' | 'command-line' | 'filter'
	| 'sort-name' | 'sort-age' | 'sort-status' | 'all-namespaces' | 'toggle-completed'
	| 'input-submit' | 'input-cancel' | 'input-complete' | 'input-backspace' | 'input-clear'
	| 'help' | 'quit' | 'leave'
	| 'redraw' | 'toggle-wide' | 'text-wrap' | 'text-right' | 'text-left'
	| 'history' | 'forget-run';

/** Commands on the selected object that the app carries out (logs, actions): the reducer turns them into requests. */
export type ObjectCommand = 'logs' | 'previous-logs' | 'describe' | 'yaml' | 'delete' | 'rerun' | 'trigger' | 'suspend' | 'notify';

/** Commands of the log pane: bound and listed in the keymap, carried out by the pane's reducer. */
export type LogCommand =
	| 'log-follow' | 'log-timestamps' | 'log-wrap' | 'log-since' | 'log-search' | 'log-next-match' | 'log-previous-match'
	| 'log-filter' | 'log-invert' | 'log-json' | 'log-save' | 'log-zoom' | 'log-container';

/** Commands of an open confirmation dialog: confirm the selected choice, cancel, or select another choice. */
export type DialogCommand = 'dialog-confirm' | 'dialog-cancel' | 'dialog-next' | 'dialog-previous';

/** Commands of an open namespace or context picker. */
export type PickerCommand = 'picker-down' | 'picker-up' | 'picker-top' | 'picker-bottom' | 'picker-choose' | 'picker-cancel';

/** Every command a key can run. */
export type Command = UiCommand | ObjectCommand | LogCommand | DialogCommand | PickerCommand;

/** The object commands, for narrowing. */
export const objectCommands: readonly ObjectCommand[] = ['logs', 'previous-logs', 'describe', 'yaml', 'delete', 'rerun', 'trigger', 'suspend', 'notify'];

/** Whether a command belongs to the confirmation dialog. */
export function isDialogCommand(command: Command): command is DialogCommand {
	return command.startsWith('dialog-');
}

/** Whether a command belongs to the log pane. */
export function isLogCommand(command: Command): command is LogCommand {
	return command.startsWith('log-');
}

/** Whether a command belongs to the namespace or context picker. */
export function isPickerCommand(command: Command): command is PickerCommand {
	return command.startsWith('picker-');
}
