/**
A small API server on 127.0.0.1 for the credential and shutdown tests: it records every request (method, path and the
Authorization header) and answers through a handler the test supplies, or with an empty list and a silent watch.
*/
import http from 'node:http';
import https from 'node:https';
import type {AddressInfo, Socket} from 'node:net';
import {generateTls, type SimTls} from '../../source/simulator/tls/tls.js';

/** One request as the server saw it. */
export type Seen = {readonly method: string; readonly url: string; readonly authorization: string | undefined};

/** A running loopback server. */
export type LoopbackApi = {
	readonly url: string;
	readonly port: number;
	readonly seen: Seen[];
	/** Sockets accepted and not yet closed. */
	open(): number;
	/** Sockets accepted so far. */
	accepted(): number;
	stop(): Promise<void>;
};

/** Answers a request; return false to leave it unanswered (a server that went silent). */
export type Answer = (request: http.IncomingMessage, response: http.ServerResponse, body: string) => boolean | void;

/** The TLS material shared by every https loopback server of a test file (one CA, so one kubeconfig trusts them all). */
export const loopbackTls: SimTls = generateTls(Date.now());

/** Empty lists, watches that stay open and say nothing, and SelfSubjectAccessReviews answered "allowed". */
export const emptyApi: Answer = (request, response, body) => {
	response.setHeader('content-type', 'application/json');
	if (request.url?.includes('watch=')) {
		response.writeHead(200);
		response.flushHeaders();
		return;
	}

	if (request.method === 'POST' && request.url?.includes('selfsubjectaccessreviews')) {
		response.end(JSON.stringify({...JSON.parse(body || '{}'), status: {allowed: true}}));
		return;
	}

	response.end(JSON.stringify({kind: 'List', apiVersion: 'v1', metadata: {resourceVersion: '1'}, items: []}));
};

/** Starts a server; `silent` accepts connections and never answers anything. */
export async function startLoopbackApi(options: {answer?: Answer; tls?: boolean; silent?: boolean} = {}): Promise<LoopbackApi> {
	const seen: Seen[] = [];
	const sockets = new Set<Socket>();
	let accepted = 0;
	const handler = (request: http.IncomingMessage, response: http.ServerResponse) => {
		seen.push({method: request.method ?? '', url: request.url ?? '', authorization: request.headers.authorization});
		if (options.silent) {
			return;
		}

		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			(options.answer ?? emptyApi)(request, response, Buffer.concat(chunks).toString('utf8'));
		});
	};

	const server = options.tls ? https.createServer({cert: loopbackTls.cert, key: loopbackTls.key}, handler) : http.createServer(handler);
	server.on('connection', (socket: Socket) => {
		accepted++;
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	const {port} = server.address() as AddressInfo;
	return {
		url: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
		port,
		seen,
		open: () => sockets.size,
		accepted: () => accepted,
		async stop() {
			for (const socket of sockets) {
				socket.destroy();
			}

			await new Promise(resolve => server.close(resolve));
		},
	};
}

/** A kubeconfig for `server` with one user (the YAML given for `user:`), trusting the loopback CA for https. */
export function loopbackKubeconfig(server: string, user: string): string {
	const ca = server.startsWith('https:') ? `, certificate-authority-data: ${Buffer.from(loopbackTls.ca).toString('base64')}` : '';
	return [
		'apiVersion: v1',
		'kind: Config',
		`clusters: [{name: c, cluster: {server: "${server}"${ca}}}]`,
		`users: [{name: u, user: ${user}}]`,
		'contexts: [{name: x, context: {cluster: c, user: u, namespace: default}}]',
		'current-context: x',
		'',
	].join('\n');
}
