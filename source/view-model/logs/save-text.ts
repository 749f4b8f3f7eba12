/**
The text of a saved log: every entry as sanitized plain text (no colour, no control characters), with the pod tag,
container and API timestamp when asked, so the file is safe to `cat` and carries the separators and markers too.
*/
import type {LogBufferSnapshot} from '../../store/log-buffer.js';
import {sanitizedEntry} from './search.js';
import {sanitizeLogText} from './sanitize.js';

/** What the saved lines carry. */
export type LogSaveOptions = {readonly timestamps?: boolean; readonly formatClock?: (ms: number) => string};

/** The lines of the file, oldest first, starting with a note of how many lines the buffer had already dropped. */
export function logSaveLines(snapshot: Pick<LogBufferSnapshot, 'entries' | 'dropped'>, options: LogSaveOptions = {}): string[] {
	const clock = options.formatClock ?? ((ms: number) => new Date(ms).toISOString().slice(11, 19));
	const containers = new Set(snapshot.entries.flatMap(entry => (entry.kind === 'line' ? [entry.container] : [])));
	const out: string[] = snapshot.dropped > 0 ? [`# ${snapshot.dropped} earlier lines were dropped from the pane's buffer`] : [];
	for (const entry of snapshot.entries) {
		const tag = entry.tag ? `${entry.tag} ` : '';
		if (entry.kind === 'separator') {
			out.push(`${tag}── ${entry.label} · ${sanitizeLogText(entry.podName).plain}${entry.startedAt === undefined ? '' : ` · started ${clock(entry.startedAt)}`} ──`);
		} else if (entry.kind === 'marker') {
			out.push(`${tag}▲ ${sanitizeLogText(entry.text).plain}`);
		} else {
			const time = options.timestamps ? `${entry.timeText ?? '-'} ` : '';
			const container = containers.size > 1 ? `${sanitizeLogText(entry.container).plain} ` : '';
			out.push(`${tag}${time}${container}${sanitizedEntry(entry).plain}`);
		}
	}

	return out;
}
