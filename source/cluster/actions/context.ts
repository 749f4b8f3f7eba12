/**
What the action functions need: API clients for the current context, the read-only gate they all go through, the
randomness for new names and the app clock for the bounded wait of a replace-rerun.
*/
import {BatchV1Api, type ConfigurationOptions, CoreV1Api, type KubeConfig, Observable, type ObservableMiddleware, type RequestContext, type ResponseContext} from '@kubernetes/client-node';
import {createInFlightGuard, type InFlightGuard} from './guard.js';
import {gateMiddleware, type MutationGate} from './gate.js';
import type {Clock} from '../../store/clock.js';
import {noRedirectHttp} from '../connection/no-redirect-http.js';

/** The clients and settings every action call uses. */
export type ActionContext = {
	readonly batch: BatchV1Api;
	readonly core: CoreV1Api;
	readonly gate: MutationGate;
	readonly guard: InFlightGuard;
	readonly random: () => number;
	readonly clock: Clock;
	/** How long a replace-rerun waits for the old job to be gone before giving up. */
	readonly goneTimeoutMs: number;
	/** How often it looks. */
	readonly pollMs: number;
};

/** Optional settings for createActionContext. */
export type ActionContextOptions = {
	random?: () => number;
	goneTimeoutMs?: number;
	pollMs?: number;
	guard?: InFlightGuard;
};

/** Builds the action context for a KubeConfig whose current context is the one in use (rebuild it on a context switch). */
export function createActionContext(kubeConfig: KubeConfig, gate: MutationGate, clock: Clock, options: ActionContextOptions = {}): ActionContext {
	return {
		batch: kubeConfig.makeApiClient(BatchV1Api),
		core: kubeConfig.makeApiClient(CoreV1Api),
		gate,
		guard: options.guard ?? createInFlightGuard(),
		random: options.random ?? Math.random,
		clock,
		goneTimeoutMs: options.goneTimeoutMs ?? 60_000,
		pollMs: options.pollMs ?? 250,
	};
}

function contentTypeMiddleware(contentType: string): ObservableMiddleware {
	return {
		// The generated client picks application/json-patch+json for every PATCH; a merge patch must say so.
		pre(context: RequestContext) {
			context.setHeaderParam('Content-Type', contentType);
			return new Observable(Promise.resolve(context));
		},
		post: (response: ResponseContext) => new Observable(Promise.resolve(response)),
	};
}

/** The per-call options: the gate's middleware always, plus a Content-Type override for patches. */
export function callOptions(context: ActionContext, contentType?: string): ConfigurationOptions {
	const middleware = [gateMiddleware(context.gate), ...(contentType ? [contentTypeMiddleware(contentType)] : [])];
	return {middleware, middlewareMergeStrategy: 'append', httpApi: noRedirectHttp};
}
