/**
Loading the cluster connection the way kubectl does: --kubeconfig, else KUBECONFIG (several files merged), else
~/.kube/config, else the in-cluster service account; then --context and the namespace scope.
*/
import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {KubeConfig, type Cluster} from '@kubernetes/client-node';
import {ConfigError} from './config-error.js';
import {ExecCredentials, withKjobsExec} from './exec-credential.js';
import {onCredentialsRejected} from './kube-request.js';
import {mergeKubeconfigs, readKubeconfigFile, type MergedConfig} from './kubeconfig-files.js';
import {removedProviderMessage, withoutRemovedProviders} from './removed-auth-providers.js';

/** Where a pod's service account credentials are mounted. */
export const serviceAccountDir = '/var/run/secrets/kubernetes.io/serviceaccount';

/** The flags and environment that decide the connection. */
export type ConnectionOptions = {
	kubeconfig?: string;
	context?: string;
	namespace?: string;
	allNamespaces?: boolean;
	env: Record<string, string | undefined>;
	homeDir: string;
	/** Where to look for the service account (tests); default serviceAccountDir. */
	serviceAccountDir?: string;
};

/** A resolved connection: which cluster, as whom, and which namespaces to show. */
export type Connection = {
	/** The configuration requests go through: the context in use, with no credentials when the server is plain http. */
	readonly kubeConfig: KubeConfig;
	/** Everything the kubeconfig files hold, for switching context or namespace. */
	readonly loaded: KubeConfig;
	/** The session's exec plugin runs (closed with the session). */
	readonly credentials: ExecCredentials;
	/** The context in use. */
	readonly context: string;
	/** Every context name in the loaded configuration. */
	readonly contexts: readonly string[];
	/** The API server URL. */
	readonly server: string;
	/** The namespace shown, or undefined for all namespaces. */
	readonly namespace: string | undefined;
	/** The context's namespace ("default" when it names none): what `-n` is relative to. */
	readonly contextNamespace: string;
	/** Where the configuration came from: file paths or "in-cluster service account". */
	readonly source: string;
	/** The server URL without credentials or query, for display. */
	describeServer(): string;
};

/** Loads the configuration and resolves the context and namespace; throws ConfigError on any configuration problem. */
export function loadConnection(options: ConnectionOptions): Connection {
	const {config, source} = loadConfig(options);
	const kc = new KubeConfig();
	kc.loadFromOptions({...config, clusters: config.clusters.map(allowPlainHttp), users: config.users.map(user => withKjobsExec(withoutRemovedProviders(user)))});
	const credentials = new ExecCredentials({env: options.env});
	return resolveConnection(kc, source, {context: options.context, namespace: options.namespace, allNamespaces: options.allNamespaces}, credentials);
}

/**
Resolves a context (default: the current one) and a namespace scope on an already loaded configuration. Used for the
initial load and for switching context or namespace later (pass the connection's `loaded` and `credentials`); the
KubeConfig is copied so earlier connections stay valid.
*/
export function resolveConnection(
	loaded: KubeConfig,
	source: string,
	scope: {context?: string; namespace?: string; allNamespaces?: boolean},
	credentials: ExecCredentials = new ExecCredentials(),
): Connection {
	const kc = new KubeConfig();
	// The removed providers are taken out again here, for a KubeConfig that did not come through loadConnection.
	kc.loadFromOptions({clusters: loaded.getClusters(), users: loaded.getUsers().map(withoutRemovedProviders), contexts: loaded.getContexts(), currentContext: loaded.getCurrentContext()});
	kc.addAuthenticator(credentials);
	const names = kc.getContexts().map(context => context.name);
	const list = names.length > 0 ? names.join(', ') : 'none';
	const name = scope.context ?? kc.getCurrentContext();
	if (!name) {
		throw new ConfigError(`the kubeconfig (${source}) has no current context\nchoose one with --context (contexts: ${list})`);
	}

	const context = kc.getContextObject(name);
	if (!context) {
		const where = scope.context === undefined ? `the current context "${name}"` : `context "${name}"`;
		throw new ConfigError(`${where} is not in the kubeconfig (${source})\ncontexts: ${list}`);
	}

	const cluster = kc.getCluster(context.cluster);
	if (!cluster) {
		throw new ConfigError(`context "${name}" refers to cluster "${context.cluster}", which is not in the kubeconfig (${source})`);
	}

	if (cluster.skipTLSVerify && (cluster.caData || cluster.caFile) && !cluster.server.startsWith('http:')) {
		// As kubectl: a certificate authority says which server to trust, skipping verification says trust any; both at
		// once is a mistake to fix, not a choice to guess. (Plain http is left out: kjobs sets the flag there itself.)
		throw new ConfigError(`cluster "${context.cluster}": specifying a root certificates file with the insecure flag is not allowed\nremove insecure-skip-tls-verify or the certificate-authority from the kubeconfig (${source})`);
	}

	const user = kc.getUser(context.user);
	if (!user) {
		throw new ConfigError(`context "${name}" refers to user "${context.user}", which is not in the kubeconfig (${source})`);
	}

	const removed = removedProviderMessage(user);
	if (removed) {
		throw new ConfigError(`context "${name}": user "${context.user}" uses a removed auth provider\n${removed}`);
	}

	kc.setCurrentContext(name);
	if (cluster.server.startsWith('http:')) {
		// As kubectl: over plain http no token, password, client key or exec plugin is used — anyone on the path would read it.
		kc.users = kc.users.map(user => (user.name === context.user ? {name: user.name} : user));
	}

	// A token the server rejects is fetched again on the next request, as kubectl re-runs the plugin after a 401.
	onCredentialsRejected(kc, authorization => {
		credentials.rejected(context.user, authorization);
	});
	const contextNamespace = context.namespace?.trim() || 'default';
	const namespace = scope.allNamespaces ? undefined : (scope.namespace ?? contextNamespace);
	return {
		kubeConfig: kc,
		loaded,
		credentials,
		context: name,
		contexts: names,
		server: cluster.server,
		namespace,
		contextNamespace,
		source,
		describeServer: () => displayUrl(cluster.server),
	};
}

