/**
Scenarios: YAML files of ordinary Kubernetes manifests that seed the simulated cluster.
(Contract stub: the controllers helper replaces the body; the signatures stay.)
*/
import type {Controllers, SimContext} from '../controllers/index.js';

/** A scenario problem a user can act on: one line, no stack trace. */
export class ScenarioError extends Error {}

/**
Loads a scenario into the cluster: `demo` (built in), `empty`, or a path to a YAML file. Objects annotated with
`sim.kjobs.io/age-seconds` are created in the past and their history fast-forwarded through `controllers`.
Throws ScenarioError with a one-line message naming the file, document and key when the scenario is bad.
*/
export function loadScenario(_source: string, _context: SimContext, _controllers: Controllers): {warnings: string[]} {
	return {warnings: []};
}
