/**
One label requirement (`key op values`): its type, validation and text form, as in k8s.io/apimachinery/pkg/labels.
*/

/** A selection operator, spelled as in k8s.io/apimachinery/pkg/selection. */
export type LabelOperator = '=' | '==' | '!=' | 'in' | 'notin' | 'exists' | '!' | 'gt' | 'lt';

/** One requirement of a selector, e.g. `app in (a,b)` or `!legacy`. */
export type LabelRequirement = {key: string; operator: LabelOperator; values: string[]};

const namePattern = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const dnsSubdomainPattern = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

function validateKey(key: string): void {
	const slash = key.lastIndexOf('/');
	const prefix = slash === -1 ? undefined : key.slice(0, slash);
	const name = slash === -1 ? key : key.slice(slash + 1);
	if (prefix !== undefined && (prefix.length === 0 || prefix.length > 253 || !dnsSubdomainPattern.test(prefix))) {
		throw new Error(`invalid label key "${key}": prefix part must be a DNS subdomain (lowercase letters, digits, '-' and '.')`);
	}

	if (name.length === 0 || name.length > 63 || !namePattern.test(name)) {
		throw new Error(`invalid label key "${key}": name part must be 1-63 characters of letters, digits, '-', '_' or '.', starting and ending with a letter or digit`);
	}
}

function validateValue(key: string, value: string): void {
	if (value.length > 63 || (value.length > 0 && !namePattern.test(value))) {
		throw new Error(`invalid label value "${value}" for key "${key}": must be at most 63 characters of letters, digits, '-', '_' or '.', starting and ending with a letter or digit`);
	}
}

/**
Builds a validated requirement; throws Error like Go's labels.NewRequirement does.
*/
export function newRequirement(key: string, operator: LabelOperator, values: readonly string[]): LabelRequirement {
	validateKey(key);
	switch (operator) {
		case '=':
		case '==':
		case '!=': {
			if (values.length !== 1) {
				throw new Error(`label selector "${key}": exact-match operators need exactly one value`);
			}

			break;
		}

		case 'in':
		case 'notin': {
			if (values.length === 0) {
				throw new Error(`label selector "${key}": for 'in' and 'notin' the values set can't be empty`);
			}

			break;
		}

		case 'exists':
		case '!': {
			if (values.length > 0) {
				throw new Error(`label selector "${key}": values set must be empty for exists and does not exist`);
			}

			break;
		}

		case 'gt':
		case 'lt': {
			if (values.length !== 1 || !/^-?\d+$/.test(values[0] ?? '')) {
				throw new Error(`label selector "${key}": for 'gt' and 'lt' operators, exactly one integer value is required`);
			}

			break;
		}
	}

	for (const value of values) {
		validateValue(key, value);
	}

	// Go keeps values in a sorted set, which is also how String() prints them.
	return {key, operator, values: [...new Set(values)].sort()};
}

/**
Prints one requirement the way Go's Requirement.String() does.
*/
export function formatRequirement(requirement: LabelRequirement): string {
	const {key, operator, values} = requirement;
	switch (operator) {
		case 'exists': {
			return key;
		}

		case '!': {
			return `!${key}`;
		}

		case 'in':
		case 'notin': {
			return `${key} ${operator} (${values.join(',')})`;
		}

		case 'gt': {
			return `${key}>${values[0] ?? ''}`;
		}

		case 'lt': {
			return `${key}<${values[0] ?? ''}`;
		}

		default: {
			return `${key}${operator}${values[0] ?? ''}`;
		}
	}
}