/** A URL with any user info, query and fragment removed. */
export function displayUrl(server: string): string {
	try {
		const url = new URL(server);
		return `${url.protocol}//${url.host}${url.pathname === '/' ? '' : url.pathname}`;
	} catch {
		return server.replace(/\/\/[^/@]*@/, '//');
	}
}

function loadConfig(options: ConnectionOptions): {config: MergedConfig; source: string} {
	if (options.kubeconfig !== undefined) {
		const file = path.resolve(options.kubeconfig);
		return {config: mergeKubeconfigs([readKubeconfigFile(file)]), source: file};
	}

	const looked: string[] = [];
	const fromEnv = options.env['KUBECONFIG'];
	if (fromEnv) {
		// Like kubectl, files in KUBECONFIG that do not exist are skipped, and ~/.kube/config is not consulted.
		const files = fromEnv.split(path.delimiter).filter(Boolean).map(file => path.resolve(file));
		const present = files.filter(file => existsSync(file));
		if (present.length > 0) {
			return {config: mergeKubeconfigs(present.map(file => readKubeconfigFile(file))), source: present.join(path.delimiter)};
		}

		looked.push(`KUBECONFIG (${files.join(path.delimiter)}: no such file${files.length > 1 ? 's' : ''})`);
	} else {
		const file = path.join(options.homeDir, '.kube', 'config');
		if (existsSync(file)) {
			return {config: mergeKubeconfigs([readKubeconfigFile(file)]), source: file};
		}

		looked.push(`KUBECONFIG (not set)`, file);
	}

	const inCluster = inClusterConfig(options);
	if (inCluster) {
		return {config: inCluster, source: 'in-cluster service account'};
	}

	looked.push('the in-cluster service account');
	throw new ConfigError(`no kubeconfig found: looked at ${looked.join(', ')}\nuse --kubeconfig FILE, or try \`kjobs --demo\` for a simulated cluster`);
}

// The same configuration client-node's loadFromCluster builds, from the injected environment; the token file is
// re-read by client-node on expiry, so projected (rotating) tokens keep working.
function inClusterConfig(options: ConnectionOptions): MergedConfig | undefined {
	const dir = options.serviceAccountDir ?? serviceAccountDir;
	const host = options.env['KUBERNETES_SERVICE_HOST'];
	const port = options.env['KUBERNETES_SERVICE_PORT'];
	const tokenFile = path.join(dir, 'token');
	if (!host || !port || !existsSync(tokenFile)) {
		return undefined;
	}

	const hostPart = host.includes(':') ? `[${host}]` : host;
	const namespaceFile = path.join(dir, 'namespace');
	const namespace = existsSync(namespaceFile) ? readFileSync(namespaceFile, 'utf8').trim() : undefined;
	return {
		clusters: [{name: 'in-cluster', server: `https://${hostPart}:${port}`, caFile: path.join(dir, 'ca.crt'), skipTLSVerify: false}],
		users: [{name: 'in-cluster', authProvider: {name: 'tokenFile', config: {tokenFile}}}],
		contexts: [{name: 'in-cluster', cluster: 'in-cluster', user: 'in-cluster', ...(namespace ? {namespace} : {})}],
		currentContext: 'in-cluster',
	};
}

// client-node refuses http:// servers unless skipTLSVerify is set; on plain http there is no TLS to verify, so setting
// it changes nothing else (kubectl connects to such servers as they are).
function allowPlainHttp(cluster: Cluster): Cluster {
	return cluster.server.startsWith('http:') && !cluster.skipTLSVerify ? {...cluster, skipTLSVerify: true} : cluster;
}
