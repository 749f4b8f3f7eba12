/**
The upstream CronJob controller vectors (test/fixtures/upstream/cronjob-controller-sync.json) and what this project
does with each case: `'run'` (a test runs it against the simulator, and the app where the same rule applies) or
`{na: reason}` (it cannot apply here, and the reason says why). Every case of the fixture must appear here, and
nothing else may: the classification test fails on a case nobody has decided about, so a refreshed fixture cannot
quietly lose or skip cases.
*/
import type {CronJob, Job} from '../../source/kube/types.js';
import {readFixtureJson} from '../helpers/fixtures.js';

/** A decision about one vector. */
export type Classification = 'run' | {readonly na: string};

type Time = {at: string} | null;

/** One TestControllerV2SyncCronJob case: the table's inputs and what upstream asserts. */
export type SyncCase = {
	name: string;
	inputs: {
		concurrencyPolicy: string; suspend: boolean; schedule: string; timeZone: string | null; startingDeadlineSeconds: number | null;
		ranPreviously: boolean; stillActive: boolean; cronjobCreationTime: Time; jobCreationTime: Time; lastScheduleTime: Time; now: Time;
		jobCreateError: string | null; jobGetErr: string | null; jobStillNotFoundInLister: boolean; jobPresentInCJActiveStatus: boolean; successfulJobsHistoryLimit?: number;
	};
	expected: {expectCreate: boolean; expectDelete: boolean; expectCompleted?: boolean; expectActive: number; expectedWarnings: number; expectRequeueAfter: boolean; expectedRequeueSeconds: number | null};
};

/** One TestControllerV2UpdateCronJob case: the CronJob before and after an update, and the delay upstream requeues it with. */
export type UpdateCase = {name: string; inputs: {now: string; old: CronJob; new: CronJob}; expected: {queueDelaySeconds: number}};

/** One TestControllerV2GetJobsToBeReconciled case: the jobs in the cache and the names the CronJob must claim. */
export type ReconciledCase = {name: string; inputs: {cronJob: CronJob; jobsInInformer: Job[]}; expected: {jobNames: string[]}};

/** One TestControllerV2CleanupFinishedJobs case: finished jobs and the names the history limits delete. */
export type CleanupCase = {name: string; inputs: {now: string; cronJob: CronJob; finishedJobs: Job[]}; expected: {deletedJobNames: string[]}};

/** The fixture file, by group (each group is one upstream Go test). */
export const cronJobVectors = readFixtureJson<{
	cases: SyncCase[];
	updateCronJobCases: UpdateCase[];
	getJobsToBeReconciledCases: ReconciledCase[];
	cleanupFinishedJobsCases: CleanupCase[];
}>('upstream/cronjob-controller-sync.json');

/** The fixture's groups of cases, the keys of `cronJobVectors` that hold arrays of cases. */
export type VectorGroup = 'cases' | 'updateCronJobCases' | 'getJobsToBeReconciledCases' | 'cleanupFinishedJobsCases';

// Upstream's fake client re-reads the CronJob from a copy that already lists the job as active, so upstream sees no
// UnexpectedJob there; the simulator reads one store that is never stale, so it (correctly) warns.
const staleCache = {na: 'upstream fake-client artefact: its CronJob client returns a copy that already lists the job as active, which a store that is never stale cannot reproduce'};
const getError = {na: 'injects a BadRequest error into the controller\'s GET of a job; the simulator reads its own store, which cannot fail a read'};
const namespaceTerminating = {na: 'injects a NamespaceTerminating error on create; the simulator does not model namespace termination'};
const forkZeroTime = {na: 'present only in the fork the file was converted from (not verified against kubernetes/kubernetes, see the fixture\'s provenanceWarning), and its times are Go\'s zero time, year 1'};
// The simulator has no work queue: it reconciles every CronJob on each 100 ms tick, so "requeue now" (delay 0) is
// what it always does. The schedule-change cases still run: the new schedule's next run must start exactly then.
const noWorkQueue = {na: 'asserts a work-queue delay of 0 (reconcile at once); the simulator has no work queue and reconciles every CronJob on every 100 ms tick'};

