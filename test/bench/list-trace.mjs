/**
Preloaded into kjobs by test/bench/startup.ts (`node --import`): records when each kind's first list page has been
read in full (epoch ms) and writes the times to $KJOBS_LIST_TRACE, so the start-up figures can say how long after the
first page the rows appear. It only listens; it changes nothing in the app.
*/
import {subscribe} from 'node:diagnostics_channel';
import {writeFileSync} from 'node:fs';

const file = process.env.KJOBS_LIST_TRACE;
const times = {};
if (file) {
	subscribe('http.client.response.finish', ({request, response}) => {
		const match = /\/(jobs|cronjobs|pods|events)\?(?!.*watch=)/.exec(request.path);
		if (!match || times[match[1]] !== undefined) {
			return;
		}

		response.on('end', () => {
			times[match[1]] ??= performance.timeOrigin + performance.now();
			writeFileSync(file, JSON.stringify(times));
		});
	});
}
