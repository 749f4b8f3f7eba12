/**
Parser for the kubectl `-l` label selector syntax (port of the lexer/parser in k8s.io/apimachinery/pkg/labels/selector.go).
*/

import {newRequirement, type LabelOperator, type LabelRequirement} from './requirement.js';

/**
Parses kubectl `-l` syntax (`a=b,c!=d,e in (f,g),h notin (i),j,!k,l>3`) into requirements; throws Error when unparseable.
*/
export function parseLabelSelector(text: string): LabelRequirement[] {
	return new SelectorParser(text).parse();
}

type Token = {kind: 'id' | 'op' | '(' | ')' | ',' | 'end'; text: string; at: number};

// The characters that end an identifier, as in Go's labels lexer.
const specialCharacters = new Set(['!', '=', '(', ')', ',', '<', '>']);

class SelectorParser {
	private readonly tokens: Token[] = [];
	private index = 0;

	constructor(private readonly text: string) {
		this.tokens = tokenize(text);
	}

	parse(): LabelRequirement[] {
		const requirements: LabelRequirement[] = [];
		if (this.peek().kind === 'end') {
			return requirements;
		}

		for (;;) {
			requirements.push(this.requirement());
			const next = this.take();
			if (next.kind === 'end') {
				return requirements;
			}

			if (next.kind !== ',') {
				this.fail(next, 'expected "," between requirements');
			}
		}
	}

	private requirement(): LabelRequirement {
		let token = this.take();
		if (token.kind === 'op' && token.text === '!') {
			token = this.take();
			if (token.kind !== 'id') {
				this.fail(token, 'expected a label key after "!"');
			}

			const after = this.peek();
			if (after.kind !== ',' && after.kind !== 'end') {
				this.fail(after, `unexpected "${after.text}" after "!${token.text}"`);
			}

			return newRequirement(token.text, '!', []);
		}

		if (token.kind !== 'id') {
			this.fail(token, 'expected a label key');
		}

		const key = token.text;
		const next = this.peek();
		if (next.kind === ',' || next.kind === 'end') {
			return newRequirement(key, 'exists', []);
		}

		this.take();
		if (next.kind === 'id' && (next.text === 'in' || next.text === 'notin')) {
			return newRequirement(key, next.text as 'in' | 'notin', this.valueSet());
		}

		if (next.kind !== 'op' || next.text === '!') {
			this.fail(next, `expected an operator (=, ==, !=, in, notin, >, <) after "${key}"`);
		}

		const operators: Record<string, LabelOperator> = {'=': '=', '==': '==', '!=': '!=', '>': 'gt', '<': 'lt'};
		const operator = operators[next.text];
		if (!operator) {
			this.fail(next, `unknown operator "${next.text}"`);
		}

		// An empty value (`a=`) is allowed, exactly as in Go.
		const value = this.peek();
		if (value.kind === 'id') {
			this.take();
			return newRequirement(key, operator, [value.text]);
		}

		return newRequirement(key, operator, ['']);
	}

	private valueSet(): string[] {
		const open = this.take();
		if (open.kind !== '(') {
			this.fail(open, 'expected "(" to start the value set');
		}

		const values: string[] = [];
		for (;;) {
			const token = this.take();
			if (token.kind === 'id') {
				values.push(token.text);
				const after = this.take();
				if (after.kind === ')') {
					return values;
				}

				if (after.kind !== ',') {
					this.fail(after, 'expected "," or ")" in the value set');
				}
			} else if (token.kind === ')') {
				return values;
			} else if (token.kind === ',') {
				// Go accepts an empty value inside a set: `a in (,b)`.
				values.push('');
			} else {
				this.fail(token, 'unterminated value set, expected ")"');
			}
		}
	}

	private peek(): Token {
		return this.tokens[this.index] ?? {kind: 'end', text: '', at: this.text.length};
	}

	private take(): Token {
		const token = this.peek();
		this.index = Math.min(this.index + 1, this.tokens.length);
		return token;
	}

	private fail(token: Token, reason: string): never {
		const found = token.kind === 'end' ? 'end of input' : `"${token.text}"`;
		throw new Error(`unable to parse label selector "${this.text}": ${reason}, found ${found} at position ${token.at}`);
	}
}

function tokenize(text: string): Token[] {
	const tokens: Token[] = [];
	let i = 0;
	while (i < text.length) {
		const char = text[i]!;
		if (/\s/.test(char)) {
			i++;
		} else if (char === '(' || char === ')' || char === ',') {
			tokens.push({kind: char, text: char, at: i});
			i++;
		} else if (char === '!' || char === '=' || char === '<' || char === '>') {
			const two = text.slice(i, i + 2);
			const op = two === '==' || two === '!=' ? two : char;
			tokens.push({kind: 'op', text: op, at: i});
			i += op.length;
		} else {
			const start = i;
			while (i < text.length && !specialCharacters.has(text[i]!) && !/\s/.test(text[i]!)) {
				i++;
			}

			tokens.push({kind: 'id', text: text.slice(start, i), at: start});
		}
	}

	return tokens;
}

