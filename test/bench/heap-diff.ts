/**
`node --max-old-space-size=8000 --import tsx test/bench/heap-diff.ts A.heapsnapshot B.heapsnapshot`: what grew between
two heap snapshots (from `npm run soak:scale -- --snapshots DIR`): counts and self sizes per kind and constructor, then
per retainer (the object and property that hold each one: `Map.table`, `(closure).record`), largest growth first.
Snapshots of a big heap pass V8's longest string, so the file is read as a stream: numbers into typed arrays, strings
one by one.
*/
import {createReadStream} from 'node:fs';

type Meta = {node_fields: string[]; node_types: unknown[]; edge_fields: string[]; edge_types: unknown[]};
type Snapshot = {meta: Meta; nodes: Float64Array; edges: Float64Array; strings: string[]};

/** A growable array of numbers. */
class Numbers {
	values = new Float64Array(1 << 20);
	length = 0;
	push(value: number): void {
		if (this.length === this.values.length) {
			const grown = new Float64Array(this.values.length * 2);
			grown.set(this.values);
			this.values = grown;
		}

		this.values[this.length++] = value;
	}
}

async function read(file: string): Promise<Snapshot> {
	let meta: Meta | undefined;
	let head = '';
	// The sections in file order: the head (small JSON), then numbers, skipped parts, and the strings.
	let section: 'head' | 'numbers' | 'seek' | 'strings' | 'done' = 'head';
	const arrays: Record<string, Numbers> = {nodes: new Numbers(), edges: new Numbers()};
	let current: Numbers | undefined;
	let number = '';
	const strings: string[] = [];
	let pending = '';
	let edgesRead = false;
	// The next section worth reading after a number array: the edges after the nodes, then the strings.
	const seek = (data: string, from: number): number => {
		const marker = edgesRead ? '"strings":[' : '"edges":[';
		const at = data.indexOf(marker, from);
		if (at < 0) {
			return -1;
		}

		if (edgesRead) {
			section = 'strings';
		} else {
			edgesRead = true;
			section = 'numbers';
			current = arrays['edges'];
		}

		return at + marker.length;
	};

	for await (const chunk of createReadStream(file, {encoding: 'utf8', highWaterMark: 1 << 22})) {
		let data = pending + (chunk as string);
		pending = '';
		let i = 0;
		if (section === 'head') {
			head += data;
			const at = head.indexOf('"nodes":[');
			if (at < 0) {
				continue;
			}

			meta = (JSON.parse(head.slice(head.indexOf('"snapshot":') + 11, head.lastIndexOf('},', at) + 1)) as {meta: Meta}).meta;
			data = head.slice(at + 9);
			head = '';
			section = 'numbers';
			current = arrays['nodes'];
		}

		while (i < data.length && section !== 'done') {
			if (section === 'numbers') {
				const close = data.indexOf(']', i);
				const parts = data.slice(i, close < 0 ? data.length : close).split(',');
				parts[0] = number + parts[0]!;
				number = close < 0 ? parts.pop()! : '';
				for (const part of parts) {
					if (part.trim() !== '') {
						current!.push(Number(part));
					}
				}

				if (close < 0) {
					break;
				}

				if (number.trim() !== '') {
					current!.push(Number(number));
				}

				number = '';
				section = 'seek';
				i = close + 1;
			} else if (section === 'seek') {
				const next = seek(data, i);
				if (next < 0) {
					// Keep a tail in case a marker straddles two chunks.
					pending = data.slice(Math.max(i, data.length - 12));
					break;
				}

				i = next;
			} else {
				// Strings: whole quoted tokens at a time; an unfinished one waits for the next chunk.
				// Sticky: each token must follow the last one, so an unfinished string is never scanned into.
				const token = /[\s,]*(?:("(?:[^"\\]|\\.)*")|(]))/y;
				token.lastIndex = i;
				let match: RegExpExecArray | null;
				let end = i;
				while ((match = token.exec(data)) !== null) {
					if (match[2]) {
						section = 'done';
						break;
					}

					strings.push(JSON.parse(match[1]!) as string);
					end = token.lastIndex;
				}

				if (section !== 'done') {
					pending = data.slice(end);
				}

				break;
			}
		}
	}

	return {meta: meta!, nodes: arrays['nodes']!.values.subarray(0, arrays['nodes']!.length), edges: arrays['edges']!.values.subarray(0, arrays['edges']!.length), strings};
}

