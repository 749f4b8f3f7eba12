/**
Label selectors: metav1.LabelSelector objects, kubectl `-l` text, and how both match labels.
Ports metav1.FormatLabelSelector / LabelSelectorAsSelector and labels.Selector.Matches.
*/

import {formatRequirement, newRequirement, type LabelOperator, type LabelRequirement} from './requirement.js';
import type {LabelSelector, StringMap} from '../types.js';

export {formatRequirement, newRequirement, type LabelOperator, type LabelRequirement} from './requirement.js';
export {parseLabelSelector} from './parser.js';

const expressionOperators: Record<string, LabelOperator> = {In: 'in', NotIn: 'notin', Exists: 'exists', DoesNotExist: '!'};

/**
Converts a metav1.LabelSelector into requirements sorted by key (Go LabelSelectorAsSelector); throws on an invalid one.
*/
export function labelSelectorRequirements(selector: LabelSelector): LabelRequirement[] {
	const requirements: LabelRequirement[] = [];
	for (const [key, value] of Object.entries(selector.matchLabels ?? {})) {
		requirements.push(newRequirement(key, '=', [value]));
	}

	for (const expression of selector.matchExpressions ?? []) {
		const operator = expressionOperators[expression.operator];
		if (!operator) {
			throw new Error(`"${expression.operator}" is not a valid label selector operator`);
		}

		requirements.push(newRequirement(expression.key, operator, expression.values ?? []));
	}

	return requirements.sort((a, b) => (a.key < b.key ? -1 : (a.key > b.key ? 1 : 0)));
}

/**
Port of Go metav1.FormatLabelSelector: "a=b,c in (x,y)", "<none>" for a missing or empty selector, "<error>" for an invalid one.
*/
export function formatLabelSelector(selector?: LabelSelector | null): string {
	if (!selector) {
		return '<none>';
	}

	try {
		const text = labelSelectorRequirements(selector).map(requirement => formatRequirement(requirement)).join(',');
		return text.length === 0 ? '<none>' : text;
	} catch {
		return '<error>';
	}
}

function matchesRequirement(labels: StringMap, requirement: LabelRequirement): boolean {
	const has = Object.hasOwn(labels, requirement.key);
	const value = labels[requirement.key];
	switch (requirement.operator) {
		case '=':
		case '==':
		case 'in': {
			return has && requirement.values.includes(value ?? '');
		}

		case '!=':
		case 'notin': {
			return !has || !requirement.values.includes(value ?? '');
		}

		case 'exists': {
			return has;
		}

		case '!': {
			return !has;
		}

		case 'gt':
		case 'lt': {
			if (!has || !/^-?\d+$/.test(value ?? '')) {
				return false;
			}

			const actual = Number(value);
			const bound = Number(requirement.values[0]);
			return requirement.operator === 'gt' ? actual > bound : actual < bound;
		}
	}
}

/**
True when the labels satisfy every requirement (an empty list matches everything).
*/
export function matchesLabelSelector(labels: StringMap | undefined, requirements: readonly LabelRequirement[]): boolean {
	return requirements.every(requirement => matchesRequirement(labels ?? {}, requirement));
}

/**
True when the labels match a metav1.LabelSelector. As in Go, an empty selector matches everything,
while a missing or invalid one matches nothing.
*/
export function selectorMatches(selector: LabelSelector | null | undefined, labels: StringMap | undefined): boolean {
	if (!selector) {
		return false;
	}

	try {
		return matchesLabelSelector(labels, labelSelectorRequirements(selector));
	} catch {
		return false;
	}
}
