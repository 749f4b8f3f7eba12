/**
Building blocks of the `d` description (kubectl describe style): aligned fields, label maps, containers with their
environment shown as references only, conditions and events. Pure: every time is relative to the `now` passed in.
*/
import {translateTimestampSince} from '../../kube/duration.js';
import {formatEventSource} from '../../kube/printers/event.js';
import type {Container, EnvVarSource, KubeEvent, OwnerReference, PodTemplateSpec, StringMap} from '../../kube/types.js';
import {eventTime} from '../lookups.js';

/** One field: a label and one value, or several values on lines of their own. */
export type Field = readonly [label: string, value: string | readonly string[]];

/** `label:  value` lines with the values aligned one column past the widest label, continuation lines aligned too. */
export function fieldLines(fields: readonly Field[], indent = ''): string[] {
	const width = Math.max(0, ...fields.map(([label]) => label.length + 1)) + 2;
	const lines: string[] = [];
	for (const [label, value] of fields) {
		const values = typeof value === 'string' ? [value] : (value.length > 0 ? value : ['<none>']);
		values.forEach((text, index) => {
			const head = index === 0 ? `${label}:` : '';
			lines.push(`${indent}${head.padEnd(width)}${text}`.trimEnd());
		});
	}

	return lines;
}

/** A label or annotation map as `key=value` lines, sorted; `<none>` when empty. */
export function mapLines(map: StringMap | undefined): string[] {
	const entries = Object.entries(map ?? {}).sort(([a], [b]) => a.localeCompare(b));
	return entries.length === 0 ? ['<none>'] : entries.map(([key, value]) => `${key}=${value}`);
}

/** An RFC 3339 time with its age, e.g. `2026-01-01T00:00:00Z (5m ago)`; `<none>` when unset. */
export function timeWithAge(ts: string | null | undefined, now: number): string {
	return ts ? `${ts} (${translateTimestampSince(ts, now)} ago)` : '<none>';
}

/** kubectl's "Controlled By" value, e.g. `CronJob/nightly`. */
export function controlledBy(owners: readonly OwnerReference[] | undefined): string | undefined {
	const owner = owners?.find(candidate => candidate.controller === true);
	return owner ? `${owner.kind}/${owner.name}` : undefined;
}

/**
Where an environment value comes from, as a reference only: kjobs never reads Secret or ConfigMap objects, and a
description must not be a way to leak what they hold.
*/
export function envSourceText(source: EnvVarSource): string {
	if (source.secretKeyRef) {
		return `secretKeyRef ${source.secretKeyRef.name}/${source.secretKeyRef.key}${source.secretKeyRef.optional ? ' (optional)' : ''}`;
	}

	if (source.configMapKeyRef) {
		return `configMapKeyRef ${source.configMapKeyRef.name}/${source.configMapKeyRef.key}${source.configMapKeyRef.optional ? ' (optional)' : ''}`;
	}

	if (source.fieldRef) {
		return `fieldRef ${source.fieldRef.fieldPath}`;
	}

	if (source.resourceFieldRef) {
		return `resourceFieldRef ${source.resourceFieldRef.resource}${source.resourceFieldRef.containerName ? ` (${source.resourceFieldRef.containerName})` : ''}`;
	}

	return '<unknown source>';
}

/** A container's environment: literal values as written in the spec, everything else as a reference. */
export function envLines(container: Container, indent = ''): string[] {
	const fields: Field[] = (container.env ?? []).map(variable => [variable.name, variable.valueFrom ? envSourceText(variable.valueFrom) : (variable.value ?? '')]);
	const lines = fieldLines(fields, indent);
	for (const from of container.envFrom ?? []) {
		const prefix = from.prefix ? ` (prefix ${from.prefix})` : '';
		if (from.secretRef) {
			lines.push(`${indent}all keys of secretRef ${from.secretRef.name}${prefix}`);
		}

		if (from.configMapRef) {
			lines.push(`${indent}all keys of configMapRef ${from.configMapRef.name}${prefix}`);
		}
	}

	return lines;
}

