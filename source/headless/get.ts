/**
`kjobs get jobs|cronjobs|pods [NAME]`: the screen's table, printed once. The same watchers fill the same store, the
same table engine builds the same rows (STATUS with its reason, the RETRY, DEADLINE, TTL and NEXT countdowns), and the
table is fitted to the width the way the screen fits it; `-o json` prints the computed fields instead
(view-model/json). Exit 0 when printed (an empty list too, with kubectl's note on stderr), 1 on any error.
*/
import {connectError, connectWith} from '../cli/connect.js';
import {connectionFlags, generalFlags, getFlags} from '../cli/flags.js';
import {helpText} from '../cli/help.js';
import type {WatchKind} from '../store/types.js';
import {listJson} from '../view-model/json/objects-json.js';
import {parseLabelSelector} from '../kube/labels/parser.js';
import {matchesLabelSelector} from '../kube/labels/selector.js';
import {createTableEngine} from '../view-model/table/engine.js';
import {allRows, columnSpecs} from '../view-model/table/tables.js';
import type {ViewId} from '../view-model/table/types.js';
import {printable} from '../view-model/printable.js';
import {parseArgs} from './args.js';
import {type HeadlessIo, outputWidth, useColour} from './io.js';
import {tableLines} from './table-text.js';
import {listed, startWatch} from './watch.js';

const specs = {...connectionFlags, ...getFlags, ...generalFlags};

type GetFlags = {
	kubeconfig?: string;
	context?: string;
	namespace?: string;
	allNamespaces: boolean;
	selector?: string;
	readonly: boolean;
	color: boolean;
	output: 'table' | 'wide' | 'json';
	help: boolean;
};

/** The resource names `kjobs get` takes, as kubectl spells them, and the view each one lists. */
export const resourceNames: Readonly<Record<string, ViewId>> = {
	job: 'jobs', jobs: 'jobs', 'job.batch': 'jobs', 'jobs.batch': 'jobs',
	cronjob: 'cronjobs', cronjobs: 'cronjobs', cj: 'cronjobs', 'cronjob.batch': 'cronjobs', 'cronjobs.batch': 'cronjobs',
	pod: 'pods', pods: 'pods', po: 'pods',
};

// What each view reads: a job's status needs its pods (backoff, attempts), a cron job's its jobs, a pod's row its job.
const kindsOf: Readonly<Record<ViewId, readonly WatchKind[]>> = {jobs: ['jobs', 'pods'], cronjobs: ['cronjobs', 'jobs'], pods: ['pods', 'jobs']};
const singular: Readonly<Record<ViewId, string>> = {jobs: 'job', cronjobs: 'cron job', pods: 'pod'};

/** Runs `kjobs get` with the arguments after `get`; resolves to the exit code. */
export async function runGet(argv: readonly string[], io: HeadlessIo): Promise<number> {
	const parsed = parseArgs<GetFlags>(argv, specs, helpText);
	if (!parsed.ok) {
		io.stderr(`kjobs get: ${parsed.error}\n`);
		return 1;
	}

	const {flags, input} = parsed;
	if (flags.help) {
		io.stdout(`${parsed.help}\n`);
		return 0;
	}

	const [resource, name, ...extra] = input;
	const view = resource === undefined ? undefined : resourceNames[resource];
	if (view === undefined || extra.length > 0) {
		io.stderr(`kjobs get: ${resource === undefined ? 'say what to list' : (view === undefined ? `unknown resource "${printable(resource)}"` : 'one NAME at most')}: kjobs get jobs|cronjobs|pods [NAME] [-n NS | -A] [-l SELECTOR] [-o table|wide|json]\n`);
		return 1;
	}

	if (name !== undefined && flags.allNamespaces) {
		io.stderr('kjobs get: a NAME cannot be looked up across all namespaces: give -n NAMESPACE instead of -A\n');
		return 1;
	}

	let connection;
	try {
		connection = connectWith(flags, io.env, io.homeDir);
	} catch (error) {
		io.stderr(connectError(error));
		return 1;
	}

	const kinds = kindsOf[view];
	// kubectl get pods -l picks pods by their own labels (below); for jobs and cron jobs -l selects as on the screen.
	const selector = view === 'pods' ? undefined : flags.selector;
	const watch = startWatch({connection, clock: io.clock, kinds, readOnly: true, ...(selector === undefined ? {} : {labelSelector: selector})});
	try {
		const problem = await listed(watch, kinds);
		if (problem !== undefined) {
			io.stderr(`kjobs: ${printable(problem)}\n`);
			return 1;
		}

		const now = io.clock.now();
		const snapshot = watch.snapshot();
		const allNamespaces = connection.namespace === undefined;
		const model = createTableEngine().table(view, snapshot, now, {filter: '', sort: 'name', hideCompleted: false, allNamespaces});
		let rows = allRows(model.rows);
		if (view === 'pods' && flags.selector !== undefined) {
			// The screen selects pods through their jobs; kubectl get pods -l picks pods by their own labels.
			const requirements = parseLabelSelector(flags.selector);
			rows = rows.filter(row => matchesLabelSelector(snapshot.pods.get(row.id)?.metadata.labels, requirements));
		}

		if (name !== undefined) {
			rows = rows.filter(row => row.cells['name'] === name);
			if (rows.length === 0) {
				io.stderr(`kjobs: ${singular[view]} "${printable(name)}" not found in namespace "${printable(connection.namespace ?? '')}"\n`);
				return 1;
			}
		}

		if (flags.output === 'json') {
			io.stdout(`${JSON.stringify(listJson(view, rows.map(row => row.id), snapshot, now), null, 2)}\n`);
			return 0;
		}

		if (rows.length === 0) {
			io.stderr(allNamespaces ? 'No resources found\n' : `No resources found in ${printable(connection.namespace ?? '')} namespace.\n`);
			return 0;
		}

		// The screen marks the sorted column (NAME ▲); kubectl get marks nothing, and scripts read the header.
		const titles = new Map(columnSpecs(view, allNamespaces).map(spec => [spec.id, spec.title]));
		const columns = model.columns.map(column => ({...column, title: titles.get(column.id) ?? column.title}));
		const lines = tableLines(columns, rows, {width: outputWidth(io), wide: flags.output === 'wide', colour: useColour(io, flags.color)});
		io.stdout(`${lines.join('\n')}\n`);
		return 0;
	} finally {
		await watch.stop();
	}
}