type Totals = Map<string, {count: number; size: number}>;

function aggregate(snapshot: Snapshot): {byKind: Totals; byRetainer: Totals} {
	const {meta, nodes, edges, strings} = snapshot;
	const width = meta.node_fields.length;
	const type = meta.node_fields.indexOf('type');
	const name = meta.node_fields.indexOf('name');
	const size = meta.node_fields.indexOf('self_size');
	const edgeCount = meta.node_fields.indexOf('edge_count');
	const edgeWidth = meta.edge_fields.length;
	const edgeType = meta.edge_fields.indexOf('type');
	const edgeName = meta.edge_fields.indexOf('name_or_index');
	const edgeTo = meta.edge_fields.indexOf('to_node');
	const types = meta.node_types[0] as string[];
	const edgeTypes = meta.edge_types[0] as string[];
	const label = (at: number) => {
		const kind = types[nodes[at + type]!] ?? '?';
		return kind === 'object' || kind === 'closure' || kind === 'native' ? `${strings[nodes[at + name]!]?.slice(0, 50)}` : `(${kind})`;
	};

	// One retainer per node: the first strong edge that points at it.
	const nodeCount = nodes.length / width;
	const retainer = new Int32Array(nodeCount).fill(-1);
	const retainerEdge = new Int32Array(nodeCount).fill(-1);
	let edge = 0;
	for (let at = 0; at < nodes.length; at += width) {
		const count = nodes[at + edgeCount]!;
		for (let k = 0; k < count; k++, edge += edgeWidth) {
			const kind = edgeTypes[edges[edge + edgeType]!];
			if (kind === 'weak' || kind === 'shortcut') {
				continue;
			}

			const to = edges[edge + edgeTo]! / width;
			if (retainer[to] === -1) {
				retainer[to] = at / width;
				retainerEdge[to] = edge;
			}
		}
	}

	const byKind: Totals = new Map();
	const byRetainer: Totals = new Map();
	const add = (map: Totals, key: string, bytes: number) => {
		const entry = map.get(key) ?? {count: 0, size: 0};
		entry.count++;
		entry.size += bytes;
		map.set(key, entry);
	};

	for (let index = 0; index < nodeCount; index++) {
		const at = index * width;
		const bytes = nodes[at + size]!;
		const own = `${types[nodes[at + type]!]} ${label(at)}`;
		add(byKind, own, bytes);
		let path = own;
		let node = index;
		// Two steps up: what holds it, and what holds that.
		for (let step = 0; step < 2 && retainer[node]! >= 0; step++) {
			const e = retainerEdge[node]!;
			const kind = edgeTypes[edges[e + edgeType]!];
			const edgeLabel = kind === 'element' || kind === 'hidden' ? '[]' : strings[edges[e + edgeName]!]?.slice(0, 30);
			node = retainer[node]!;
			path = `${label(node * width)}.${edgeLabel} ← ${path}`;
		}

		add(byRetainer, path, bytes);
	}

	return {byKind, byRetainer};
}

