/**
Ink decides once, as it loads, whether it runs under continuous integration: when `CI` or `CONTINUOUS_INTEGRATION`
is set (to anything but `0` or `false`) it draws no live frames and writes only the last one at exit. A user whose
shell exports `CI=true` (a debug shell inside a CI job, a dotfile that sets it for other tools) would then see a
blank terminal until they quit. kjobs draws its screen only on a terminal, so it hides those variables while Ink
loads and puts them back afterwards, for the programs kjobs starts (exec plugins, `$EDITOR`).
*/

/** The variables Ink (through the `is-in-ci` package) reads to decide that it runs under CI. */
export const ciVariables = ['CI', 'CONTINUOUS_INTEGRATION'] as const;

/** Removes the CI variables from `env`; the function returned puts back exactly what was there. */
export function hideCi(env: NodeJS.ProcessEnv): () => void {
	const saved = ciVariables.filter(name => name in env).map(name => [name, env[name]] as const);
	for (const [name] of saved) {
		delete env[name];
	}

	return () => {
		for (const [name, value] of saved) {
			env[name] = value;
		}
	};
}
