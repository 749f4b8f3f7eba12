/**
Decodes the Kubernetes protobuf envelope (`k8s\0` + runtime.Unknown) that kubectl uses for `create job`, into the
JSON shape of the object (batch/v1 Job and the few other kinds kubectl posts as protobuf). Only the fields a Job can carry are described; unknown fields are skipped. gogo-proto
writes zero values for non-pointer fields, so those are dropped unless the field is a pointer (`opt`).
*/
import {badRequest} from './status.js';
import {SimError} from '../store.js';

type Scalar = 'string' | 'int' | 'bool' | 'bytes';
type Field = {name: string; type: Scalar | Schema | 'time' | 'quantity' | 'intstr'; repeated?: boolean; map?: Scalar | 'quantity'; opt?: boolean; inline?: boolean};
type Schema = Record<number, Field>;

const s = (name: string, opt = false): Field => ({name, type: 'string', opt});
const i = (name: string, opt = false): Field => ({name, type: 'int', opt});
const b = (name: string, opt = false): Field => ({name, type: 'bool', opt});
const m = (name: string, type: Schema, repeated = false): Field => ({name, type, repeated});
const strings = (name: string): Field => ({name, type: 'string', repeated: true});

const ownerReference: Schema = {1: s('kind'), 3: s('name'), 4: s('uid'), 5: s('apiVersion'), 6: b('controller', true), 7: b('blockOwnerDeletion', true)};
const objectMeta: Schema = {
	1: s('name'), 2: s('generateName'), 3: s('namespace'), 5: s('uid'), 6: s('resourceVersion'), 7: i('generation'),
	8: {name: 'creationTimestamp', type: 'time'}, 9: {name: 'deletionTimestamp', type: 'time'}, 10: i('deletionGracePeriodSeconds', true),
	11: {name: 'labels', type: 'string', map: 'string'}, 12: {name: 'annotations', type: 'string', map: 'string'},
	13: m('ownerReferences', ownerReference, true), 14: strings('finalizers'),
};
const labelSelector: Schema = {
	1: {name: 'matchLabels', type: 'string', map: 'string'},
	2: m('matchExpressions', {1: s('key'), 2: s('operator'), 3: strings('values')}, true),
};
const localRef: Schema = {1: s('name')};
const keySelector: Schema = {1: {name: '', type: localRef, inline: true}, 2: s('key'), 3: b('optional', true)};
const envVar: Schema = {1: s('name'), 2: s('value'), 3: m('valueFrom', {
	1: m('fieldRef', {1: s('apiVersion'), 2: s('fieldPath')}),
	2: m('resourceFieldRef', {1: s('containerName'), 2: s('resource'), 3: {name: 'divisor', type: 'quantity'}}),
	3: m('configMapKeyRef', keySelector), 4: m('secretKeyRef', keySelector),
})};
const envSource: Schema = {
	1: s('prefix'),
	2: m('configMapRef', {1: {name: '', type: localRef, inline: true}, 2: b('optional', true)}),
	3: m('secretRef', {1: {name: '', type: localRef, inline: true}, 2: b('optional', true)}),
};
const container: Schema = {
	1: s('name'), 2: s('image'), 3: strings('command'), 4: strings('args'), 5: s('workingDir'),
	6: m('ports', {1: s('name'), 2: i('hostPort'), 3: i('containerPort'), 4: s('protocol'), 5: s('hostIP')}, true),
	7: m('env', envVar, true),
	8: m('resources', {1: {name: 'limits', type: 'string', map: 'quantity'}, 2: {name: 'requests', type: 'string', map: 'quantity'}}),
	9: m('volumeMounts', {1: s('name'), 2: b('readOnly'), 3: s('mountPath'), 4: s('subPath'), 5: s('mountPropagation', true), 6: s('subPathExpr')}, true),
	13: s('terminationMessagePath'), 14: s('imagePullPolicy'), 16: b('stdin'), 17: b('stdinOnce'), 18: b('tty'),
	19: m('envFrom', envSource, true), 20: s('terminationMessagePolicy'), 24: s('restartPolicy', true),
};
const keyToPath: Schema = {1: s('key'), 2: s('path'), 3: i('mode', true)};
const volumeSource: Schema = {
	1: m('hostPath', {1: s('path'), 2: s('type', true)}),
	2: m('emptyDir', {1: s('medium'), 2: {name: 'sizeLimit', type: 'quantity'}}),
	6: m('secret', {1: s('secretName'), 2: m('items', keyToPath, true), 3: i('defaultMode', true), 4: b('optional', true)}),
	10: m('persistentVolumeClaim', {1: s('claimName'), 2: b('readOnly')}),
	19: m('configMap', {1: {name: '', type: localRef, inline: true}, 2: m('items', keyToPath, true), 3: i('defaultMode', true), 4: b('optional', true)}),
};
const podSpec: Schema = {
	1: m('volumes', {1: s('name'), 2: {name: '', type: volumeSource, inline: true}}, true),
	2: m('containers', container, true), 3: s('restartPolicy'), 4: i('terminationGracePeriodSeconds', true), 5: i('activeDeadlineSeconds', true),
	6: s('dnsPolicy'), 7: {name: 'nodeSelector', type: 'string', map: 'string'}, 8: s('serviceAccountName'), 9: s('serviceAccount'),
	10: s('nodeName'), 11: b('hostNetwork'), 12: b('hostPID'), 13: b('hostIPC'),
	14: m('securityContext', {2: i('runAsUser', true), 3: b('runAsNonRoot', true), 4: {name: 'supplementalGroups', type: 'int', repeated: true}, 5: i('fsGroup', true), 6: i('runAsGroup', true)}),
	15: m('imagePullSecrets', localRef, true), 16: s('hostname'), 17: s('subdomain'), 19: s('schedulerName'),
	20: m('initContainers', container, true), 21: b('automountServiceAccountToken', true),
	22: m('tolerations', {1: s('key'), 2: s('operator'), 3: s('value'), 4: s('effect'), 5: i('tolerationSeconds', true)}, true),
	24: s('priorityClassName'), 25: i('priority', true), 30: b('enableServiceLinks', true), 31: s('preemptionPolicy', true),
};
const jobSpec: Schema = {
	1: i('parallelism', true), 2: i('completions', true), 3: i('activeDeadlineSeconds', true), 4: m('selector', labelSelector),
	5: b('manualSelector', true), 6: m('template', {1: m('metadata', objectMeta), 2: m('spec', podSpec)}), 7: i('backoffLimit', true),
	8: i('ttlSecondsAfterFinished', true), 9: s('completionMode', true), 10: b('suspend', true),
	11: m('podFailurePolicy', {1: m('rules', {
		1: s('action'),
		2: m('onExitCodes', {1: s('containerName', true), 2: s('operator'), 3: {name: 'values', type: 'int', repeated: true}}),
		3: m('onPodConditions', {1: s('type'), 2: s('status')}, true),
	}, true)}),
	12: i('backoffLimitPerIndex', true), 13: i('maxFailedIndexes', true), 14: s('podReplacementPolicy', true), 15: s('managedBy', true),
	16: m('successPolicy', {1: m('rules', {1: s('succeededIndexes', true), 2: i('succeededCount', true)}, true)}),
};
const jobSchema: Schema = {1: m('metadata', objectMeta), 2: m('spec', jobSpec)};
const accessReviewSchema: Schema = {1: m('metadata', objectMeta), 2: m('spec', {
	1: m('resourceAttributes', {1: s('namespace'), 2: s('verb'), 3: s('group'), 4: s('version'), 5: s('resource'), 6: s('subresource'), 7: s('name')}),
	2: m('nonResourceAttributes', {1: s('path'), 2: s('verb')}),
})};
/** The kinds a protobuf body may carry, by `apiVersion/kind`. */
const schemas: Record<string, Schema> = {
	'batch/v1/Job': jobSchema,
	'batch/v1/CronJob': {1: m('metadata', objectMeta), 2: m('spec', {
		1: s('schedule'), 2: i('startingDeadlineSeconds', true), 3: s('concurrencyPolicy'), 4: b('suspend', true),
		5: m('jobTemplate', {1: m('metadata', objectMeta), 2: m('spec', jobSpec)}),
		6: i('successfulJobsHistoryLimit', true), 7: i('failedJobsHistoryLimit', true), 8: s('timeZone', true),
	})},
	'v1/Pod': {1: m('metadata', objectMeta), 2: m('spec', podSpec)},
	'v1/Namespace': {1: m('metadata', objectMeta), 2: m('spec', {1: strings('finalizers')})},
	'authorization.k8s.io/v1/SelfSubjectAccessReview': accessReviewSchema,
	'authorization.k8s.io/v1/SelfSubjectRulesReview': {1: m('metadata', objectMeta), 2: m('spec', {1: s('namespace')})},
};
const unknownSchema: Schema = {1: m('typeMeta', {1: s('apiVersion'), 2: s('kind')}), 2: {name: 'raw', type: 'bytes'}, 3: s('contentEncoding'), 4: s('contentType')};

