/**
The raw floor: every job, cron job and pod listed in pages of 500 over plain HTTP with JSON.parse and nothing else
(no client-node model classes, no UI). Usage: node floor-raw.mjs URL. Prints one JSON line like floor.mjs.
*/
import http from 'node:http';

const base = process.argv[2] ?? '';
const agent = new http.Agent({keepAlive: true});
/** @type {number | undefined} */
let firstPage;

/** GETs a URL and parses the JSON body. @param {string} url @returns {Promise<{items: unknown[], metadata?: {continue?: string}}>} */
async function get(url) {
	return new Promise((resolve, reject) => {
		http.get(url, {agent}, response => {
			/** @type {Buffer[]} */
			const chunks = [];
			response.on('data', chunk => chunks.push(chunk));
			response.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
			response.on('error', reject);
		}).on('error', reject);
	});
}

/** Lists every page of a collection; returns the item count. @param {string} path */
async function all(path) {
	let count = 0;
	/** @type {string | undefined} */
	let next;
	do {
		const page = await get(`${base}${path}?limit=500${next ? `&continue=${encodeURIComponent(next)}` : ''}`);
		firstPage ??= performance.now();
		count += page.items.length;
		next = page.metadata?.continue || undefined;
	} while (next);
	return count;
}

const [jobs, cronJobs, pods] = await Promise.all([all('/apis/batch/v1/jobs'), all('/apis/batch/v1/cronjobs'), all('/api/v1/pods')]);
agent.destroy();
process.stdout.write(`${JSON.stringify({jobs, cronJobs, pods, firstPageMs: Math.round(firstPage ?? 0), doneMs: Math.round(performance.now())})}\n`);
