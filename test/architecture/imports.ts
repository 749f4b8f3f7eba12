/**
Reads the relative imports of every TypeScript file under `source/`, so architecture tests can check the graph they
form. Type-only imports count too: a cycle of types still means two files cannot be read apart.
*/
import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';

/** The repository's `source/` folder. */
export const sourceRoot = path.resolve(import.meta.dirname, '../../source');

/** Every `.ts`/`.tsx` file below `root`, as paths relative to it with forward slashes. */
export function sourceFiles(root = sourceRoot): string[] {
	return readdirSync(root, {recursive: true, encoding: 'utf8'})
		.filter(file => /\.tsx?$/.test(file))
		.map(file => file.split(path.sep).join('/'))
		.sort();
}

const importPattern = /(?:^|\s)(?:import|export)\s[^'"]*?from\s*['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;

/** The files (relative to `root`) that `file` imports, resolved from `.js` specifiers to the `.ts`/`.tsx` files on disk. */
export function importsOf(file: string, files: ReadonlySet<string>, root = sourceRoot): string[] {
	const text = readFileSync(path.join(root, file), 'utf8');
	const found: string[] = [];
	for (const match of text.matchAll(importPattern)) {
		const specifier = match[1] ?? match[2] ?? '';
		const stem = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier)).replace(/\.js$/, '');
		const target = [`${stem}.ts`, `${stem}.tsx`].find(candidate => files.has(candidate));
		if (target) found.push(target);
	}
	return found;
}

/** The import graph of `source/`: each file with the files it imports. */
export function importGraph(root = sourceRoot): Map<string, string[]> {
	const files = sourceFiles(root);
	const known = new Set(files);
	return new Map(files.map(file => [file, importsOf(file, known, root)]));
}

/**
Every import cycle in `graph`, one per strongly connected component (Tarjan's algorithm), each given as a closed path
`a → b → … → a` through that component so a failure names the files to untangle.
*/
export function importCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
	const index = new Map<string, number>();
	const low = new Map<string, number>();
	const stack: string[] = [];
	const onStack = new Set<string>();
	const components: string[][] = [];
	let counter = 0;
	const visit = (node: string) => {
		index.set(node, counter);
		low.set(node, counter);
		counter++;
		stack.push(node);
		onStack.add(node);
		for (const next of graph.get(node) ?? []) {
			if (!index.has(next)) {
				visit(next);
				low.set(node, Math.min(low.get(node)!, low.get(next)!));
			} else if (onStack.has(next)) {
				low.set(node, Math.min(low.get(node)!, index.get(next)!));
			}
		}
		if (low.get(node) === index.get(node)) {
			const component: string[] = [];
			let member: string;
			do {
				member = stack.pop()!;
				onStack.delete(member);
				component.push(member);
			} while (member !== node);
			const selfLoop = (graph.get(node) ?? []).includes(node);
			if (component.length > 1 || selfLoop) components.push(component);
		}
	};
	for (const node of graph.keys()) if (!index.has(node)) visit(node);
	return components.map(component => cyclePath(graph, new Set(component)));
}

/** A closed path through one strongly connected component, found by walking from its first member until a repeat. */
function cyclePath(graph: ReadonlyMap<string, readonly string[]>, members: ReadonlySet<string>): string[] {
	const start = [...members].sort()[0]!;
	// Breadth-first search for the shortest way from start back to itself inside the component.
	const previous = new Map<string, string>();
	const queue = [start];
	while (queue.length > 0) {
		const node = queue.shift()!;
		for (const next of graph.get(node) ?? []) {
			if (!members.has(next)) continue;
			if (next === start) {
				const path = [start];
				for (let at = node; at !== start; at = previous.get(at)!) path.splice(1, 0, at);
				return [...path, start];
			}
			if (!previous.has(next)) {
				previous.set(next, node);
				queue.push(next);
			}
		}
	}
	return [start, start];
}