class Reader {
	pos = 0;
	constructor(readonly buf: Buffer, readonly end = buf.length) {}

	varint(): bigint {
		let result = 0n;
		let shift = 0n;
		for (;;) {
			if (this.pos >= this.end) {
				throw badRequest('protobuf: unexpected end of data');
			}

			const byte = this.buf[this.pos++]!;
			result |= BigInt(byte & 0x7F) << shift;
			if ((byte & 0x80) === 0) {
				return result;
			}

			shift += 7n;
		}
	}

	bytes(): Buffer {
		const length = Number(this.varint());
		if (this.pos + length > this.end) {
			throw badRequest('protobuf: length out of range');
		}

		const out = this.buf.subarray(this.pos, this.pos + length);
		this.pos += length;
		return out;
	}

	skip(wireType: number): void {
		if (wireType === 0) {
			this.varint();
		} else if (wireType === 1) {
			this.pos += 8;
		} else if (wireType === 2) {
			this.bytes();
		} else if (wireType === 5) {
			this.pos += 4;
		} else {
			throw badRequest(`protobuf: unsupported wire type ${wireType}`);
		}
	}
}

const toInt = (value: bigint) => Number(BigInt.asIntN(64, value));

function decodeMessage(buf: Buffer, schema: Schema): Record<string, unknown> {
	const reader = new Reader(buf);
	const out: Record<string, unknown> = {};
	while (reader.pos < reader.end) {
		const tag = Number(reader.varint());
		const field = schema[tag >> 3];
		const wireType = tag & 7;
		if (!field) {
			reader.skip(wireType);
			continue;
		}

		if (field.map) {
			const entry = decodeMessage(reader.bytes(), {1: s('key'), 2: field.map === 'quantity' ? {name: 'value', type: 'quantity'} : {name: 'value', type: field.map, opt: true}});
			const map = (out[field.name] ??= {}) as Record<string, unknown>;
			map[String(entry['key'] ?? '')] = entry['value'] ?? '';
			continue;
		}

		if (field.type === 'int' && field.repeated && wireType === 2) {
			const packed = new Reader(reader.bytes());
			const list = (out[field.name] ??= []) as number[];
			while (packed.pos < packed.end) {
				list.push(toInt(packed.varint()));
			}

			continue;
		}

		const value = decodeValue(reader, field, wireType);
		if (field.inline && typeof value === 'object' && value !== null) {
			Object.assign(out, value);
		} else if (field.repeated) {
			((out[field.name] ??= []) as unknown[]).push(value);
		} else if (value !== undefined) {
			out[field.name] = value;
		}
	}

	return out;
}

