/**
The built-in demo scenario: the Jobs kjobs was conceived around (the Kubernetes docs' pi jobs, a Keycloak setup
job, a flaky job-test, a ticker CronJob) plus the failure shapes a Job watcher must show: exponential back-off,
OOMKilled, an image that cannot be pulled, CrashLoopBackOff, a deadline, an Indexed job, a suspended and a
time-zoned CronJob. Ages are chosen so that, whenever it opens, there are finished jobs, a job mid-backoff, TTLs
counting down and CronJob history, and it keeps moving (CronJobs start Jobs every minute; some fail and retry).
Host names are example.test; there are no real credentials.
*/

/** The demo scenario as YAML (String.raw: escapes like \x1b reach the YAML parser untouched). */
export const demoScenarioYaml = String.raw`
apiVersion: v1
kind: Namespace
metadata:
  name: batch
---
apiVersion: v1
kind: Namespace
metadata:
  name: keycloak
---
# The classic Job from the Kubernetes documentation: 2000 digits of pi in about 10 s.
apiVersion: batch/v1
kind: Job
metadata:
  name: pi
  namespace: default
  annotations:
    sim.kjobs.io/age-seconds: "1500"
spec:
  backoffLimit: 4
  template:
    metadata:
      annotations:
        sim.kjobs.io/run-seconds: "10"
        sim.kjobs.io/log: "3.1415926535897932384626433832795028841971693993751058209749445923078164062862089986280348253421170679821480865132823066470938446095505822317253594081284811174502841027019385211055596446229489549303819644288109756659334461284756482337867831652712019091456485669234603486104543266482133936072602491412737245870066063155881748815209209628292540917153643678925903600113305305488204665213841469519415116094330572703657595919530921861173819326117931051185480744623799627495673518857527248912279381830119491298336733624406566430860213949463952247371907021798609437027705392171762931767523846748184676694051320005681271452635608277857713427577896091736371787214684409012249534301465495853710507922796892589235420199561121290219608640344181598136297747713099605187072113499999983729780499510597317328160963185950244594553469083026425223082533446850352619311881710100031378387528865875332083814206171776691473035982534904287554687311595628638823537875937519577818577805321712268066130019278766111959092164201989380952572010654858632788659361533818279682303019520353018529689957736225994138912497217752834791315155748572424541506959508295331168617278558890750983817546374649393192550604009277016711390098488240128583616035637076601047101819429555961989467678374494482553797747268471040475346462080466842590694912933136770289891521047521620569660240580381501935112533824300355876402474964732639141992726042699227967823547816360093417216412199245863150302861829745557067498385054945885869269956909272107975093029553211653449872027559602364806654991198818347977535663698074265425278625518184175746728909777727938000816470600161452491921732172147723501414419735685481613611573525521334757418494684385233239073941433345477624168625189835694855620992192221842725502542568876717904946016534668049886272327917860857843838279679766814541009538837863609506800642251252051173929848960841284886269456042419652850222106611863067442786220391949450471237137869609563643719172874677646575739624138908658326459958133904780275901"
    spec:
      containers:
        - name: pi
          image: perl:5.34.0
          command: ["perl", "-Mbignum=bpi", "-wle", "print bpi(2000)"]
      restartPolicy: Never
---
# activeDeadlineSeconds takes precedence over backoffLimit: killed after 100 s, Failed / DeadlineExceeded.
apiVersion: batch/v1
kind: Job
metadata:
  name: pi-with-timeout
  namespace: default
  annotations:
    sim.kjobs.io/age-seconds: "420"
spec:
  backoffLimit: 5
  activeDeadlineSeconds: 100
  template:
    metadata:
      annotations:
        sim.kjobs.io/run-seconds: "150"
        sim.kjobs.io/log: "computing 2000 digits of pi with Math::BigFloat (this will take a while)"
    spec:
      containers:
        - name: pi
          image: perl:5.34.0
          command: ["perl", "-Mbignum=bpi", "-wle", "print bpi(2000)"]
      restartPolicy: Never
---
# Deleted with its pods 100 s after it finishes.
apiVersion: batch/v1
kind: Job
metadata:
  name: pi-with-ttl
  namespace: default
  annotations:
    sim.kjobs.io/age-seconds: "50"
spec:
  ttlSecondsAfterFinished: 100
  template:
    metadata:
      annotations:
        sim.kjobs.io/run-seconds: "10"
        sim.kjobs.io/log: "3.14159265358979323846264338327950288419716939937510582097494459230781640628620899862803482534211706798214808651"
    spec:
      containers:
        - name: pi
          image: perl:5.34.0
          command: ["perl", "-Mbignum=bpi", "-wle", "print bpi(100)"]
      restartPolicy: Never
---
# A one-off setup job after Keycloak comes up. Its credentials come from a Secret and a ConfigMap (not shown here).
apiVersion: batch/v1
kind: Job
metadata:
  name: keycloak-setup-job
  namespace: keycloak
  annotations:
    sim.kjobs.io/age-seconds: "40"
spec:
  ttlSecondsAfterFinished: 100
  backoffLimit: 1
  template:
    metadata:
      annotations:
        sim.kjobs.io/run-seconds: "8"
        sim.kjobs.io/log: |
          Logging into http://keycloak.example.test:8080/auth as user admin of realm master
          Created new realm with id 'example'
          Logging into http://keycloak.example.test:8080/auth as user admin of realm master
          Created new client with id '5f3c8e2a-1b7d-4c9e-a0f4-2d6b9e81c7a3'
          Logging into http://keycloak.example.test:8080/auth as user admin of realm master
          Created new user with id '9b2e4f71-6a3c-4d8e-b5f0-7c1a2e9d4b86'
          Logging into http://keycloak.example.test:8080/auth as user admin of realm master
    spec:
      containers:
        - name: keycloak-setup-job
          image: docker.io/bitnami/keycloak:15.0.2-debian-10-r94
          env:
            - name: ADMIN_USERNAME
              valueFrom:
                configMapKeyRef:
                  name: keycloak-env-vars
                  key: KEYCLOAK_ADMIN_USER
            - name: ADMIN_PASSWORD
              valueFrom:
                secretKeyRef:
                  name: keycloak
                  key: admin-password
            - name: USER_PASSWORD
              valueFrom:
                secretKeyRef:
                  name: keycloak
                  key: user-password
          command: ["/bin/sh"]
          args:
            - "-c"
            - >
              kcadm.sh create realms -s realm=example -s enabled=true --no-config --server http://keycloak.example.test:8080/auth --realm master --user $(ADMIN_USERNAME) --password $(ADMIN_PASSWORD);
              kcadm.sh create clients -r example -s clientId=example-k8s -s 'redirectUris=["https://web.example.test/*"]' -s publicClient=true -s enabled=true --no-config --server http://keycloak.example.test:8080/auth --realm master --user $(ADMIN_USERNAME) --password $(ADMIN_PASSWORD);
              kcadm.sh create users -r example -s username=admin -s email=admin@example.test -s enabled=true --no-config --server http://keycloak.example.test:8080/auth --realm master --user $(ADMIN_USERNAME) --password $(ADMIN_PASSWORD);
              kcadm.sh set-password -r example --username admin -p $(USER_PASSWORD) --no-config --server http://keycloak.example.test:8080/auth --realm master --user $(ADMIN_USERNAME) --password $(ADMIN_PASSWORD);
      restartPolicy: Never
---
# job.py exits non-zero on 20% of runs.
apiVersion: batch/v1
kind: Job
metadata:
  name: job-test
  namespace: batch
  annotations:
    sim.kjobs.io/age-seconds: "25"
spec:
  completions: 5
  parallelism: 2
  ttlSecondsAfterFinished: 100
  activeDeadlineSeconds: 300
  backoffLimit: 3
  template:
    metadata:
      annotations:
        sim.kjobs.io/run-seconds: "6-14"
        sim.kjobs.io/fail-probability: "0.2"
        sim.kjobs.io/log: |
          job-test attempt {attempt} starting on {pod}
          rolling the dice...
          done
    spec:
      containers:
        - name: job-test
          image: registry.example.test/jerry-learn/job-test:1.0.0
          command: ["python", "job.py"]
      restartPolicy: Never
---
# Cleans up after itself: deleted with its pods 5 s after it finishes, so only kjobs' archive (H, :history) still has
# its logs a few seconds later.
apiVersion: batch/v1
kind: Job
metadata:
  name: warm-cache
  namespace: batch
spec:
  ttlSecondsAfterFinished: 5
  template:
    metadata:
      annotations:
        sim.kjobs.io/run-seconds: "20"
        sim.kjobs.io/log: "warming cache shards on {pod}\n{\"level\":\"info\",\"msg\":\"shard warmed\",\"shard\":1,\"keys\":48211}\n{\"level\":\"warn\",\"msg\":\"slow shard\",\"shard\":2,\"ms\":1840}\n{\"level\":\"info\",\"msg\":\"shard warmed\",\"shard\":2,\"keys\":51007}\ncache warm: 2 shards, 99218 keys"
    spec:
      containers:
        - name: warm
          image: registry.example.test/cache/warmer:3.2.0
          command: ["/warm", "--shards=2"]
      restartPolicy: Never
---
# Always fails: climbs the exponential back-off (10 s, 20 s, 40 s ... 320 s) until backoffLimit 6 is spent.
apiVersion: batch/v1
kind: Job
metadata:
  name: report-generator
  namespace: batch
  annotations:
    sim.kjobs.io/age-seconds: "190"
spec:
  backoffLimit: 6
  template:
    metadata:
      annotations:
        sim.kjobs.io/run-seconds: "3"
        sim.kjobs.io/exit-code: "1"
        sim.kjobs.io/log: "generating monthly report (attempt {attempt})\nconnecting to db.example.test:5432\n\x1b[31mERROR\x1b[0m: connection refused: db.example.test:5432"
    spec:
      containers:
        - name: report
          image: registry.example.test/reports/generator:2.4.1
          command: ["/app/generate-report", "--month=last"]
      restartPolicy: Never
---
# Renders frames by completion index.
apiVersion: batch/v1
kind: Job
metadata:
  name: render-frames
  namespace: batch
  annotations:
    sim.kjobs.io/age-seconds: "30"
spec:
  completionMode: Indexed
  completions: 8
  parallelism: 3
  template:
    metadata:
      annotations:
        sim.kjobs.io/run-seconds: "8-20"
        sim.kjobs.io/log: |
          rendering frame {index}
          frame {index}: 1920x1080, 240 samples
          frame {index} written to s3://render.example.test/frames/{index}.exr
    spec:
      containers:
        - name: render
          image: registry.example.test/render/blender-worker:3.6
          command: ["render", "--frame=$(JOB_COMPLETION_INDEX)"]
      restartPolicy: Never
---
# Runs out of memory: OOMKilled, exit 137.
apiVersion: batch/v1
kind: Job
metadata:
  name: memory-hog
  namespace: batch
  annotations:
    sim.kjobs.io/age-seconds: "240"
spec:
  backoffLimit: 2
  template:
    metadata:
      annotations:
        sim.kjobs.io/run-seconds: "6"
        sim.kjobs.io/reason: OOMKilled
        sim.kjobs.io/log: |
          loading dataset into memory
          loaded 1.2 GiB
          loaded 2.4 GiB
    spec:
      containers:
        - name: loader
          image: registry.example.test/data/loader:0.9
          resources:
            limits:
              memory: 256Mi
      restartPolicy: Never
---
# The image does not exist: ErrImagePull / ImagePullBackOff, never starts.
apiVersion: batch/v1
kind: Job
metadata:
  name: broken-image
  namespace: default
  annotations:
    sim.kjobs.io/age-seconds: "300"
spec:
  backoffLimit: 2
  template:
    metadata:
      annotations:
        sim.kjobs.io/reason: ImagePullBackOff
    spec:
      containers:
        - name: migrate
          image: registry.example.test/team/does-not-exist:1.0
      restartPolicy: Never
---
# restartPolicy OnFailure: the container restarts in place (CrashLoopBackOff) until 6 restarts fail the Job.
apiVersion: batch/v1
kind: Job
metadata:
  name: etl-nightly
  namespace: batch
  annotations:
    sim.kjobs.io/age-seconds: "100"
spec:
  backoffLimit: 6
  template:
    metadata:
      annotations:
        sim.kjobs.io/run-seconds: "4"
        sim.kjobs.io/exit-code: "2"
        sim.kjobs.io/log: "etl run {attempt}: extracting orders from warehouse.example.test\n\x1b[33mWARN\x1b[0m: schema drift detected in table orders\n\x1b[31mFATAL\x1b[0m: column \"discount\" does not exist"
    spec:
      containers:
        - name: etl
          image: registry.example.test/data/etl:1.8.2
      restartPolicy: OnFailure
---
# A busy log for scrolling and following.
apiVersion: batch/v1
kind: Job
metadata:
  name: stream-ingest
  namespace: batch
  annotations:
    sim.kjobs.io/age-seconds: "60"
spec:
  template:
    metadata:
      annotations:
        sim.kjobs.io/run-seconds: "1800"
        sim.kjobs.io/log-lines-per-second: "5"
    spec:
      containers:
        - name: ingest
          image: registry.example.test/data/ingest:3.0
      restartPolicy: Never
---
apiVersion: batch/v1
kind: CronJob
metadata:
  name: hello
  namespace: default
  annotations:
    sim.kjobs.io/age-seconds: "330"
spec:
  schedule: "* * * * *"
  jobTemplate:
    spec:
      ttlSecondsAfterFinished: 150
      template:
        metadata:
          annotations:
            sim.kjobs.io/run-seconds: "4-8"
            sim.kjobs.io/log: |
              Hello from the Kubernetes cluster
              ({pod})
        spec:
          containers:
            - name: hello
              image: busybox:1.28
              command: ["/bin/sh", "-c", "date; echo Hello from the Kubernetes cluster"]
          restartPolicy: OnFailure
---
# A CronJob every minute used as a ticker (CronJobs may be skipped or run twice; the work must be idempotent).
apiVersion: batch/v1
kind: CronJob
metadata:
  name: test-cron-job
  namespace: default
  annotations:
    sim.kjobs.io/age-seconds: "270"
spec:
  schedule: "*/1 * * * *"
  jobTemplate:
    spec:
      template:
        metadata:
          annotations:
            sim.kjobs.io/run-seconds: "2-4"
            sim.kjobs.io/log: |
              checking the participant queue
              queue empty
        spec:
          containers:
            - name: ticker
              image: busybox
              command: ["sh", "-c", "date; echo checking the participant queue"]
          restartPolicy: Never
---
# Backups every two minutes; one in three fails and is retried.
apiVersion: batch/v1
kind: CronJob
metadata:
  name: db-backup
  namespace: batch
  annotations:
    sim.kjobs.io/age-seconds: "600"
spec:
  schedule: "*/2 * * * *"
  concurrencyPolicy: Forbid
  failedJobsHistoryLimit: 2
  jobTemplate:
    spec:
      backoffLimit: 1
      template:
        metadata:
          annotations:
            sim.kjobs.io/run-seconds: "15-30"
            sim.kjobs.io/fail-probability: "0.35"
            sim.kjobs.io/log: |
              pg_dump: dumping database "orders" from db.example.test
              pg_dump: 1482 tables, 12.4 GiB
              upload to s3://backups.example.test/orders/ (attempt {attempt})
        spec:
          containers:
            - name: backup
              image: registry.example.test/ops/pg-backup:16
          restartPolicy: Never
---
# A flaky sync every five minutes: most attempts fail, so there is usually a Job climbing its back-off.
apiVersion: batch/v1
kind: CronJob
metadata:
  name: sync-inventory
  namespace: batch
  annotations:
    sim.kjobs.io/age-seconds: "600"
spec:
  schedule: "*/5 * * * *"
  concurrencyPolicy: Forbid
  jobTemplate:
    spec:
      backoffLimit: 4
      template:
        metadata:
          annotations:
            sim.kjobs.io/run-seconds: "4-6"
            sim.kjobs.io/fail-probability: "0.6"
            sim.kjobs.io/log: "syncing inventory from erp.example.test (attempt {attempt})\nfetched 1204 items\nPUT https://shop.example.test/api/inventory"
        spec:
          containers:
            - name: sync
              image: registry.example.test/shop/inventory-sync:5.2
          restartPolicy: Never
---
# Suspended: shows what resume does (the most recent missed run starts at once).
apiVersion: batch/v1
kind: CronJob
metadata:
  name: nightly-report
  namespace: batch
  annotations:
    sim.kjobs.io/age-seconds: "900"
spec:
  schedule: "*/5 * * * *"
  suspend: true
  jobTemplate:
    spec:
      template:
        metadata:
          annotations:
            sim.kjobs.io/run-seconds: "20"
            sim.kjobs.io/log: "report sent to team@example.test"
        spec:
          containers:
            - name: report
              image: registry.example.test/reports/nightly:1.0
          restartPolicy: Never
---
# Scheduled in a time zone: every three minutes on the clock of Asia/Kolkata (UTC+05:30).
apiVersion: batch/v1
kind: CronJob
metadata:
  name: tz-digest
  namespace: default
  annotations:
    sim.kjobs.io/age-seconds: "420"
spec:
  schedule: "*/3 * * * *"
  timeZone: Asia/Kolkata
  successfulJobsHistoryLimit: 2
  jobTemplate:
    spec:
      template:
        metadata:
          annotations:
            sim.kjobs.io/run-seconds: "5"
            sim.kjobs.io/log: "digest for {pod} sent"
        spec:
          containers:
            - name: digest
              image: registry.example.test/mail/digest:2.1
          restartPolicy: Never
`;
