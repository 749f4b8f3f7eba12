/**
The detail screens as lines of text with tones: pure, so the app knows how many there are (for scrolling) and the
components only draw them.
*/
import type {CronJobDetailModel} from './cronjob-detail.js';
import {spanText} from '../countdown.js';
import type {ConditionLine, EventLine} from './detail-parts.js';
import type {JobDetailModel} from './job-detail.js';
import {timelineBars} from './job-timeline.js';
import type {Tone} from '../types.js';
import type {ContainerSummary} from '../rows/pod-containers.js';
import type {PodDetailModel} from './pod-detail.js';
import {wordWrap} from '../word-wrap.js';

/** One line of a detail screen. */
export type Line = {readonly key: string; readonly text: string; readonly tone?: Tone; readonly bold?: boolean; readonly dim?: boolean};

function cut(text: string, width: number): string {
	const characters = [...text];
	return characters.length <= width ? text : `${characters.slice(0, Math.max(0, width - 1)).join('')}…`;
}

/** Packs `label: value` fields into as few lines as fit the width, two spaces apart. */
export function fieldLines(keyPrefix: string, fields: ReadonlyArray<{readonly label: string; readonly value: string}>, width: number): Line[] {
	const lines: Line[] = [];
	let current = '';
	for (const field of fields) {
		const text = `${field.label}: ${field.value}`;
		if (current !== '' && [...current].length + 2 + [...text].length > width) {
			lines.push({key: `${keyPrefix}-${lines.length}`, text: current});
			current = text;
		} else {
			current = current === '' ? text : `${current}  ${text}`;
		}
	}

	if (current !== '') {
		lines.push({key: `${keyPrefix}-${lines.length}`, text: current});
	}

	return lines;
}

/** The event lines as aligned columns, like kubectl's event table: `12s    Warning  BackOff  pod/x  message (×3)`. */
export function eventLines(events: readonly EventLine[]): Line[] {
	if (events.length === 0) {
		return [];
	}

	const pad = padder(events, ['age', 'type', 'reason', 'object']);
	return [
		{key: 'events-title', text: 'Events', bold: true},
		...events.map((event) => ({
			key: `event-${event.uid}`,
			text: `  ${pad(event, 'age')}  ${pad(event, 'type')}  ${pad(event, 'reason')}  ${pad(event, 'object')}  ${event.message}${event.count > 1 ? ` (×${event.count})` : ''}`,
			tone: event.type === 'Warning' ? 'warning' as const : 'normal' as const,
		})),
	];
}

// Enough warnings to say what is wrong without pushing the events off a small screen.
const warningsShown = 3;

/**
The warnings among the events, first and in full: a pod stuck on ImagePullBackOff says why only in a Warning event
whose message (the registry's answer) is far wider than the event table has room for. Each distinct warning once, the
newest first, its message word-wrapped to the width; none when there are no warnings.
*/
export function warningLines(events: readonly EventLine[], width: number): Line[] {
	const seen = new Set<string>();
	const warnings: EventLine[] = [];
	for (const event of [...events].reverse()) {
		const key = `${event.reason}\n${event.message}`;
		if (event.type === 'Warning' && !seen.has(key) && warnings.length < warningsShown) {
			seen.add(key);
			warnings.push(event);
		}
	}

	if (warnings.length === 0) {
		return [];
	}

	return [
		{key: 'warnings-title', text: 'Warnings (newest first; every event below)', bold: true},
		...warnings.flatMap((event) => {
			const text = `${event.reason}: ${event.message}${event.count > 1 ? ` (×${event.count})` : ''}`;
			return wordWrap(text, width - 4).map((row, index) => ({key: `warning-${event.uid}-${index}`, text: `${index === 0 ? '  ' : '    '}${row}`, tone: 'warning' as const}));
		}),
	];
}

/** The condition lines as aligned columns: `Failed=True  BackoffLimitExceeded  2m  Job has reached the specified backoff limit`. */
export function conditionLines(conditions: readonly ConditionLine[]): Line[] {
	if (conditions.length === 0) {
		return [];
	}

	const rows = conditions.map((condition) => ({...condition, state: `${condition.type}=${condition.status}`}));
	const pad = padder(rows, ['state', 'reason', 'age']);
	return [
		{key: 'conditions-title', text: 'Conditions', bold: true},
		...rows.map((row) => ({key: `condition-${row.type}`, text: `  ${pad(row, 'state')}  ${pad(row, 'reason')}  ${pad(row, 'age')}  ${row.message}`})),
	];
}

// Pads a field to the widest value of that field among `rows`, so the fields line up as columns.
function padder<T extends Record<K, string>, K extends string>(rows: readonly T[], keys: readonly K[]): (row: T, key: K) => string {
	const widths = new Map(keys.map((key) => [key, Math.max(...rows.map((row) => [...row[key]].length))]));
	return (row, key) => row[key] + ' '.repeat(Math.max(0, (widths.get(key) ?? 0) - [...row[key]].length));
}

const attemptTones = {succeeded: 'success', failed: 'error', running: 'running', pending: 'pending', waiting: 'warning'} as const;