/** Command or args as lines: one per element, multi-line elements (shell scripts) split, blank tails dropped. */
function argumentLines(values: readonly string[]): string[] {
	return values.flatMap(value => value.replace(/\n+$/, '').split('\n'));
}

/** The lines for one container: image, command, args, the `extra` fields the caller adds, then the environment. */
export function containerLines(container: Container, extra: readonly Field[] = [], indent = '  '): string[] {
	const fields: Field[] = [['Image', container.image ?? '<none>']];
	if (container.command) {
		fields.push(['Command', argumentLines(container.command)]);
	}

	if (container.args) {
		fields.push(['Args', argumentLines(container.args)]);
	}

	fields.push(...extra);
	const env = envLines(container, `${indent}    `);
	return [
		`${indent}${container.name}:`,
		...fieldLines(fields, `${indent}  `),
		...(env.length > 0 ? [`${indent}  Environment:`, ...env] : [`${indent}  Environment:  <none>`]),
	];
}

/** A pod template: its labels and annotations, then each init container and container. */
export function templateLines(template: PodTemplateSpec): string[] {
	const lines = ['Pod Template:', ...fieldLines([['Labels', mapLines(template.metadata?.labels)], ['Annotations', mapLines(template.metadata?.annotations)]], '  ')];
	if (template.spec.serviceAccountName) {
		lines.push(...fieldLines([['Service Account', template.spec.serviceAccountName]], '  '));
	}

	if ((template.spec.initContainers ?? []).length > 0) {
		lines.push('  Init Containers:', ...(template.spec.initContainers ?? []).flatMap(container => containerLines(container, [], '   ')));
	}

	lines.push('  Containers:', ...template.spec.containers.flatMap(container => containerLines(container, [], '   ')));
	return lines;
}

function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>, indent = '  '): string[] {
	const widths = header.map((title, column) => Math.max(title.length, ...rows.map(row => (row[column] ?? '').length)));
	const line = (cells: readonly string[]) => `${indent}${cells.map((cell, column) => column === cells.length - 1 ? cell : cell.padEnd((widths[column] ?? 0) + 2)).join('')}`.trimEnd();
	return [line(header), line(header.map(title => '-'.repeat(title.length))), ...rows.map(row => line(row))];
}

/** Conditions as a table; `<none>` when there are none. */
export function conditionTable(conditions: ReadonlyArray<{type: string; status: string; reason?: string; message?: string; lastTransitionTime?: string | null}> | undefined, now: number): string[] {
	if (!conditions || conditions.length === 0) {
		return ['Conditions:  <none>'];
	}

	return ['Conditions:', ...table(['Type', 'Status', 'Reason', 'Age', 'Message'], conditions.map(condition => [
		condition.type, condition.status, condition.reason ?? '', condition.lastTransitionTime ? translateTimestampSince(condition.lastTransitionTime, now) : '', condition.message ?? '',
	]))];
}

/** Events as kubectl describe shows them (oldest first), or `Events:  <none>`. */
export function eventTable(events: readonly KubeEvent[], now: number): string[] {
	if (events.length === 0) {
		return ['Events:  <none>'];
	}

	const rows = [...events].sort((a, b) => (eventTime(a) ?? 0) - (eventTime(b) ?? 0)).map(event => {
		const time = eventTime(event);
		const age = time === undefined ? '<unknown>' : translateTimestampSince(new Date(time).toISOString(), now);
		const count = event.count ?? event.series?.count ?? 1;
		return [event.type ?? '', event.reason ?? '', count > 1 ? `${age} (x${count})` : age, formatEventSource(event), (event.message ?? '').trim()];
	});
	return ['Events:', ...table(['Type', 'Reason', 'Age', 'From', 'Message'], rows)];
}
