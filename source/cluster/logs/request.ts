/**
One pods/log request through client-node's `Log` class, resolved when the response ends, breaks or is aborted.
`Log.log` pipes the response body into our Writable but does not forward body errors, so the splitter listens for the
`pipe` event to learn the body stream and watch it for errors (a broken connection) as well as for its end.
*/
import type {KubeConfig} from '@kubernetes/client-node';
import {Log} from '@kubernetes/client-node';
import {LineSplitter, type ReceivedLine} from './lines.js';

/** What to ask the API for. `timestamps` is always on. */
export type LogRequestOptions = {
	readonly namespace: string;
	readonly pod: string;
	readonly container: string;
	readonly follow: boolean;
	readonly previous?: boolean;
	readonly tailLines?: number;
	readonly sinceSeconds?: number;
	/** Epoch ms; sent as RFC 3339 with milliseconds. */
	readonly sinceTime?: number;
};

/** How a request ended: `end` = the server finished the response; `broken` = the connection failed mid-stream. */
export type LogRequestResult =
	| {readonly outcome: 'end' | 'broken' | 'aborted'}
	| {readonly outcome: 'refused'; readonly code: number; readonly message: string};

/** Lets the owner abort a request in flight. */
export type AbortRegistry = {add(abort: () => void): () => void; readonly closed: boolean};

/** Runs one request, handing each line to `onLine`; never rejects. */
export async function requestLog(kc: KubeConfig, options: LogRequestOptions, onLine: (line: ReceivedLine) => void, registry: AbortRegistry): Promise<LogRequestResult> {
	let settle: (outcome: 'end' | 'broken' | 'aborted') => void = () => {};
	const finished = new Promise<'end' | 'broken' | 'aborted'>(resolve => {
		settle = resolve;
	});
	let aborted = false;
	const splitter = new LineSplitter(line => {
		if (!aborted) {
			onLine(line);
		}
	});
	splitter.on('finish', () => settle(aborted ? 'aborted' : 'end'));
	splitter.on('error', () => settle(aborted ? 'aborted' : 'broken'));
	splitter.on('pipe', (source: NodeJS.ReadableStream) => {
		source.on('error', () => {
			// The partial line in the splitter is not delivered: the resume fetches it again whole.
			settle(aborted ? 'aborted' : 'broken');
		});
	});

	let controller: AbortController;
	try {
		controller = await new Log(kc).log(options.namespace, options.pod, options.container, splitter, {
			follow: options.follow,
			previous: options.previous ?? false,
			timestamps: true,
			tailLines: options.tailLines,
			sinceSeconds: options.sinceTime === undefined ? options.sinceSeconds : undefined,
			sinceTime: options.sinceTime === undefined ? undefined : new Date(options.sinceTime).toISOString(),
		});
	} catch (error) {
		const code = typeof (error as {code?: unknown}).code === 'number' ? (error as {code: number}).code : 0;
		return {outcome: 'refused', code, message: error instanceof Error ? error.message : String(error)};
	}

	const abort = () => {
		aborted = true;
		controller.abort();
		settle('aborted');
	};

	// The pane may have closed while the request was being made.
	if (registry.closed) {
		abort();
		return {outcome: 'aborted'};
	}

	const remove = registry.add(abort);
	const outcome = await finished;
	remove();
	return {outcome};
}
