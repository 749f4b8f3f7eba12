import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {eventColumns, namespaceColumns, printEvent, printNamespace} from '../../../source/kube/printers/event.js';
import {visibleColumns} from '../../../source/kube/printers/table.js';
import type {KubeEvent} from '../../../source/kube/types.js';

// No upstream vectors exist for events/namespaces in test/fixtures/upstream; these follow printers.go §6.4.
const now = Date.parse('2026-01-01T10:10:00Z');

describe('printEvent', () => {
	const created: KubeEvent = {
		metadata: {name: 'report.1881a2b3c4d5e6f7', namespace: 'default'},
		involvedObject: {kind: 'Job', name: 'report', namespace: 'default'},
		reason: 'SuccessfulCreate',
		message: 'Created pod: report-7x2kq\n',
		type: 'Normal',
		count: 2,
		firstTimestamp: '2026-01-01T10:00:00Z',
		lastTimestamp: '2026-01-01T10:05:00Z',
		source: {component: 'job-controller'},
	};

	test('columns: names, priorities, default and wide order', () => {
		assert.deepEqual(visibleColumns(eventColumns).map(column => column.name), ['Last Seen', 'Type', 'Reason', 'Object', 'Message']);
		assert.deepEqual(eventColumns.map(column => [column.name, column.priority]), [
			['Last Seen', 0], ['Type', 0], ['Reason', 0], ['Object', 0], ['Subobject', 1], ['Source', 1], ['Message', 0], ['First Seen', 1], ['Count', 1], ['Name', 1],
		]);
	});

	test('core/v1 event with count, trimmed message', () => {
		assert.deepEqual(printEvent(created, now).cells, ['5m', 'Normal', 'SuccessfulCreate', 'job/report', 'Created pod: report-7x2kq']);
		assert.deepEqual(printEvent(created, now, {wide: true}).cells, [
			'5m', 'Normal', 'SuccessfulCreate', 'job/report', '', 'job-controller', 'Created pod: report-7x2kq', '10m', 2, 'report.1881a2b3c4d5e6f7',
		]);
	});

	test('scheduler (events.k8s.io) event: eventTime, reportingComponent, count 1', () => {
		const scheduled: KubeEvent = {
			metadata: {name: 'report-7x2kq.1881'},
			involvedObject: {kind: 'Pod', name: 'report-7x2kq', fieldPath: ''},
			reason: 'Scheduled', type: 'Normal', message: 'Successfully assigned default/report-7x2kq to sim-node-1',
			eventTime: '2026-01-01T10:09:30.123456Z', reportingComponent: 'default-scheduler', reportingInstance: 'default-scheduler-sim',
			firstTimestamp: null, lastTimestamp: null,
		};
		assert.deepEqual(printEvent(scheduled, now, {wide: true}).cells, [
			'29s', 'Normal', 'Scheduled', 'pod/report-7x2kq', '', 'default-scheduler, default-scheduler-sim',
			'Successfully assigned default/report-7x2kq to sim-node-1', '29s', 1, 'report-7x2kq.1881',
		]);
	});

	test('series overrides last seen and count; kind only when the name is empty; fieldPath as subobject', () => {
		const event: KubeEvent = {
			metadata: {name: 'x'}, involvedObject: {kind: 'Node', fieldPath: 'spec.containers{main}'},
			type: 'Warning', reason: 'BackOff', message: 'Back-off restarting failed container',
			firstTimestamp: '2026-01-01T09:10:00Z', series: {count: 7, lastObservedTime: '2026-01-01T10:09:00Z'},
			source: {component: 'kubelet', host: 'sim-node-1'},
		};
		assert.deepEqual(printEvent(event, now, {wide: true}).cells, [
			'60s', 'Warning', 'BackOff', 'node', 'spec.containers{main}', 'kubelet, sim-node-1', 'Back-off restarting failed container', '60m', 7, 'x',
		]);
	});

	test('no timestamps at all', () => {
		assert.deepEqual(printEvent({metadata: {name: 'y'}, involvedObject: {}}, now).cells, ['<unknown>', '', '', '', '']);
	});
});

describe('printNamespace', () => {
	test('NAME STATUS AGE', () => {
		assert.deepEqual(namespaceColumns.map(column => column.name), ['Name', 'Status', 'Age']);
		assert.deepEqual(printNamespace({metadata: {name: 'default', creationTimestamp: '2025-12-01T10:10:00Z'}, status: {phase: 'Active'}}, now).cells, ['default', 'Active', '31d']);
		assert.deepEqual(printNamespace({metadata: {name: 'old', creationTimestamp: '2026-01-01T10:00:00Z', deletionTimestamp: '2026-01-01T10:09:00Z'}, status: {phase: 'Terminating'}}, now).cells, ['old', 'Terminating', '10m']);
	});
});
