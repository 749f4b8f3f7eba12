/**
The cluster the headless tests run against: a job that completes, one that fails every attempt (three, with backoff
between them), one that runs for a long time under a deadline, and a cron job every five minutes.
*/

/** The scenario as YAML. */
export const headlessScenario = `
apiVersion: batch/v1
kind: Job
metadata:
  name: quick
  namespace: batch
spec:
  ttlSecondsAfterFinished: 600
  template:
    metadata:
      annotations:
        sim.kjobs.io/run-seconds: "3"
        sim.kjobs.io/log: "quick starting on {pod}\\nquick done"
    spec:
      containers:
        - name: main
          image: registry.example.test/quick:1.0
      restartPolicy: Never
---
apiVersion: batch/v1
kind: Job
metadata:
  name: doomed
  namespace: batch
spec:
  backoffLimit: 2
  template:
    metadata:
      annotations:
        sim.kjobs.io/run-seconds: "2"
        sim.kjobs.io/exit-code: "3"
        sim.kjobs.io/log: "doomed attempt {attempt} on {pod}\\nconnecting to db.example.test:5432\\nERROR: connection refused"
    spec:
      containers:
        - name: main
          image: registry.example.test/doomed:1.0
      restartPolicy: Never
---
apiVersion: batch/v1
kind: Job
metadata:
  name: slow
  namespace: batch
spec:
  activeDeadlineSeconds: 3600
  template:
    metadata:
      annotations:
        sim.kjobs.io/run-seconds: "3000"
        sim.kjobs.io/log: "slow work begins"
    spec:
      containers:
        - name: main
          image: registry.example.test/slow:1.0
      restartPolicy: Never
---
apiVersion: batch/v1
kind: CronJob
metadata:
  name: tick
  namespace: batch
spec:
  schedule: "*/5 * * * *"
  jobTemplate:
    spec:
      template:
        metadata:
          annotations:
            sim.kjobs.io/run-seconds: "4"
            sim.kjobs.io/log: "tick on {pod}"
        spec:
          containers:
            - name: main
              image: registry.example.test/tick:1.0
          restartPolicy: Never
`;
