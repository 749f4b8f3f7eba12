/**
`kjobs simulate --token TOKEN`: every request must carry `Authorization: Bearer TOKEN`, as a real API server with
token authentication demands; and the kubeconfig that goes with `--tls` and `--token`.
*/
import {timingSafeEqual} from 'node:crypto';
import type {IncomingMessage, ServerResponse} from 'node:http';
import {parse, stringify} from 'yaml';
import {statusOf} from './status.js';
import {SimError} from '../store.js';

/** True when `req` carries the bearer token (compared in constant time). */
export function hasToken(req: IncomingMessage, token: string): boolean {
	const header = req.headers.authorization ?? '';
	const match = /^Bearer\s+(.+)$/i.exec(header);
	const given = Buffer.from(match?.[1]?.trim() ?? '');
	const wanted = Buffer.from(token);
	return given.length === wanted.length && timingSafeEqual(given, wanted);
}

/** Answers 401 Unauthorized, as kube-apiserver does: the Status never echoes what was sent. */
export function sendUnauthorized(res: ServerResponse): void {
	const text = JSON.stringify(statusOf(new SimError(401, 'Unauthorized', 'Unauthorized')));
	res.writeHead(401, {'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(text))});
	res.end(text);
}

type Kubeconfig = {
	clusters?: Array<{cluster?: Record<string, unknown>}>;
	users?: Array<{user?: Record<string, unknown>}>;
};

/**
The simulator's kubeconfig adjusted for TLS (the CA as certificate-authority-data instead of skipping verification)
and for a token (the user's token replaced).
*/
export function secureKubeconfig(yaml: string, options: {ca?: string; token?: string}): string {
	const config = parse(yaml) as Kubeconfig;
	for (const entry of config.clusters ?? []) {
		if (options.ca !== undefined && entry.cluster) {
			delete entry.cluster['insecure-skip-tls-verify'];
			entry.cluster['certificate-authority-data'] = Buffer.from(options.ca).toString('base64');
		}
	}

	for (const entry of config.users ?? []) {
		if (options.token !== undefined && entry.user) {
			entry.user.token = options.token;
		}
	}

	return stringify(config);
}
