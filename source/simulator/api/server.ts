/**
The HTTP server: reads each request, records it, authorizes it against the RBAC rules and dispatches it. Every
failure becomes a `Status` response; nothing a client sends can crash the server.
*/
import {createServer, type IncomingMessage, type Server, type ServerResponse} from 'node:http';
import {createServer as createHttpsServer} from 'node:https';
import type {ApiContext, ApiRequest} from './context.js';
import {contentType, jsonBody} from './context.js';
import {decodeProtobufObject} from './protobuf.js';
import {apiGroupList, apiVersions, discoveryDocument, openApiDocument, versionInfo} from './discovery.js';
import {serveLog} from './log-endpoint.js';
import {type Access, authorize, reviewAccess, reviewRules} from './rbac.js';
import {parseResourcePath, type ResourceRoute} from './resources.js';
import {deleteCollection, deleteObject} from './routes/delete.js';
import {getObject, listOrWatch} from './routes/read.js';
import {createObject} from './routes/create.js';
import {patchObject, updateObject} from './routes/write.js';
import {sendError, sendJson} from './status.js';
import {SimError} from '../store.js';

/** One request as the simulator saw it (tests assert on these). */
export type RecordedRequest = {method: string; path: string; query: string; contentType?: string; accept?: string};

const maxBody = 16 * 1024 * 1024;

const notFoundPath = () => new SimError(404, 'NotFound', 'the server could not find the requested resource', {});
const notAllowed = () => new SimError(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource', {});

function readBody(req: IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		req.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size > maxBody) {
				reject(new SimError(413, 'RequestEntityTooLarge', 'Request entity too large: limit is 3145728'));
				req.destroy();
				return;
			}

			chunks.push(chunk);
		});
		req.on('end', () => {
			resolve(Buffer.concat(chunks));
		});
		req.on('error', reject);
	});
}

function accessOf(method: string, route: ResourceRoute, query: URLSearchParams): Access {
	const collection = route.name === undefined;
	let verb: string;
	switch (method) {
		case 'GET': {
			verb = collection ? (route.legacyWatch || ['true', '1'].includes(query.get('watch') ?? '') ? 'watch' : 'list') : 'get';
			break;
		}

		case 'POST': {
			verb = 'create';
			break;
		}

		case 'PUT': {
			verb = 'update';
			break;
		}

		case 'PATCH': {
			verb = 'patch';
			break;
		}

		case 'DELETE': {
			verb = collection ? 'deletecollection' : 'delete';
			break;
		}

		default: {
			throw notAllowed();
		}
	}

	return {verb, group: route.info.group, resource: route.info.resource, subresource: route.subresource, namespace: route.info.namespaced ? route.namespace : undefined, name: route.name};
}

function serveResource(context: ApiContext, request: ApiRequest, route: ResourceRoute, res: ServerResponse): void {
	const {method} = request;
	authorize(context.rbac(), accessOf(method, route, request.url.searchParams));
	if (route.subresource !== undefined) {
		if (route.subresource === 'log' && route.info.kind === 'Pod' && method === 'GET') {
			serveLog(context, request, route.namespace!, route.name!, res);
			return;
		}

		if (route.subresource !== 'status' || route.info.kind === 'Event') {
			throw notFoundPath();
		}

		if (method === 'GET') {
			getObject(context, request, route, res);
		} else if (method === 'PUT') {
			updateObject(context, request, route, res);
		} else if (method === 'PATCH') {
			patchObject(context, request, route, res);
		} else {
			throw notAllowed();
		}

		return;
	}

	if (route.name === undefined) {
		if (method === 'GET') {
			listOrWatch(context, request, route, res);
		} else if (method === 'POST' && (route.namespace !== undefined || !route.info.namespaced)) {
			createObject(context, request, route, res);
		} else if (method === 'DELETE') {
			deleteCollection(context, request, route, res);
		} else {
			throw notAllowed();
		}

		return;
	}

	switch (method) {
		case 'GET': {
			getObject(context, request, route, res);
			break;
		}

		case 'PUT': {
			updateObject(context, request, route, res);
			break;
		}

		case 'PATCH': {
			patchObject(context, request, route, res);
			break;
		}

		case 'DELETE': {
			deleteObject(context, request, route, res);
			break;
		}

		default: {
			throw notAllowed();
		}
	}
}

function serve(context: ApiContext, request: ApiRequest, res: ServerResponse, serverAddress: string): void {
	const path = request.url.pathname.replace(/\/+$/, '') || '/';
	if (request.method === 'GET') {
		if (path === '/version') {
			sendJson(res, 200, versionInfo);
			return;
		}

		if (path === '/api') {
			sendJson(res, 200, apiVersions(serverAddress));
			return;
		}

		if (path === '/apis') {
			sendJson(res, 200, apiGroupList);
			return;
		}

		if (path === '/healthz' || path === '/readyz' || path === '/livez') {
			res.writeHead(200, {'Content-Type': 'text/plain'});
			res.end('ok');
			return;
		}

		const document = discoveryDocument(path) ?? openApiDocument(path);
		if (document) {
			sendJson(res, 200, document);
			return;
		}
	}

	if (path === '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews') {
		if (request.method !== 'POST') {
			throw notAllowed();
		}

		const body = contentType(request) === 'application/vnd.kubernetes.protobuf' ? decodeProtobufObject(request.body) : jsonBody(request);
		sendJson(res, 201, reviewAccess(context.rbac(), body, context.clock.now()));
		return;
	}

	if (path === '/apis/authorization.k8s.io/v1/selfsubjectrulesreviews') {
		if (request.method !== 'POST') {
			throw notAllowed();
		}

		const body = contentType(request) === 'application/vnd.kubernetes.protobuf' ? decodeProtobufObject(request.body) : jsonBody(request);
		sendJson(res, 201, reviewRules(context.rbac(), body));
		return;
	}

	const route = parseResourcePath(path);
	if (!route) {
		throw notFoundPath();
	}

	serveResource(context, request, route, res);
}

/** What comes before serving: TLS, and a check (token, injected fault) that may answer the request itself. */
export type ServerHooks = {tls?: {cert: string; key: string}; intercept?: (req: IncomingMessage, url: URL, res: ServerResponse) => boolean | Promise<boolean>};

/** Creates the HTTP (or HTTPS) server over a context (looked up per request, so a restart can swap the store). */
export function createApiServer(context: () => ApiContext, record: (request: RecordedRequest) => void, hooks: ServerHooks = {}): Server {
	const handler = (req: IncomingMessage, res: ServerResponse) => {
		void (async () => {
			try {
				const url = new URL(req.url ?? '/', 'http://simulator');
				record({
					method: req.method ?? 'GET',
					path: url.pathname,
					query: url.search.replace(/^\?/, ''),
					...(req.headers['content-type'] ? {contentType: req.headers['content-type']} : {}),
					...(req.headers.accept ? {accept: req.headers.accept} : {}),
				});
				if (await hooks.intercept?.(req, url, res)) {
					return;
				}

				const body = await readBody(req);
				const address = server.address();
				const serverAddress = typeof address === 'object' && address ? `${address.address}:${address.port}` : '';
				serve(context(), {method: req.method ?? 'GET', url, headers: req.headers, body}, res, serverAddress);
			} catch (error) {
				sendError(res, error);
			}
		})();
	};

	const server: Server = hooks.tls ? createHttpsServer(hooks.tls, handler) : createServer(handler);
	server.keepAliveTimeout = 30_000;
	return server;
}
