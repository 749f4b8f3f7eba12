/**
The read-only gate: the one place that refuses every mutating request (POST, PUT, PATCH, DELETE) when kjobs runs
with --readonly or --demo. It sits in client-node's request pipeline as a middleware, so a request is refused just
before it would be sent, whatever code built it.
*/
import {Observable, type ObservableMiddleware, type RequestContext, type ResponseContext} from '@kubernetes/client-node';

/** Decides whether mutating requests may be sent. */
export type MutationGate = {
	/** Undefined when mutations are allowed, else the message explaining why not. */
	refusal(): string | undefined;
};

/** The gate of a normal session: everything may be sent. */
export const openGate: MutationGate = {refusal: () => undefined};

/** The flags that make kjobs read-only. */
export type ReadOnlyFlag = '--readonly' | '--demo';

/** A gate that refuses every mutation, explaining which flag made kjobs read-only. */
export function readOnlyGate(flag: ReadOnlyFlag): MutationGate {
	const message = `read-only: kjobs was started with ${flag}`;
	return {refusal: () => message};
}

/** Thrown (before anything is sent) for a mutating request the gate refuses. */
export class ReadOnlyError extends Error {
	/** Marks the error for actionErrorMessage. */
	readonly readOnly = true;
}

/** Whether an HTTP method changes state on the server. */
export function isMutatingMethod(method: string): boolean {
	return ['POST', 'PUT', 'PATCH', 'DELETE'].includes(method.toUpperCase());
}

/** Throws ReadOnlyError when the gate refuses `method`. */
export function assertMayMutate(gate: MutationGate, method: string): void {
	const refusal = gate.refusal();
	if (refusal !== undefined && isMutatingMethod(method)) {
		throw new ReadOnlyError(refusal);
	}
}

/** A client-node middleware that refuses mutating requests the gate does not allow. */
export function gateMiddleware(gate: MutationGate): ObservableMiddleware {
	return {
		pre: (context: RequestContext) => new Observable(Promise.resolve().then(() => {
			assertMayMutate(gate, String(context.getHttpMethod()));
			return context;
		})),
		post: (response: ResponseContext) => new Observable(Promise.resolve(response)),
	};
}