/** The timeline: one line per attempt, its text on the left and its bar on the shared time axis on the right. */
export function timelineLines(model: JobDetailModel, width: number, now: number): Line[] {
	const {attempts} = model;
	if (attempts.length === 0) {
		return [];
	}

	const texts = attempts.map((attempt, position) => {
		if (attempt.state === 'waiting') {
			return `  … ${attempt.name} ${attempt.exit} (waited ${attempt.duration})`;
		}

		const label = attempt.index === undefined ? `#${position + 1}` : `[${attempt.index}]`;
		const gap = attempt.gapAfter === undefined ? '' : ` +${attempt.gapAfter}`;
		return `  ${label} ${cut(attempt.name, 28)} ${attempt.duration} ${attempt.exit}${gap}${attempt.deleted ? ' deleted' : ''}`;
	});
	const textWidth = Math.min(Math.max(...texts.map((text) => [...text].length)), Math.floor(width * 0.6));
	const bars = timelineBars(attempts, Math.max(4, width - textWidth - 2), now);
	const from = Math.min(...attempts.map((attempt) => attempt.start));
	const to = Math.max(...attempts.map((attempt) => attempt.end ?? now));
	const tried = attempts.filter((attempt) => attempt.state !== 'waiting').length;
	return [
		{key: 'attempts-title', text: `Attempts (${tried}; axis ${spanText(to - from)})`, bold: true},
		...attempts.map((attempt, position) => ({
			key: `attempt-${attempt.podUid}`,
			text: `${cut(texts[position] ?? '', textWidth).padEnd(textWidth)}  ${bars[position] ?? ''}`,
			tone: attempt.deleted ? 'muted' as const : attemptTones[attempt.state],
		})),
	];
}

function gridLines(model: JobDetailModel, width: number): Line[] {
	const {grid} = model;
	if (grid === undefined) {
		return [];
	}

	const perLine = Math.max(1, width - 2);
	const symbols = grid.cells.map((cell) => cell.symbol);
	const lines: Line[] = [{key: 'grid-title', text: `Completion indexes: ${grid.summary}  (✓ done ● running ✗ failed · pending)`, bold: true}];
	for (let start = 0; start < symbols.length; start += perLine) {
		lines.push({key: `grid-${start}`, text: `  ${symbols.slice(start, start + perLine).join('')}`});
	}

	return lines;
}

/** The job detail's lines above its pods: status, spec, conditions, attempt timeline, completion grid, events. */
export function jobDetailLines(model: JobDetailModel, width: number, now: number): Line[] {
	const owner = model.cronJob ? `  cronjob ${model.cronJob.name}` : '';
	return [
		{key: 'status', text: `${model.namespace}/${model.name}  ${model.status}${owner}${model.deleted ? '  (deleted)' : ''}`, tone: model.tone, bold: true},
		...fieldLines('spec', model.spec, width),
		...conditionLines(model.conditions),
		...timelineLines(model, width, now),
		...gridLines(model, width),
		...warningLines(model.events, width),
		...eventLines(model.events),
	];
}

/** The cron job detail's lines above its jobs: schedule, zone, missed runs, the next runs, policies, events. */
export function cronJobDetailLines(model: CronJobDetailModel, width: number, ledger: readonly Line[] = []): Line[] {
	const runs: Line[] = model.nextRuns.length > 0
		? [{key: 'runs-title', text: 'Next runs', bold: true}, ...model.nextRuns.map((run) => ({key: `run-${run.at}`, text: `  ${run.text}  (${run.countdown})`}))]
		: [{key: 'runs-note', text: `Next runs: ${model.nextRunsNote ?? 'none'}`, tone: 'muted'}];
	return [
		{key: 'title', text: `${model.namespace}/${model.name}${model.deleted ? '  (deleted)' : ''}`, tone: model.tone, bold: true},
		{key: 'schedule', text: `Schedule: ${model.schedule}  Time zone: ${model.timeZone}`},
		...(model.missed === undefined ? [] : [{key: 'missed', text: model.missed, tone: 'warning' as const}]),
		...runs,
		...ledger,
		...fieldLines('fields', model.fields, width),
		...warningLines(model.events, width),
		...eventLines(model.events),
	];
}

/** The pod detail's lines: every column of its row as a field, the pod's reason and message, its containers, then its events. */
export function podDetailLines(model: PodDetailModel, width: number): Line[] {
	const fields = model.columns.filter((column) => column.id !== 'name').map((column) => ({label: column.title, value: model.row.cells[column.id] ?? ''}));
	const status = [...(model.reason ? [{label: 'Reason', value: model.reason}] : []), ...(model.message ? [{label: 'Message', value: model.message}] : [])];
	return [
		{key: 'title', text: `${model.name}${model.deleted ? '  (deleted)' : ''}`, tone: model.row.tone, bold: true},
		...fieldLines('fields', fields, width),
		...fieldLines('status', status, width),
		...containerLines(model.containers),
		...warningLines(model.events, width),
		...eventLines(model.events),
	];
}

/** Each container: name and image, its state in its tone, readiness and restarts, how its last run ended, its message. */
export function containerLines(containers: readonly ContainerSummary[]): Line[] {
	if (containers.length === 0) {
		return [];
	}

	return [
		{key: 'containers-title', text: 'Containers', bold: true},
		...containers.flatMap((container) => {
			const key = `container-${container.init ? 'init-' : ''}${container.name}`;
			const details = [`Ready: ${container.ready}`, `Restarts: ${container.restarts}`, ...(container.lastState ? [`Last: ${container.lastState}`] : [])];
			return [
				{key, text: `  ${container.name}${container.init ? ' (init)' : ''}  ${container.image}`},
				{key: `${key}-state`, text: `    ${container.state}`, tone: container.tone},
				{key: `${key}-details`, text: `    ${details.join('  ')}`, dim: true},
				...(container.message ? [{key: `${key}-message`, text: `    Message: ${container.message}`, tone: container.tone === 'error' ? 'error' as const : 'normal' as const}] : []),
			];
		}),
	];
}
