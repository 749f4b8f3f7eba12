/**
The `--help` text of every command, with the flag lines generated from the one flag table (flags.ts).
*/
import {connectionFlags, flagLines, generalFlags, getFlags, screenFlags, waitFlags} from './flags.js';

/** The `--help` text (also printed in the readme's Usage section). */
export const helpText = `
	Watch Kubernetes Jobs, CronJobs and their Pods live: completions, backoff, TTL and cron countdowns.

	Usage
	  $ kjobs [flags]
	  $ kjobs get jobs|cronjobs|pods [NAME] [flags] [-o table|wide|json]
	  $ kjobs wait job/NAME|cronjob/NAME [flags] [--for complete|failed|finished] [--timeout DURATION] [--logs] [--run manual]
	  $ kjobs simulate [--port N] [--host ADDR] [--scenario demo|FILE] [--kubeconfig-out FILE] [--speed X] [--seed N]
	                   [--faults SPEC|chaos] [--tls] [--token TOKEN]
	  $ kjobs simulate --scenario scale [--jobs N] [--cronjobs N] [--pods N] [--namespaces N] [--churn EVENTS_PER_SECOND]

	Flags
${flagLines(connectionFlags, screenFlags, generalFlags)}

	kjobs get: prints the screen's table once (no terminal needed), fitted to the terminal, $COLUMNS or 80 columns
${flagLines(getFlags)}

	kjobs wait: waits for a job (or a cron job's next run) to end; exit 0 when it did what --for asks, 1 when it
	ended the other way (with the reason, each failed attempt's exit code and its last log lines), 2 on timeout,
	3 when the cluster cannot be reached or read (one line says why), 4 on a usage error
${flagLines(waitFlags)}

	Examples
	  $ kjobs --demo
	  $ kjobs -n batch
	  $ kjobs --context prod -A -l team=data --readonly
	  $ ssh -t bastion.example.test kjobs -A
	  $ kjobs get jobs -A -o json | jq '.items[] | select(.status == "Failed") | .name'
	  $ kjobs wait job/migrate -n batch --timeout 10m --logs
	  $ kjobs wait cronjob/db-backup -n batch --run manual
	  $ kjobs simulate --scenario demo --port 8080 --kubeconfig-out /tmp/sim.kubeconfig
`;