function decodeValue(reader: Reader, field: Field, wireType: number): unknown {
	const keep = field.opt === true || field.repeated === true;
	switch (field.type) {
		case 'int': {
			const value = toInt(reader.varint());
			return value === 0 && !keep ? undefined : value;
		}

		case 'bool': {
			const value = reader.varint() !== 0n;
			return !value && !keep ? undefined : value;
		}

		case 'string': {
			const value = reader.bytes().toString('utf8');
			return value === '' && !keep ? undefined : value;
		}

		case 'bytes': {
			return reader.bytes();
		}

		case 'time': {
			const time = decodeMessage(reader.bytes(), {1: i('seconds'), 2: i('nanos')});
			const seconds = Number(time['seconds'] ?? 0);
			// Go's zero time (encoded for non-pointer Times such as a template's creationTimestamp) means "unset".
			if (seconds <= 0) {
				return undefined;
			}

			return new Date(Number(time['seconds'] ?? 0) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
		}

		case 'quantity': {
			return decodeMessage(reader.bytes(), {1: s('string')})['string'] ?? '0';
		}

		case 'intstr': {
			const value = decodeMessage(reader.bytes(), {1: i('type'), 2: i('intVal'), 3: s('strVal')});
			return value['type'] === 1 ? value['strVal'] : (value['intVal'] ?? 0);
		}

		default: {
			if (wireType !== 2) {
				throw badRequest(`protobuf: field ${field.name} has wire type ${wireType}`);
			}

			return decodeMessage(reader.bytes(), field.type);
		}
	}
}

const magic = Buffer.from([0x6B, 0x38, 0x73, 0x00]);

/** Decodes a protobuf-encoded body (Job, CronJob, Pod, Namespace or SelfSubjectAccessReview) (`application/vnd.kubernetes.protobuf`). Throws 400 for anything else. */
export function decodeProtobufObject(body: Buffer): Record<string, unknown> {
	if (!body.subarray(0, 4).equals(magic)) {
		throw badRequest('the body of the request was in an unknown format - protobuf message without the k8s magic prefix');
	}

	const envelope = decodeMessage(body.subarray(4), unknownSchema);
	const typeMeta = (envelope['typeMeta'] ?? {}) as {apiVersion?: string; kind?: string};
	const schema = schemas[`${typeMeta.apiVersion ?? ''}/${typeMeta.kind ?? ''}`];
	if (!schema) {
		throw new SimError(415, 'UnsupportedMediaType', `the simulator cannot decode protobuf bodies of ${typeMeta.apiVersion ?? '?'} ${typeMeta.kind ?? '?'}; send JSON`);
	}

	const raw = envelope['raw'];
	const object = decodeMessage(Buffer.isBuffer(raw) ? raw : Buffer.alloc(0), schema);
	return {apiVersion: typeMeta.apiVersion, kind: typeMeta.kind, metadata: {}, ...object};
}
