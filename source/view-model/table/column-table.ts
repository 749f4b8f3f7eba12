/**
The readme's column table, generated from the column specs (the same texts help shows), so it cannot drift from them.
*/
import {columnSpecs} from './tables.js';
import type {ViewId} from './types.js';

const viewTitles: Record<ViewId, string> = {jobs: 'Jobs', cronjobs: 'CronJobs', pods: 'Pods'};

/** One Markdown table per view: each column's title and what it shows. */
export function columnsMarkdownTable(): string {
	const sections: string[] = [];
	for (const view of ['jobs', 'cronjobs', 'pods'] as const) {
		const lines = [`| ${viewTitles[view]} column | Shows |`, '| --- | --- |'];
		for (const spec of columnSpecs(view, true)) {
			lines.push(`| ${spec.title} | ${spec.help.replaceAll('|', '\\|')} |`);
		}

		sections.push(lines.join('\n'));
	}

	return sections.join('\n\n');
}
