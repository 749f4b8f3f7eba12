/**
The kubeconfig that points kubectl and client-node at the simulated cluster.
*/
import {stringify} from 'yaml';

/** The context (and cluster and user) name in the simulator's kubeconfig. */
export const simContextName = 'kjobs-sim';

/**
A kubeconfig for `url`. `insecure-skip-tls-verify` is set because client-node refuses plain-http clusters without
it; kubectl ignores it on http. Over http kubectl sends no token, so none is checked.
*/
export function kubeconfigYaml(url: string, namespace = 'default'): string {
	return stringify({
		apiVersion: 'v1',
		kind: 'Config',
		clusters: [{name: simContextName, cluster: {server: url, 'insecure-skip-tls-verify': true}}],
		contexts: [{name: simContextName, context: {cluster: simContextName, user: simContextName, namespace}}],
		'current-context': simContextName,
		users: [{name: simContextName, user: {token: 'kjobs-sim'}}],
		preferences: {},
	});
}
