/**
Fault injection: with the configured rates, a list or watch request is answered with an error, throttled, slowed,
dropped, stalled, expired or makes the whole server restart, and a watch event drops, truncates, stalls or expires
its stream. Everything comes from one seeded random source, so a run is reproducible.
*/
import type {IncomingMessage, ServerResponse} from 'node:http';
import type {FaultName, FaultRates} from './spec.js';
import {faultNames} from './spec.js';
import {parseResourcePath} from '../api/resources.js';
import {statusOf} from '../api/status.js';
import type {SimClock} from '../clock.js';
import {SimError} from '../store.js';

export {chaosRates, faultNames, parseFaults, type FaultName, type FaultRates} from './spec.js';

/** How many of each fault were injected. */
export type FaultCounts = Record<FaultName, number>;

/** What the injector needs from the simulator. */
export type FaultHooks = {
	/** Restarts the server (keeping its objects or losing them). */
	restart(keepState: boolean): Promise<void>;
	/** Longest delay of a slow response, ms of simulated time; default 300. */
	slowMs?: number;
	/** The simulator's clock, on which slow responses wait. */
	clock: SimClock;
};

const isWatch = (url: URL) => ['true', '1'].includes(url.searchParams.get('watch') ?? '');

function sendStatus(res: ServerResponse, error: SimError, headers: Record<string, string> = {}): void {
	const text = JSON.stringify(statusOf(error));
	res.writeHead(error.code, {'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(text)), ...headers});
	res.end(text);
}

/** Decides, request by request and event by event, whether something goes wrong. */
export class FaultInjector {
	readonly counts: FaultCounts = Object.fromEntries(faultNames.map(name => [name, 0])) as FaultCounts;
	#rates: FaultRates = {};
	readonly #quiet = new WeakSet<ServerResponse>();
	#restarting = false;

	constructor(readonly random: () => number, readonly hooks: FaultHooks) {}

	/** Replaces the rates; `{}` stops every fault (streams already stalled stay stalled until the client gives up). */
	set(rates: FaultRates): void {
		this.#rates = {...rates};
	}

	/** Total faults injected so far. */
	get total(): number {
		return Object.values(this.counts).reduce((sum, count) => sum + count, 0);
	}

	/** Before a request is served: true when a fault answered it (or took its connection). */
	async beforeRequest(req: IncomingMessage, url: URL, res: ServerResponse): Promise<boolean> {
		// Only lists and watches: writes failing at random would test the actions, not the store's truth.
		const route = req.method === 'GET' ? parseResourcePath(url.pathname.replace(/\/+$/, '')) : undefined;
		if (!route || route.name !== undefined || route.subresource !== undefined) {
			return false;
		}

		if (!this.#restarting && this.#roll('restart')) {
			this.#restarting = true;
			const keepState = this.random() < 0.5;
			setImmediate(() => {
				void this.hooks.restart(keepState).catch(() => undefined).finally(() => {
					this.#restarting = false;
				});
			});
		}

		if (this.#roll('slow')) {
			await new Promise<void>(resolve => {
				this.hooks.clock.setTimer(resolve, Math.floor(this.random() * (this.hooks.slowMs ?? 300)));
			});
			if (res.destroyed || res.headersSent) {
				return true;
			}
		}

		if (this.#roll('drop')) {
			req.socket.destroy();
			return true;
		}

		if (this.#roll('error')) {
			const unavailable = this.random() < 0.5;
			sendStatus(res, unavailable ? new SimError(503, 'ServiceUnavailable', 'the server is currently unable to handle the request') : new SimError(500, 'InternalError', 'Internal error occurred: injected fault'));
			return true;
		}

		if (this.#roll('throttle')) {
			sendStatus(res, new SimError(429, 'TooManyRequests', 'the server has received too many requests and has asked us to try again later', {retryAfterSeconds: 1}), {'Retry-After': '1'});
			return true;
		}

		if (!isWatch(url)) {
			return false;
		}

		const resourceVersion = url.searchParams.get('resourceVersion') ?? '';
		if (resourceVersion !== '' && resourceVersion !== '0' && this.#roll('expire')) {
			res.writeHead(200, {'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked'});
			const status = statusOf(new SimError(410, 'Expired', `too old resource version: ${resourceVersion}`));
			res.end(`${JSON.stringify({type: 'ERROR', object: status})}\n`);
			return true;
		}

		if (this.#roll('stall')) {
			// Headers, then silence: only the client's own stall detection gets it out of here.
			res.writeHead(200, {'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked'});
			res.flushHeaders();
			return true;
		}

		return false;
	}

	/** Before a watch event line is written: true when a fault took the stream instead. `expire` ends it with a 410. */
	onWatchLine(res: ServerResponse, line: string, expire: () => void): boolean {
		if (this.#quiet.has(res)) {
			return true;
		}

		if (this.#roll('drop')) {
			this.#quiet.add(res);
			res.socket?.destroy();
			res.destroy();
			return true;
		}

		if (this.#roll('truncate')) {
			// Half a line reaches the client, then the connection breaks.
			this.#quiet.add(res);
			res.write(line.slice(0, Math.max(1, Math.floor(line.length / 2))), () => {
				res.socket?.destroy();
			});
			return true;
		}

		if (this.#roll('expire')) {
			this.#quiet.add(res);
			expire();
			return true;
		}

		if (this.#roll('stall')) {
			this.#quiet.add(res);
			return true;
		}

		return false;
	}

	#roll(name: FaultName): boolean {
		const rate = this.#rates[name] ?? 0;
		if (rate > 0 && this.random() < rate) {
			this.counts[name]++;
			return true;
		}

		return false;
	}
}
