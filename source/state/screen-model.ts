/**
What the current screen shows, computed from the UI state, a snapshot and the time: the one place the app turns
store contents into screen models, so components only draw.
*/
import type {LedgerData} from '../archive/ledger.js';
import type {HistoryData} from '../archive/types.js';
import {ledgerLines} from '../view-model/detail/cron-ledger.js';
import type {StoreView} from '../store/types.js';
import {archivedNote, historyModel, type HistoryModel} from '../view-model/history/history-table.js';
import {type CronJobDetailModel, cronJobDetail} from '../view-model/detail/cronjob-detail.js';
import {type JobDetailModel, jobDetail} from '../view-model/detail/job-detail.js';
import {type PodDetailModel, podDetail} from '../view-model/detail/pod-detail.js';
import type {TableEngine} from '../view-model/table/engine.js';
import type {TableModel} from '../view-model/table/tables.js';
import type {ViewId} from '../view-model/table/types.js';
import {describeTarget, findObject} from '../view-model/describe/object.js';
import {objectYamlLines} from '../view-model/describe/yaml.js';
import {cronJobDetailLines, jobDetailLines, type Line, podDetailLines} from '../view-model/detail/detail-lines.js';
import {helpLines, helpTextLines} from './keys/help-lines.js';
import {longDetailLines, longTextLines} from '../view-model/long-lines.js';
import type {DisabledReasons} from './keys/keymap-help.js';
import type {KeyContext} from './keys/keys.js';
import {currentEntry, keyContext, tableQuery} from './ui-state.js';
import type {Target, UiState} from './types.js';

/** The body of the current screen. */
export type ScreenModel =
	| {readonly kind: 'table'; readonly view: ViewId; readonly table: TableModel}
	| {readonly kind: 'job-detail'; readonly uid: string; readonly model: JobDetailModel | undefined; readonly lines: readonly Line[]}
	| {readonly kind: 'cronjob-detail'; readonly uid: string; readonly model: CronJobDetailModel | undefined; readonly lines: readonly Line[]}
	| {readonly kind: 'pod-detail'; readonly uid: string; readonly model: PodDetailModel | undefined; readonly lines: readonly Line[]}
	| {readonly kind: 'help'; readonly lines: readonly Line[]}
	/** The archive's runs: a table, what it says when empty, and the run files that could not be read. */
	| ({readonly kind: 'history'} & HistoryModel)
	/** Describe or YAML: `lines` is empty and `gone` true once even the tombstone has expired. */
	| {readonly kind: 'text'; readonly view: 'describe' | 'yaml'; readonly title: string; readonly lines: readonly string[]; readonly deleted: boolean; readonly gone: boolean};

/** The screen's body model and the ids of its selectable rows (help: one id per line, for scrolling). */
export type ScreenData = {readonly model: ScreenModel; readonly rowIds: readonly string[]; readonly context: KeyContext};

/** Disabled reasons for help: fixed, or computed for the kind of objects the screen below help shows. */
export type DisabledFor = DisabledReasons | ((kind: 'job' | 'cronjob' | 'pod' | undefined) => DisabledReasons);

/**
Builds the current screen's model for a body `width` cells wide; list tables come from the store's `engine`, the
history and an archived job from `history` (the archive as last read; undefined when it is off).
*/
export function screenData(engine: TableEngine, state: UiState, snapshot: StoreView, now: number, width: number, disabled: DisabledFor = {}, history?: HistoryData, ledgers?: LedgerData): ScreenData {
	const {screen} = currentEntry(state);
	const context = keyContext(state);
	const long = {wrap: state.wrap, shift: state.shift};
	switch (screen.id) {
		case 'jobs':
		case 'cronjobs':
		case 'pods': {
			const table = engine.table(screen.id, snapshot, now, tableQuery(state));
			// The cursor moves over the live rows only; the deleted ones fade below them.
			const rowIds = table.selectable === table.ids.length ? table.ids : table.ids.slice(0, table.selectable);
			return {model: {kind: 'table', view: screen.id, table}, rowIds, context};
		}

		case 'job-detail': {
			const model = jobDetail(snapshot, screen.uid, now);
			const lines = model ? longDetailLines(jobDetailLines(model, width, now), width, long) : [];
			return {model: {kind: 'job-detail', uid: screen.uid, model, lines}, rowIds: selectableIds(model?.pods.rows), context};
		}

		case 'history': {
			const model = historyModel(history, snapshot, now, {filter: state.filter, namespace: state.namespace});
			return {model: {kind: 'history', ...model}, rowIds: model.table.ids, context};
		}

		// An archived job is drawn as a live one is, from the archive's store, under a note saying where it comes from.
		case 'archived-job': {
			const model = history === undefined ? undefined : jobDetail(history.view, screen.uid, now);
			const note: Line = {key: 'archived', text: archivedNote(history?.runs.find((run) => run.uid === screen.uid), snapshot, now), tone: 'warning'};
			const lines = model ? longDetailLines([note, ...jobDetailLines(model, width, now)], width, long) : [];
			return {model: {kind: 'job-detail', uid: screen.uid, model, lines}, rowIds: selectableIds(model?.pods.rows), context};
		}

		case 'cronjob-detail': {
			const model = cronJobDetail(snapshot, screen.uid, now);
			// The run ledger kept across sessions goes after the schedule and before the events.
			const ledger = ledgers?.get(screen.uid);
			const cronJob = snapshot.cronJobs.get(screen.uid);
			const ledgerPart = ledger && cronJob ? ledgerLines(ledger, cronJob, now) : [];
			const lines = model ? longDetailLines(cronJobDetailLines(model, width, ledgerPart), width, long) : [];
			return {model: {kind: 'cronjob-detail', uid: screen.uid, model, lines}, rowIds: selectableIds(model?.jobs.rows), context};
		}

		case 'pod-detail': {
			const model = podDetail(snapshot, screen.uid, now);
			const lines = model ? longDetailLines(podDetailLines(model, width), width, long) : [];
			return {model: {kind: 'pod-detail', uid: screen.uid, model, lines}, rowIds: [], context};
		}

		case 'help': {
			const below = state.stack.at(-2)?.screen.id ?? 'jobs';
			const help = helpLines(below === 'help' ? 'jobs' : below, typeof disabled === 'function' ? disabled(kindOf(below)) : disabled, width);
			// A long disabled reason (an RBAC answer naming the namespace) can be read wrapped (w) or scrolled (← →).
			const lines = longDetailLines(helpTextLines(help), width, long);
			return {model: {kind: 'help', lines}, rowIds: lines.map((_line, index) => String(index)), context};
		}

		case 'describe':
		case 'yaml': {
			const text = textModel(screen.id, snapshot, screen.target, now);
			const model = {...text, lines: longTextLines(text.lines, width, long)};
			return {model, rowIds: model.lines.map((_line, index) => String(index)), context};
		}
	}
}

