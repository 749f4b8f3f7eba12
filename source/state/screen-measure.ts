/**
The numbers a screen's keys and layout need from its model: the table's height, how far PgUp/PgDn move, and how many
info lines a detail screen has and shows.
*/
import {detailTableHeight, type Layout} from './layout.js';
import type {ScreenData} from './screen-model.js';

/** How a screen measures up in the body. */
export type ScreenMeasure = {
	readonly tableHeight: number;
	readonly page: number;
	readonly info: {readonly lines: number; readonly height: number} | undefined;
};

/** The table's height and the paging numbers of a screen: PgUp/PgDn move by `page`; `info` counts a detail's lines. */
export function measure(data: ScreenData, layout: Layout): ScreenMeasure {
	const bodyHeight = layout.tooSmall ? 0 : layout.bodyHeight;
	const isDetail = data.model.kind === 'job-detail' || data.model.kind === 'cronjob-detail';
	// A detail table is as tall as its rows, the deleted ones included (they are drawn, only not selectable).
	const drawn = data.model.kind === 'job-detail' ? data.model.model?.pods.rows.length : data.model.kind === 'cronjob-detail' ? data.model.model?.jobs.rows.length : 0;
	// The history gives a line to the run files it could not read, when there are any.
	const problemLine = data.model.kind === 'history' && data.model.problems !== '' ? 1 : 0;
	const tableHeight = isDetail ? detailTableHeight(bodyHeight, drawn ?? 0) : bodyHeight - problemLine;
	// Describe and YAML give their first line to a title.
	const page = data.model.kind === 'help' ? bodyHeight : (data.model.kind === 'text' ? Math.max(1, bodyHeight - 1) : Math.max(1, tableHeight - 1));
	// The info lines above a detail screen's table (a pod's screen is all info).
	const info = data.model.kind === 'job-detail' || data.model.kind === 'cronjob-detail' || data.model.kind === 'pod-detail'
		? {lines: data.model.lines.length, height: data.model.kind === 'pod-detail' ? bodyHeight : Math.max(0, bodyHeight - tableHeight - 1)}
		: undefined;
	return {tableHeight, page, info};
}
