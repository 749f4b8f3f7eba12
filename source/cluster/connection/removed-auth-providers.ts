/**
The legacy `gcp` and `azure` auth providers (`users[].user.auth-provider`), refused as kubectl refuses them since 1.26.
client-node still carries both, and both get a token by running `cmd-path` with `cmd-args` through a blocking shell
call: the screen froze until the command ended, and whatever `cmd-args` held (`; touch file`) ran as shell code. kjobs
takes such a user out of client-node's reach when the kubeconfig is loaded, and choosing its context fails with
kubectl's own words on what to use instead (the exec credential plugin each cloud ships).
*/
import type {User} from '@kubernetes/client-node';

/** The auth-provider name a user carries once its gcp or azure section has been taken away from client-node. */
export const removedProviderName = 'kjobs-removed-auth-provider';

// kubectl's messages, word for word, so a search for them finds the cloud's migration guide.
const messages: Record<string, string> = {
	gcp: 'The gcp auth plugin has been removed.\nPlease use the "gke-gcloud-auth-plugin" kubectl/client-go credential plugin instead.\nSee https://cloud.google.com/blog/products/containers-kubernetes/kubectl-auth-changes-in-gke for further details',
	azure: 'The azure auth plugin has been removed.\nPlease use the https://github.com/Azure/kubelogin kubectl/client-go credential plugin instead.\nSee https://kubernetes.io/docs/reference/access-authn-authz/authentication/#client-go-credential-plugins for further details',
};

/**
The user with a gcp or azure auth-provider replaced by a marker naming which one it was: its config (the command, its
arguments, any cached token) is dropped, so client-node has nothing it could run or send.
*/
export function withoutRemovedProviders(user: User): User {
	const provider = (user.authProvider as {name?: unknown} | undefined)?.name;
	if (typeof provider !== 'string' || !(provider in messages)) {
		return user;
	}

	return {...user, authProvider: {name: removedProviderName, config: {provider}}};
}

/** kubectl's message for a user whose auth-provider it no longer supports, or undefined for any other user. */
export function removedProviderMessage(user: User | null | undefined): string | undefined {
	const authProvider = user?.authProvider as {name?: unknown; config?: {provider?: unknown}} | undefined;
	return authProvider?.name === removedProviderName ? messages[String(authProvider.config?.provider)] : undefined;
}