const kindOfScreen: Record<string, 'job' | 'cronjob' | 'pod' | undefined> = {
	jobs: 'job', 'job-detail': 'job', cronjobs: 'cronjob', 'cronjob-detail': 'cronjob', pods: 'pod', 'pod-detail': 'pod',
};

function kindOf(id: string): 'job' | 'cronjob' | 'pod' | undefined {
	return kindOfScreen[id];
}

const typeMeta = {
	job: {apiVersion: 'batch/v1', kind: 'Job'},
	cronjob: {apiVersion: 'batch/v1', kind: 'CronJob'},
	pod: {apiVersion: 'v1', kind: 'Pod'},
} as const;

const kindWords = {job: 'job', cronjob: 'cron job', pod: 'pod'} as const;

/** The describe or YAML screen of a target in the live snapshot (its tombstone once deleted). */
export function textModel(view: 'describe' | 'yaml', snapshot: StoreView, target: Target, now: number): ScreenModel & {kind: 'text'} {
	if (view === 'describe') {
		const description = describeTarget(snapshot, target, now);
		return description
			// A multi-line value (an annotation holding a script) continues on lines of its own, never inside one row.
			? {kind: 'text', view, title: `Describe ${description.title}`, lines: description.lines.flatMap((line) => line.split('\n')), deleted: description.deleted, gone: false}
			: {kind: 'text', view, title: `Describe ${kindWords[target.kind]}`, lines: [], deleted: true, gone: true};
	}

	const found = findObject(snapshot, target);
	if (!found) {
		return {kind: 'text', view, title: `YAML ${kindWords[target.kind]}`, lines: [], deleted: true, gone: true};
	}

	const {metadata} = found.object;
	const title = `YAML ${kindWords[target.kind]} ${metadata.namespace ?? ''}/${metadata.name ?? ''}`;
	return {kind: 'text', view, title, lines: objectYamlLines(found.object, typeMeta[target.kind]), deleted: found.deleted, gone: false};
}

const titles: Record<string, string> = {jobs: 'Jobs', cronjobs: 'CronJobs', pods: 'Pods', help: 'Help', history: 'History'};
const kinds: Record<string, string> = {'job-detail': 'job', 'cronjob-detail': 'cronjob', 'pod-detail': 'pod'};

/** Where the user is, e.g. `CronJobs › cronjob nightly › job nightly-29012 › pod nightly-29012-x7k2q`. */
export function breadcrumb(state: UiState, snapshot: StoreView, history?: HistoryData): string {
	return state.stack.map(({screen}) => {
		if (screen.id === 'archived-job') {
			const run = history?.runs.find((candidate) => candidate.uid === screen.uid);
			return `archived job ${run === undefined ? screen.uid : `${run.namespace}/${run.name}`}`;
		}

		if (screen.id === 'job-detail' || screen.id === 'cronjob-detail' || screen.id === 'pod-detail') {
			const object = snapshot.jobs.get(screen.uid) ?? snapshot.cronJobs.get(screen.uid) ?? snapshot.pods.get(screen.uid)
				?? snapshot.deleted.get(screen.uid)?.object;
			return `${kinds[screen.id] ?? ''} ${object?.metadata.name ?? screen.uid}`;
		}

		if (screen.id === 'describe' || screen.id === 'yaml') {
			const object = findObject(snapshot, screen.target)?.object;
			return `${screen.id} ${kindWords[screen.target.kind]} ${object?.metadata.name ?? screen.target.uid}`;
		}

		return titles[screen.id] ?? screen.id;
	}).join(' › ');
}

// A detail table's rows the cursor can land on: the live ones (listed before the deleted ones, which it passes by).
function selectableIds(rows: ReadonlyArray<{readonly id: string; readonly deleted?: boolean}> | undefined): string[] {
	return (rows ?? []).filter((row) => row.deleted !== true).map((row) => row.id);
}