function print(title: string, before: Totals, after: Totals, rows: number): void {
	const total = (map: Totals) => [...map.values()].reduce((sum, entry) => sum + entry.size, 0);
	process.stdout.write(`\n${title}: total self size ${(total(before) / 2 ** 20).toFixed(1)} MB → ${(total(after) / 2 ** 20).toFixed(1)} MB\n`);
	const keys = [...new Set([...before.keys(), ...after.keys()])];
	const growth = keys.map(key => {
		const a = before.get(key) ?? {count: 0, size: 0};
		const b = after.get(key) ?? {count: 0, size: 0};
		return {key, count: b.count - a.count, size: b.size - a.size, now: b.size};
	}).sort((x, y) => y.size - x.size);
	for (const row of growth.slice(0, rows)) {
		process.stdout.write(`${(row.size / 2 ** 20).toFixed(2).padStart(8)} MB ${String(row.count).padStart(9)} objects  (now ${(row.now / 2 ** 20).toFixed(1)} MB)  ${row.key}\n`);
	}
}

/**
With `--chains NAME FILE`: for every object reached through a property called NAME (`conditions`: one per pod and job
status), the chain of its first retainers up to eight steps, counted: objects kept by something unexpected show up as
a chain of their own beside the store's maps.
*/
function chains(snapshot: Snapshot, property: string): Map<string, number> {
	const {meta, nodes, edges, strings} = snapshot;
	const width = meta.node_fields.length;
	const edgeWidth = meta.edge_fields.length;
	const [type, name, edgeCount] = [meta.node_fields.indexOf('type'), meta.node_fields.indexOf('name'), meta.node_fields.indexOf('edge_count')];
	const [edgeType, edgeName, edgeTo] = [meta.edge_fields.indexOf('type'), meta.edge_fields.indexOf('name_or_index'), meta.edge_fields.indexOf('to_node')];
	const types = meta.node_types[0] as string[];
	const edgeTypes = meta.edge_types[0] as string[];
	const nodeCount = nodes.length / width;
	const retainer = new Int32Array(nodeCount).fill(-1);
	const retainerEdge = new Int32Array(nodeCount).fill(-1);
	const targets: number[] = [];
	let edge = 0;
	for (let at = 0; at < nodes.length; at += width) {
		for (let k = 0; k < nodes[at + edgeCount]!; k++, edge += edgeWidth) {
			const kind = edgeTypes[edges[edge + edgeType]!];
			if (kind === 'weak' || kind === 'shortcut') {
				continue;
			}

			const to = edges[edge + edgeTo]! / width;
			if (kind === 'property' && strings[edges[edge + edgeName]!] === property) {
				targets.push(to);
			}

			if (retainer[to] === -1) {
				retainer[to] = at / width;
				retainerEdge[to] = edge;
			}
		}
	}

	const out = new Map<string, number>();
	for (const target of targets) {
		const steps: string[] = [];
		let node = target;
		for (let step = 0; step < 8 && retainer[node]! >= 0; step++) {
			const e = retainerEdge[node]!;
			const kind = edgeTypes[edges[e + edgeType]!];
			node = retainer[node]!;
			const own = types[nodes[node * width + type]!];
			const label = own === 'object' || own === 'closure' ? strings[nodes[node * width + name]!]?.slice(0, 24) : own;
			steps.push(`${label}${kind === 'element' || kind === 'hidden' ? '[]' : `.${strings[edges[e + edgeName]!]?.slice(0, 20)}`}`);
		}

		const key = steps.reverse().join(' → ');
		out.set(key, (out.get(key) ?? 0) + 1);
	}

	return out;
}

if (process.argv[2] === '--chains') {
	const found = chains(await read(process.argv[4]!), process.argv[3]!);
	for (const [key, count] of [...found].sort((a, b) => b[1] - a[1]).slice(0, 40)) {
		process.stdout.write(`${String(count).padStart(8)}  ${key}\n`);
	}

	process.exit(0);
}

const [first, second] = process.argv.slice(2);
if (!first || !second) {
	process.stderr.write('usage: heap-diff A.heapsnapshot B.heapsnapshot\n');
	process.exit(2);
}

const a = aggregate(await read(first));
const b = aggregate(await read(second));
print('per kind', a.byKind, b.byKind, 15);
print('per retainer', a.byRetainer, b.byRetainer, 40);
