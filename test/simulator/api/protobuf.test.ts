import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {test} from 'node:test';
import {decodeProtobufObject} from '../../../source/simulator/api/protobuf.js';
import {SimError} from '../../../source/simulator/store.js';

// Bodies captured from kubectl 1.32.4 (`create job manual-1 --from=cronjob/nightly`, `create cronjob tick2 …`).
const fixture = (name: string) => readFileSync(new URL(`../../fixtures/protobuf/${name}`, import.meta.url));

test('decodes the Job kubectl create job --from=cronjob sends', () => {
	assert.deepEqual(decodeProtobufObject(fixture('create-job-from-cronjob.pb')), {
		apiVersion: 'batch/v1',
		kind: 'Job',
		metadata: {
			name: 'manual-1',
			labels: {team: 'x'},
			annotations: {a: 'b', 'cronjob.kubernetes.io/instantiate': 'manual'},
			ownerReferences: [{kind: 'CronJob', name: 'nightly', uid: '28bf8058-9331-42c4-9fb3-09e3f3cdca88', apiVersion: 'batch/v1', controller: true}],
		},
		spec: {
			template: {
				metadata: {},
				spec: {
					containers: [{
						name: 'c', image: 'busybox', command: ['sh', '-c', 'echo hi'],
						env: [{name: 'A', value: '1'}, {name: 'P', valueFrom: {fieldRef: {apiVersion: 'v1', fieldPath: 'metadata.name'}}}],
						resources: {limits: {cpu: '100m', memory: '64Mi'}},
						terminationMessagePath: '/dev/termination-log', imagePullPolicy: 'Always', terminationMessagePolicy: 'File',
					}],
					restartPolicy: 'OnFailure', terminationGracePeriodSeconds: 30, dnsPolicy: 'ClusterFirst', securityContext: {}, schedulerName: 'default-scheduler',
				},
			},
			backoffLimit: 2,
		},
	});
});

test('decodes the CronJob kubectl create cronjob sends', () => {
	assert.deepEqual(decodeProtobufObject(fixture('create-cronjob.pb')), {
		apiVersion: 'batch/v1',
		kind: 'CronJob',
		metadata: {name: 'tick2'},
		spec: {
			schedule: '*/5 * * * *',
			jobTemplate: {metadata: {name: 'tick2'}, spec: {template: {metadata: {}, spec: {containers: [{name: 'tick2', image: 'busybox', command: ['sh', '-c', 'echo hi'], resources: {}}], restartPolicy: 'Never'}}}},
		},
	});
});

test('bodies without the magic prefix are 400, unknown kinds 415, truncated ones 400', () => {
	const code = (body: Buffer) => {
		try {
			decodeProtobufObject(body);
			return 0;
		} catch (error) {
			assert.ok(error instanceof SimError);
			return error.code;
		}
	};

	assert.equal(code(Buffer.from('{"kind":"Job"}')), 400);
	// Envelope with typeMeta {apiVersion: "apps/v1", kind: "Deployment"}.
	const typeMeta = Buffer.concat([Buffer.from([0x0A, 7]), Buffer.from('apps/v1'), Buffer.from([0x12, 10]), Buffer.from('Deployment')]);
	assert.equal(code(Buffer.concat([Buffer.from([0x6B, 0x38, 0x73, 0x00, 0x0A, typeMeta.length]), typeMeta])), 415);
	assert.equal(code(fixture('create-job-from-cronjob.pb').subarray(0, 100)), 400);
});