/** The decision for every case, by group and case name. */
export const classification: Record<VectorGroup, Record<string, Classification>> = {
	cases: {
		'never ran, not valid schedule, A': 'run',
		'never ran, not valid schedule, F': 'run',
		'never ran, not valid schedule, R': 'run',
		'never ran, not valid time zone': 'run',
		'never ran, not time, A': 'run',
		'never ran, not time, F': 'run',
		'never ran, not time, R': 'run',
		'never ran, not time in zone': 'run',
		'never ran, is time, A': 'run',
		'never ran, is time, F': 'run',
		'never ran, is time, R': 'run',
		'never ran, is time in zone, but time zone disabled': 'run',
		'never ran, is time in zone': 'run',
		'never ran, is time in zone, but TZ is also set in schedule': 'run',
		'never ran, is time, suspended': 'run',
		'never ran, is time, past deadline': 'run',
		'never ran, is time, not past deadline': 'run',
		'prev ran but done, not time, A': 'run',
		'prev ran but done, not time, F': 'run',
		'prev ran but done, not time, R': 'run',
		'prev ran but done, is time, A': 'run',
		'prev ran but done, is time, create job failed, A': 'run',
		'prev ran but done, is time, job not present in CJ active status, create job failed, A': 'run',
		'prev ran but done, is time, F': 'run',
		'prev ran but done, is time, R': 'run',
		'prev ran but done, is time, suspended': 'run',
		'prev ran but done, is time, past deadline': 'run',
		'prev ran but done, is time, not past deadline': 'run',
		'still active, not time, A': 'run',
		'still active, not time, F': 'run',
		'still active, not time, R': 'run',
		'still active, is time, A': 'run',
		'still active, is time, F': 'run',
		'still active, is time, R': 'run',
		'still active, is time, get job failed, R': getError,
		'still active, is time, suspended': 'run',
		'still active, is time, past deadline': 'run',
		'still active, is time, not past deadline': 'run',
		'prev ran but done, long overdue, not past deadline, A': 'run',
		'prev ran but done, long overdue, not past deadline, R': 'run',
		'prev ran but done, long overdue, not past deadline, F': 'run',
		'prev ran but done, long overdue, no deadline, A': 'run',
		'prev ran but done, long overdue, no deadline, R': 'run',
		'prev ran but done, long overdue, no deadline, F': 'run',
		'prev ran but done, long overdue, past medium deadline, A': 'run',
		'prev ran but done, long overdue, past short deadline, A': 'run',
		'prev ran but done, long overdue, past medium deadline, R': 'run',
		'prev ran but done, long overdue, past short deadline, R': 'run',
		'prev ran but done, long overdue, past medium deadline, F': 'run',
		'prev ran but done, long overdue, past short deadline, F': 'run',
		'this ran but done, time drifted back, F': 'run',
		'this started but went missing, not past deadline, A': 'run',
		'this started but went missing, not past deadline, f': 'run',
		'this started but went missing, not past deadline, R': 'run',
		'this started but is not present in cronjob active list, not past deadline, A': staleCache,
		'this started but is not present in cronjob active list, not past deadline, f': staleCache,
		'this started but is not present in cronjob active list, not past deadline, R': staleCache,
		'with @every schedule, never ran, not time': 'run',
		'with @every schedule, never ran, is time': 'run',
		'with @every schedule, never ran, is time, past deadline': 'run',
		'with @every schedule, never ran, is time, not past deadline': 'run',
		'with @every schedule, prev ran but done, not time': 'run',
		'with @every schedule, prev ran but done, is time': 'run',
		'with @every schedule, prev ran but done, is time, past deadline': 'run',
		'with @every schedule, still active, not time': 'run',
		'with @every schedule, still active, is time': 'run',
		'with @every schedule, still active, is time, past deadline': 'run',
		'with @every schedule, still active, is time, not past deadline': 'run',
		'with @every schedule, prev ran but done, long overdue, no deadline': 'run',
		'with @every schedule, prev ran but done, long overdue, past deadline': 'run',
		'do nothing if the namespace is terminating': namespaceTerminating,
		'set lastsuccessfultime if successfulJobHistoryLimit is zero': forkZeroTime,
		'set lastsuccessfultime if successfulJobHistoryLimit is ten': forkZeroTime,
		'set lastsuccessfultime if successfulJobHistoryLimit is nil': forkZeroTime,
	},
	updateCronJobCases: {
		'spec.template changed': noWorkQueue,
		'spec.schedule changed': 'run',
		'spec.schedule with @every changed - cadence decrease': 'run',
		'spec.schedule with @every changed - cadence increase': 'run',
		'spec.timeZone not changed': noWorkQueue,
		'spec.timeZone changed': noWorkQueue,
	},
	getJobsToBeReconciledCases: {
		'test getting jobs in namespace without controller reference': 'run',
		'test getting jobs in namespace with a controller reference': 'run',
		'test getting jobs in other namespaces': 'run',
		'test getting jobs whose labels do not match job template': 'run',
	},
	cleanupFinishedJobsCases: {
		'jobs are still deleted when a cronjob can\'t create jobs due to jobs quota being reached (avoiding a deadlock)': 'run',
		'jobs are not deleted if history limit not reached': 'run',
	},
};

/** Whether a case runs here. */
export function runs(group: VectorGroup, name: string): boolean {
	return classification[group][name] === 'run';
}
