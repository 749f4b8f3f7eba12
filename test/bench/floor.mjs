/**
The floor: a bare client-node list of every job, cron job and pod in pages of 500 (as kjobs lists), no UI. Prints
one JSON line: item counts, the first page's arrival and the total, in ms since the process started.
*/
import {BatchV1Api, CoreV1Api, KubeConfig} from '@kubernetes/client-node';

const kc = new KubeConfig();
kc.loadFromFile(process.argv[2] ?? '');
const batch = kc.makeApiClient(BatchV1Api);
const core = kc.makeApiClient(CoreV1Api);
/** @type {number | undefined} */
let firstPage;

/** Lists every page; returns the item count. @param {(next: string | undefined) => Promise<{items: unknown[], metadata?: {_continue?: string}}>} list */
async function all(list) {
	let count = 0;
	/** @type {string | undefined} */
	let next;
	do {
		const page = await list(next);
		firstPage ??= performance.now();
		count += page.items.length;
		next = page.metadata?._continue || undefined;
	} while (next);
	return count;
}

const [jobs, cronJobs, pods] = await Promise.all([
	all(async next => batch.listJobForAllNamespaces({limit: 500, _continue: next})),
	all(async next => batch.listCronJobForAllNamespaces({limit: 500, _continue: next})),
	all(async next => core.listPodForAllNamespaces({limit: 500, _continue: next})),
]);
process.stdout.write(`${JSON.stringify({jobs, cronJobs, pods, firstPageMs: Math.round(firstPage ?? 0), doneMs: Math.round(performance.now())})}\n`);
