/**
The kube/ printers by kind, in one shape, so Table output treats every kind alike.
*/
import type {TableColumnDefinition, TableRow} from '../../kube/printers/table.js';
import type {CronJob, Job, KubeEvent, KubeObject, Namespace, Pod} from '../../kube/types.js';
import {cronJobColumns, printCronJob} from '../../kube/printers/cronjob.js';
import {eventColumns, printEvent} from '../../kube/printers/event.js';
import {jobColumns, printJob} from '../../kube/printers/job.js';
import {namespaceColumns, printNamespace} from '../../kube/printers/namespace.js';
import {podColumns, printPod} from '../../kube/printers/pod.js';
import type {SimKind} from '../store.js';

/** A kind's printer: wide cells at `now` and the full column list. */
export type KindPrinter = {columns: readonly TableColumnDefinition[]; print: (object: KubeObject, now: number) => TableRow};

/** Printers for every served kind. */
export const printers: Record<SimKind, KindPrinter> = {
	Job: {columns: jobColumns, print: (o, now) => printJob(o as Job, now, {wide: true})},
	CronJob: {columns: cronJobColumns, print: (o, now) => printCronJob(o as CronJob, now, {wide: true})},
	Pod: {columns: podColumns, print: (o, now) => printPod(o as Pod, now, {wide: true})},
	Event: {columns: eventColumns, print: (o, now) => printEvent(o as KubeEvent, now, {wide: true})},
	Namespace: {columns: namespaceColumns, print: (o, now) => printNamespace(o as Namespace, now)},
};
