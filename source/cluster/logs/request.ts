/**
One pods/log request, resolved when the response ends, breaks or is aborted. It goes through kjobs' own request path
(kube-request.ts), not client-node's `Log`: that one cannot be aborted before the server answers (a silent server
kept quitting waiting), and its fetch follows redirects with the token to wherever they point.
*/
import type {KubeConfig} from '@kubernetes/client-node';
import {LineSplitter, type ReceivedLine} from './lines.js';
import {parseStatus} from '../connection/api-failure.js';
import {openRequest} from '../connection/kube-request.js';

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
	// The pane may have closed before this request was made.
	if (registry.closed) {
		return {outcome: 'aborted'};
	}

	const controller = new AbortController();
	const remove = registry.add(() => {
		controller.abort();
	});
	try {
		return await read(kc, options, onLine, controller.signal);
	} finally {
		remove();
	}
}

async function read(kc: KubeConfig, options: LogRequestOptions, onLine: (line: ReceivedLine) => void, signal: AbortSignal): Promise<LogRequestResult> {
	const path = `/api/v1/namespaces/${encodeURIComponent(options.namespace)}/pods/${encodeURIComponent(options.pod)}/log`;
	const query = {
		container: options.container,
		follow: options.follow || undefined,
		previous: options.previous || undefined,
		timestamps: true,
		tailLines: options.tailLines,
		sinceSeconds: options.sinceTime === undefined ? options.sinceSeconds : undefined,
		sinceTime: options.sinceTime === undefined ? undefined : new Date(options.sinceTime).toISOString(),
	};
	let stream: Awaited<ReturnType<typeof openRequest>>;
	try {
		stream = await openRequest(kc, {method: 'GET', path, query, signal});
	} catch (error) {
		if (signal.aborted) {
			return {outcome: 'aborted'};
		}

		return {outcome: 'refused', code: 0, message: error instanceof Error ? error.message.split('\n')[0]! : String(error)};
	}

	if (stream.status !== 200) {
		const chunks: Buffer[] = [];
		try {
			for await (const chunk of stream.response) {
				chunks.push(chunk as Buffer);
			}
		} catch {
			// The refusal is known from the status; a body cut short changes nothing.
		}

		if (signal.aborted) {
			return {outcome: 'aborted'};
		}

		const status = parseStatus(Buffer.concat(chunks).toString('utf8'));
		const code = status?.code ?? stream.status;
		const redirect = stream.status >= 300 && stream.status < 400 ? 'the server redirected the request elsewhere (not followed: it carries the credentials)' : undefined;
		return {outcome: 'refused', code, message: redirect ?? `${code} ${status?.message ?? 'log request refused'}`};
	}

	let aborted = false;
	const splitter = new LineSplitter(line => {
		if (!aborted) {
			onLine(line);
		}
	});
	return new Promise(resolve => {
		const settle = (outcome: 'end' | 'broken' | 'aborted') => {
			signal.removeEventListener('abort', onAbort);
			resolve({outcome});
		};

		const onAbort = () => {
			aborted = true;
			stream.response.destroy();
			settle('aborted');
		};

		if (signal.aborted) {
			onAbort();
			return;
		}

		signal.addEventListener('abort', onAbort, {once: true});
		splitter.on('finish', () => settle(aborted ? 'aborted' : 'end'));
		splitter.on('error', () => settle(aborted ? 'aborted' : 'broken'));
		// The partial line in the splitter is not delivered on a break: the resume fetches it again whole.
		stream.response.on('error', () => settle(aborted ? 'aborted' : 'broken'));
		stream.response.on('aborted', () => settle(aborted ? 'aborted' : 'broken'));
		stream.response.pipe(splitter);
	});
}
