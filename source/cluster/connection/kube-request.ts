/**
Raw HTTP to the API server through client-node's KubeConfig: it supplies the agent (CA, client certificate,
insecure-skip-tls-verify, proxy) and the headers (token, exec plugin, basic auth); this module only sends.
Raw responses keep the wire shape (ISO timestamps), the status, the Retry-After header and the error body.
Redirects are never followed: the request carries the token, and an API server has no reason to send it elsewhere.
*/
import http, {type IncomingHttpHeaders, type IncomingMessage} from 'node:http';
import https from 'node:https';
import type {KubeConfig} from '@kubernetes/client-node';

/** One request to the API server. */
export type KubeRequest = {
	method: string;
	path: string;
	query?: Record<string, string | number | boolean | undefined>;
	body?: unknown;
	signal?: AbortSignal;
};

/** A response whose body has not been read yet. */
export type KubeStream = {status: number; headers: IncomingHttpHeaders; response: IncomingMessage};

/** A response with its body read as text. */
export type KubeResponse = {status: number; headers: IncomingHttpHeaders; body: string};

/** The full URL of `path` with `query` on the current context's server. */
export function requestUrl(kc: KubeConfig, path: string, query: KubeRequest['query'] = {}): URL {
	const cluster = kc.getCurrentCluster();
	if (!cluster) {
		throw new Error('no current cluster');
	}

	const url = new URL(cluster.server.replace(/\/+$/, '') + path);
	for (const [key, value] of Object.entries(query)) {
		if (value !== undefined) {
			url.searchParams.set(key, String(value));
		}
	}

	return url;
}

/** Getting credentials for a request failed (client-node's exec plugin, token file or certificate loading). */
export class CredentialError extends Error {
	override readonly name = 'CredentialError';
}

// Who hears that the server rejected the credentials a configuration's requests carry (kubeconfig.ts registers its
// exec plugins): weakly keyed, so a connection given up goes with its configuration.
const rejectionListeners = new WeakMap<KubeConfig, (authorization: string | undefined) => void>();

/** Calls `listener` with the Authorization header sent whenever a request made through `kc` is answered with 401. */
export function onCredentialsRejected(kc: KubeConfig, listener: (authorization: string | undefined) => void): void {
	rejectionListeners.set(kc, listener);
}

/** Sends a request and resolves with the status and the unread response stream. */
export async function openRequest(kc: KubeConfig, request: KubeRequest): Promise<KubeStream> {
	const url = requestUrl(kc, request.path, request.query);
	let fetchOptions: Awaited<ReturnType<KubeConfig['applyToFetchOptions']>>;
	try {
		// An exec plugin may take its time (a browser login): stop waiting for it when the request is aborted.
		fetchOptions = await untilAborted(kc.applyToFetchOptions({}), request.signal);
	} catch (error) {
		if (request.signal?.aborted) {
			throw error;
		}

		// An exec plugin that fails, an unreadable client key or token file: a credentials problem, not a network one.
		throw new CredentialError(error instanceof Error ? error.message : String(error));
	}

	const headers: Record<string, string> = {accept: 'application/json'};
	(fetchOptions.headers as unknown as {forEach(callback: (value: string, key: string) => void): void}).forEach((value, key) => {
		headers[key] = value;
	});
	let payload: string | undefined;
	if (request.body !== undefined) {
		payload = JSON.stringify(request.body);
		headers['content-type'] ??= request.method === 'PATCH' ? 'application/merge-patch+json' : 'application/json';
	}

	const transport = url.protocol === 'https:' ? https : http;
	return new Promise<KubeStream>((resolve, reject) => {
		const outgoing = transport.request(url, {method: request.method, headers, agent: fetchOptions.agent as http.Agent | undefined, signal: request.signal}, response => {
			if (response.statusCode === 401) {
				rejectionListeners.get(kc)?.(headers['authorization']);
			}

			resolve({status: response.statusCode ?? 0, headers: response.headers, response});
		});
		outgoing.on('error', reject);
		// TCP keepalive probes, as client-node's Watch sets them, so the OS notices a dead peer on an idle watch.
		outgoing.on('socket', socket => {
			socket.setKeepAlive(true, 30_000);
		});
		outgoing.end(payload);
	});
}

/** `promise`, or a rejection with an AbortError as soon as `signal` aborts. */
export async function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
	if (!signal) {
		return promise;
	}

	signal.throwIfAborted();
	let onAbort = () => {};
	const aborted = new Promise<never>((_resolve, reject) => {
		onAbort = () => {
			reject(signal.reason instanceof Error ? signal.reason : new DOMException('aborted', 'AbortError'));
		};

		signal.addEventListener('abort', onAbort, {once: true});
	});
	try {
		return await Promise.race([promise, aborted]);
	} finally {
		signal.removeEventListener('abort', onAbort);
	}
}

/** Sends a request and reads the whole body. */
export async function sendRequest(kc: KubeConfig, request: KubeRequest): Promise<KubeResponse> {
	const {status, headers, response} = await openRequest(kc, request);
	const chunks: Buffer[] = [];
	for await (const chunk of response) {
		chunks.push(chunk as Buffer);
	}

	return {status, headers, body: Buffer.concat(chunks).toString('utf8')};
}
