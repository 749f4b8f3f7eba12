/**
`GET /api/v1/namespaces/{ns}/pods/{name}/log`: PodLogOptions validation, container resolution, the kubelet's choice
of container instance (current, or the previous one for CrashLoopBackOff and `previous=true`), filtering by
sinceSeconds / sinceTime / tailLines, timestamps, limitBytes and follow until the instance ends.
*/
import type {ServerResponse} from 'node:http';
import type {ContainerStatus, Pod} from '../../kube/types.js';
import type {ApiContext, ApiRequest} from './context.js';
import type {LogLine} from '../logs.js';
import {badRequest, invalid} from './status.js';
import {notFound} from '../store.js';

/** Go's RFC3339Nano with all nine digits, as the kubelet stamps log lines. */
export function logTimestamp(ms: number): string {
	const iso = new Date(ms).toISOString();
	return `${iso.slice(0, 19)}.${iso.slice(20, 23)}000000Z`;
}

type LogOptions = {container?: string; follow: boolean; previous: boolean; timestamps: boolean; tailLines?: number; limitBytes?: number; sinceSeconds?: number; sinceTime?: number};

function integer(query: URLSearchParams, key: string): number | undefined {
	const text = query.get(key);
	if (text === null) {
		return undefined;
	}

	const value = Number(text);
	if (!Number.isInteger(value)) {
		throw badRequest(`strconv.ParseInt: parsing "${text}": invalid syntax`);
	}

	return value;
}

function parseOptions(pod: string, query: URLSearchParams): LogOptions {
	const bool = (key: string) => ['true', '1'].includes(query.get(key) ?? '');
	const sinceText = query.get('sinceTime');
	let sinceTime: number | undefined;
	if (sinceText !== null) {
		sinceTime = Date.parse(sinceText);
		if (Number.isNaN(sinceTime)) {
			throw badRequest(`parsing time "${sinceText}" as "2006-01-02T15:04:05Z07:00": cannot parse "${sinceText}" as "2006"`);
		}
	}

	const options: LogOptions = {
		container: query.get('container') || undefined,
		follow: bool('follow'),
		previous: bool('previous'),
		timestamps: bool('timestamps'),
		tailLines: integer(query, 'tailLines'),
		limitBytes: integer(query, 'limitBytes'),
		sinceSeconds: integer(query, 'sinceSeconds'),
		sinceTime,
	};
	const problems = [];
	if (options.tailLines !== undefined && options.tailLines < 0) {
		problems.push({field: 'tailLines', message: 'Invalid value: ' + options.tailLines + ': must be greater than or equal to 0'});
	}

	if (options.limitBytes !== undefined && options.limitBytes < 1) {
		problems.push({field: 'limitBytes', message: 'Invalid value: ' + options.limitBytes + ': must be greater than 0'});
	}

	if (options.sinceSeconds !== undefined && options.sinceSeconds < 1) {
		problems.push({field: 'sinceSeconds', message: 'Invalid value: ' + options.sinceSeconds + ': must be greater than 0'});
	}

	if (options.sinceSeconds !== undefined && options.sinceTime !== undefined) {
		problems.push({field: 'sinceSeconds', message: 'Forbidden: at most one of sinceTime or sinceSeconds may be specified', reason: 'FieldValueForbidden'});
	}

	if (problems.length > 0) {
		throw invalid('PodLogOptions', pod, problems);
	}

	return options;
}

function resolveContainer(pod: Pod, requested: string | undefined): string {
	const name = pod.metadata.name ?? '';
	const all = [...(pod.spec.initContainers ?? []), ...(pod.spec.containers ?? []), ...((pod.spec['ephemeralContainers'] as Array<{name: string}> | undefined) ?? [])].map(c => c.name);
	if (requested === undefined) {
		if (pod.spec.containers?.length === 1 && all.length === 1) {
			return pod.spec.containers[0]!.name;
		}

		if (all.length === 0) {
			throw badRequest(`a container name must be specified for pod ${name}`);
		}

		throw badRequest(`a container name must be specified for pod ${name}, choose one of: [${all.join(' ')}]`);
	}

	if (!all.includes(requested)) {
		throw badRequest(`container ${requested} is not valid for pod ${name}`);
	}

	return requested;
}

