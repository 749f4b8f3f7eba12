/**
The HTTP library the typed API clients (actions) send through instead of client-node's node-fetch one: node-fetch
follows redirects and keeps the Authorization header when only the port changes, so a redirecting server (or whoever
answers for it) could collect the token at another origin. Here a 3xx is an answer like any other — the action
reports it — and nothing is sent anywhere but the server the request was made for.
*/
import http from 'node:http';
import https from 'node:https';
import {ResponseContext, wrapHttpLibrary, type HttpLibrary, type RequestContext} from '@kubernetes/client-node';

/** Sends one request with the agent and headers client-node prepared; never follows a redirect. */
export const noRedirectHttp: HttpLibrary = wrapHttpLibrary({
	async send(request: RequestContext): Promise<ResponseContext> {
		const url = new URL(request.getUrl());
		const body = request.getBody();
		if (body !== undefined && typeof body !== 'string') {
			throw new TypeError('only text request bodies are sent');
		}

		const transport = url.protocol === 'https:' ? https : http;
		const headers: Record<string, string> = {...request.getHeaders(), ...(body === undefined ? {} : {'Content-Length': String(Buffer.byteLength(body))})};
		return new Promise<ResponseContext>((resolve, reject) => {
			const outgoing = transport.request(url, {method: request.getHttpMethod().toString(), headers, agent: request.getAgent(), signal: request.getSignal()}, response => {
				const chunks: Buffer[] = [];
				response.on('data', (chunk: Buffer) => chunks.push(chunk));
				response.on('error', reject);
				response.on('end', () => {
					const data = Buffer.concat(chunks);
					const headers: Record<string, string> = {};
					for (const [name, value] of Object.entries(response.headers)) {
						if (value !== undefined) {
							headers[name] = Array.isArray(value) ? value.join(', ') : value;
						}
					}

					resolve(new ResponseContext(response.statusCode ?? 0, headers, {text: async () => data.toString('utf8'), binary: async () => data}));
				});
			});
			outgoing.on('error', reject);
			outgoing.end(body);
		});
	},
});
