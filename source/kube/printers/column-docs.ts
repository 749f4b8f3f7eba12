/**
Column descriptions the Kubernetes printers take from the API's generated Swagger docs
(`metav1.ObjectMeta{}.SwaggerDoc()["name"]` and friends), so `kubectl explain`-style help matches the server.
*/

/** ObjectMeta.name */
export const nameDoc = 'Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names';

/** ObjectMeta.creationTimestamp */
export const creationTimestampDoc = 'CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata';

/** Used for the wide Containers column of every workload printer. */
export const containersDoc = 'Names of each container in the template.';

/** Used for the wide Images column of every workload printer. */
export const imagesDoc = 'Images referenced by each container in the template.';

/** batch/v1 JobSpec.selector */
export const jobSelectorDoc = 'A label query over pods that should match the pod count. Normally, the system sets this field for you. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors';

/** batch/v1 JobStatus.succeeded */
export const jobSucceededDoc = 'The number of pods which reached phase Succeeded. The value increases monotonically for a given spec. However, it may decrease in reaction to scale down of elastic indexed jobs.';

/** batch/v1 CronJobSpec / CronJobStatus fields. */
export const cronJobDocs = {
	schedule: 'The schedule in Cron format, see https://en.wikipedia.org/wiki/Cron.',
	timeZone: 'The time zone name for the given schedule, see https://en.wikipedia.org/wiki/List_of_tz_database_time_zones. If not specified, this will default to the time zone of the kube-controller-manager process. The set of valid time zone names and the time zone offset is loaded from the system-wide time zone database by the API server during CronJob validation and the controller manager during execution. If no system-wide time zone database can be found a bundled version of the database is used instead. If the time zone name becomes invalid during the lifetime of a CronJob or due to a change in host configuration, the controller will stop creating new new Jobs and will create a system event with the reason UnknownTimeZone. More information can be found in https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/#time-zones',
	suspend: 'This flag tells the controller to suspend subsequent executions, it does not apply to already started executions.  Defaults to false.',
	active: 'A list of pointers to currently running jobs.',
	lastScheduleTime: 'Information when was the last time the job was successfully scheduled.',
} as const;

/** core/v1 PodSpec / PodStatus fields used by the wide pod columns. */
export const podDocs = {
	podIP: 'podIP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated.',
	nodeName: 'NodeName indicates in which node this pod is scheduled. If empty, this pod is a candidate for scheduling by the scheduler defined in schedulerName. Once this field is set, the kubelet for this node becomes responsible for the lifecycle of this pod. This field should not be used to express a desire for the pod to be scheduled on a specific node. https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/#nodename',
	nominatedNodeName: 'nominatedNodeName is set only when this pod preempts other pods on the node, but it cannot be scheduled right away as preemption victims receive their graceful termination periods. This field does not guarantee that the pod will be scheduled on this node. Scheduler may decide to place the pod elsewhere if other nodes become available sooner. Scheduler may also decide to give the resources on this node to a higher priority pod that is created after preemption. As a result, this field may be different than PodSpec.nodeName when the pod is scheduled.',
	readinessGates: 'If specified, all readiness gates will be evaluated for pod readiness. A pod is ready when all its containers are ready AND all conditions specified in the readiness gates have status equal to "True" More info: https://git.k8s.io/enhancements/keps/sig-network/580-pod-readiness-gates',
} as const;

/** core/v1 Event fields. */
export const eventDocs = {
	lastTimestamp: 'The time at which the most recent occurrence of this event was recorded.',
	type: 'Type of this event (Normal, Warning), new types could be added in the future',
	reason: 'This should be a short, machine understandable string that gives the reason for the transition into the object\'s current status.',
	involvedObject: 'The object that this event is about.',
	fieldPath: 'If referring to a piece of an object instead of an entire object, this string should contain a valid JSON/Go field access statement, such as desiredState.manifest.containers[2]. For example, if the object reference is to a container within a pod, this would take on a value like: "spec.containers{name}" (where "name" refers to the name of the container that triggered the event) or if no container name is specified "spec.containers[2]" (container with index 2 in this pod). This syntax is chosen only to have some well-defined way of referencing a part of an object.',
	source: 'The component reporting this event. Should be a short machine understandable string.',
	message: 'A human-readable description of the status of this operation.',
	firstTimestamp: 'The time at which the event was first recorded. (Time of server receipt is in TypeMeta.)',
	count: 'The number of times this event has occurred.',
} as const;