/** The kubelet's validateContainerLogStatus: which restart's output to serve, or the error text. */
function instanceOf(pod: Pod, container: string, previous: boolean): number {
	const name = pod.metadata.name ?? '';
	const statuses: ContainerStatus[] = [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? []), ...(((pod.status as Record<string, unknown> | undefined)?.['ephemeralContainerStatuses'] as ContainerStatus[] | undefined) ?? [])];
	const status = statuses.find(s => s.name === container);
	if (!status) {
		throw badRequest(`container "${container}" in pod "${name}" is not available`);
	}

	if (previous) {
		if (!status.lastState?.terminated) {
			throw badRequest(`previous terminated container "${container}" in pod "${name}" not found`);
		}

		return status.restartCount - 1;
	}

	if (status.state?.running || status.state?.terminated) {
		return status.restartCount;
	}

	if (status.lastState?.terminated) {
		return status.restartCount - 1;
	}

	const reason = status.state?.waiting?.reason;
	if (reason === 'ErrImagePull') {
		throw badRequest(`container "${container}" in pod "${name}" is waiting to start: image can't be pulled`);
	}

	if (reason === 'ImagePullBackOff') {
		throw badRequest(`container "${container}" in pod "${name}" is waiting to start: trying and failing to pull image`);
	}

	if (reason) {
		throw badRequest(`container "${container}" in pod "${name}" is waiting to start: ${reason}`);
	}

	throw badRequest(`container "${container}" in pod "${name}" is waiting to start - no logs yet`);
}

/** Serves pods/log. */
export function serveLog(context: ApiContext, request: ApiRequest, namespace: string, podName: string, res: ServerResponse): void {
	const pod = context.store.get<Pod>('Pod', namespace, podName);
	if (!pod) {
		throw notFound('Pod', podName);
	}

	const options = parseOptions(podName, request.url.searchParams);
	const container = resolveContainer(pod, options.container);
	if (!pod.spec.nodeName) {
		// An unscheduled pod has no log location: the API server answers 204 with no body.
		res.writeHead(204);
		res.end();
		return;
	}

	const restart = instanceOf(pod, container, options.previous);
	const uid = pod.metadata.uid ?? '';
	const since = options.sinceTime ?? (options.sinceSeconds === undefined ? undefined : context.clock.now() - (options.sinceSeconds * 1000));
	const lines = context.logs.read(uid, container, restart, {sinceTime: since, tailLines: options.tailLines});
	res.writeHead(200, {'Content-Type': 'text/plain', 'Transfer-Encoding': 'chunked', 'Cache-Control': 'no-cache, private'});
	let budget = options.limitBytes ?? Number.POSITIVE_INFINITY;
	const write = (line: LogLine): boolean => {
		const text = Buffer.concat([Buffer.from(options.timestamps ? `${logTimestamp(line.time)} ` : ''), line.data, Buffer.from('\n')]);
		const chunk = text.length > budget ? text.subarray(0, budget) : text;
		budget -= chunk.length;
		res.write(chunk);
		return budget > 0;
	};

	for (const line of lines) {
		if (!write(line)) {
			res.end();
			return;
		}
	}

	if (!options.follow || context.logs.ended(uid, container, restart) || restart < (pod.status?.containerStatuses?.find(s => s.name === container)?.restartCount ?? restart)) {
		res.end();
		return;
	}

	res.flushHeaders();
	context.logStreams.add(res);
	const stop = context.logs.follow(uid, container, restart, line => {
		if (line === undefined || !write(line)) {
			finish();
			res.end();
		}
	});
	const finish = () => {
		stop();
		context.logStreams.delete(res);
	};

	res.on('close', finish);
}
