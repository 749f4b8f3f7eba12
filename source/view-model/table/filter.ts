/**
The `/` filter: a case-insensitive substring by default, `/re/` for a regular expression, a leading `!` to negate,
and `-l key=value` for a kubectl label selector.

Regular expressions run on RE2 (re2js), which matches in time linear in the text: a pattern such as `(a+)+$` that
makes a backtracking engine (JavaScript's own) run for minutes on one row cannot freeze the screen. RE2 has no
lookaround or backreferences; such a pattern is reported as invalid.
*/
import {RE2JS} from 're2js';
import {matchesLabelSelector, parseLabelSelector} from '../../kube/labels/selector.js';

/** A parsed filter: `test` tells whether a row (its text and labels) is kept; `error` says why a filter cannot match. */
export type ParsedFilter = {
	readonly test: (text: string, labels?: Record<string, string>) => boolean;
	readonly error?: string;
	/**
	For a plain substring filter only (not negated, no regex or selector): the lowercase text it looks for. A row is kept
	exactly when its lowercased text includes it, and a filter whose needle includes another's keeps a subset of its rows.
	*/
	readonly needle?: string;
};

const keepAll: ParsedFilter = {test: () => true};

/**
Parses filter text. An empty filter keeps everything. An invalid regular expression or label selector matches nothing
(negated or not) and carries an error the UI can show.
*/
export function parseFilter(text: string): ParsedFilter {
	let body = text.trim();
	const negate = body.startsWith('!');
	if (negate) {
		body = body.slice(1).trimStart();
	}

	if (body === '') {
		return keepAll;
	}

	const positive = parsePositive(body);
	if (positive.error !== undefined || !negate) {
		return positive;
	}

	return {test: (rowText, labels) => !positive.test(rowText, labels)};
}

function parsePositive(body: string): ParsedFilter {
	const labelMatch = /^-l(?:(?:\s+|=)(.*))?$/s.exec(body);
	if (labelMatch) {
		return labelFilter(labelMatch[1]?.trim() ?? '');
	}

	if (body.startsWith('/') && body.length > 1) {
		// While the closing slash is still being typed, `/abc` already works as a regex.
		const source = body.endsWith('/') && body.length > 2 ? body.slice(1, -1) : body.slice(1);
		try {
			// Checked first as typed: a syntax error then quotes the user's own pattern, not re2js' case-folding form of it.
			RE2JS.compile(source);
			const pattern = RE2JS.compile(source, RE2JS.CASE_INSENSITIVE);
			return {test: (rowText) => pattern.test(rowText)};
		} catch (error) {
			const reason = error instanceof Error ? error.message : String(error);
			return nothing(`invalid regex: ${reason.replace(/^error parsing regexp: /, '')}`);
		}
	}

	const needle = body.toLowerCase();
	return {test: (rowText) => rowText.toLowerCase().includes(needle), needle};
}

function labelFilter(selectorText: string): ParsedFilter {
	if (selectorText === '') {
		return nothing('-l needs a label selector, e.g. -l app=web');
	}

	try {
		const requirements = parseLabelSelector(selectorText);
		return {test: (_rowText, labels) => matchesLabelSelector(labels ?? {}, requirements)};
	} catch (error) {
		return nothing(`invalid label selector: ${error instanceof Error ? error.message : String(error)}`);
	}
}

function nothing(error: string): ParsedFilter {
	return {test: () => false, error};
}
