/**
Whether the namespace in scope exists. Listing jobs in a namespace that does not exist is not an error — the API
answers with an empty list, as `kubectl get jobs -n typo` prints "No resources found" — so without this check a
mistyped `-n` looks exactly like a quiet namespace.
*/
import type {KubeConfig} from '@kubernetes/client-node';
import {sendRequest} from '../connection/kube-request.js';
import type {Clock} from '../../store/clock.js';

/** How often a missing namespace is asked for again, so one created later clears the notice. */
const recheckMs = 30_000;

/**
Reports whether namespace `name` is missing: asks now, and again every `recheckMs` while it is missing or the answer
was unknown for a reason other than RBAC (a 403 will not change by asking again). Stops when `signal` aborts.
*/
export function followNamespace(kubeConfig: KubeConfig, name: string, clock: Clock, report: (missing: boolean) => void, signal: AbortSignal): void {
	let cancel = () => {};
	signal.addEventListener('abort', () => {
		cancel();
	}, {once: true});
	const ask = async () => {
		const {status} = await sendRequest(kubeConfig, {method: 'GET', path: `/api/v1/namespaces/${encodeURIComponent(name)}`, signal})
			.catch(() => ({status: 0}));
		if (signal.aborted) {
			return;
		}

		report(status === 404);
		if (status !== 200 && status !== 403) {
			cancel = clock.setTimer(() => {
				void ask();
			}, recheckMs);
		}
	};

	void ask();
}
