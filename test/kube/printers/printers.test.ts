import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {cronJobColumns, printCronJob} from '../../../source/kube/printers/cronjob.js';
import {jobColumns, printJob} from '../../../source/kube/printers/job.js';
import {podColumns, printPod} from '../../../source/kube/printers/pod.js';
import {visibleColumns, type PrintOptions, type TableColumnDefinition, type TableRow} from '../../../source/kube/printers/table.js';
import {fixedNow, loadUpstream, resolveTimes} from '../../helpers/upstream.js';

type PrinterCase = {
	name: string;
	options: PrintOptions;
	input: any;
	expected: {columns: string[]; rows: Array<{cells: TableRow['cells']; conditions?: unknown[]}>};
};
type PrinterFile = {columns: Array<{name: string; type: string; priority: number}>; cases: PrinterCase[]};

const printers: Array<[string, TableColumnDefinition[], (object: any, now: number, options?: PrintOptions) => TableRow]> = [
	['printers-job.json', jobColumns, printJob],
	['printers-cronjob.json', cronJobColumns, printCronJob],
	['printers-pod.json', podColumns, printPod],
];

for (const [fileName, columns, print] of printers) {
	const file = loadUpstream<PrinterFile>(fileName);
	describe(fileName, () => {
		test('column definitions match upstream names, types and priorities', () => {
			assert.deepEqual(columns.map(({name, type, priority}) => ({name, type, priority})), file.columns);
			for (const definition of columns) {
				assert.ok(definition.description.length > 0, `${definition.name} has a description`);
			}

			assert.equal(columns[0]?.format, 'name');
		});

		for (const item of file.cases) {
			test(item.name, () => {
				const input = resolveTimes(item.input);
				const objects = String(input.kind).endsWith('List') ? input.items : [input];
				const rows = objects.map((object: unknown) => print(object, fixedNow, item.options));
				assert.deepEqual(visibleColumns(columns, item.options).map(definition => definition.name), item.expected.columns);
				assert.equal(rows.length, item.expected.rows.length);
				for (const [index, expected] of item.expected.rows.entries()) {
					assert.deepEqual(rows[index].cells, expected.cells);
					assert.deepEqual(rows[index].conditions, expected.conditions);
				}
			});
		}
	});
}
