/**
The bytes of a desktop notification sent through the terminal, which works over SSH because it travels with the
screen: a bell (BEL), then one OSC notification — OSC 777 (`ESC ] 777 ; notify ; TITLE ; BODY BEL`) where that is
the terminal's convention (rxvt, foot, VTE-based terminals such as GNOME Terminal), OSC 9 (`ESC ] 9 ; TEXT BEL`)
everywhere else (iTerm2, WezTerm, Windows Terminal, Ghostty, kitty, ConEmu); a terminal that knows neither ignores
the OSC and still rings. Inside tmux the OSC is wrapped in tmux's passthrough DCS (`ESC P tmux ; … ESC \`, every ESC
inside doubled), which tmux forwards only with `set -g allow-passthrough on`; the bell stays outside it, so tmux's own
bell handling (monitor-bell, bell-action) marks the window either way.

The text comes from the cluster (job names, reasons), so before it goes between the OSC's delimiters every control
character is removed — C0 (BEL, ESC), DEL, C1 (the one-byte ST and CSI) — with the bidi controls, and `;` in the
title (a field separator for OSC 777): nothing in it can end the sequence early or start another one.
*/

/** Which notification dialect the terminal speaks, and whether tmux sits in between. */
export type NotifyTerminal = {readonly osc: '9' | '777'; readonly tmux: boolean};

const bel = '\u0007';
const esc = '\u001B';

// C0 and C1 controls, DEL, and the bidi embeddings, overrides and isolates.
const controls = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/** The longest text sent: notification banners show one or two lines, and some terminals cap an OSC's length. */
export const maxNotificationLength = 240;

/** `text` without any control character, runs of spaces collapsed, cut to `max` characters. */
export function notificationSafe(text: string, max = maxNotificationLength): string {
	const clean = text.replaceAll(controls, ' ').replaceAll(/ {2,}/g, ' ').trim();
	const characters = [...clean];
	return characters.length <= max ? clean : `${characters.slice(0, max - 1).join('')}…`;
}

/** Works out the terminal's dialect from the environment kjobs runs in (TERM survives SSH; TMUX is set inside tmux). */
export function notifyTerminal(env: NodeJS.ProcessEnv): NotifyTerminal {
	const term = env['TERM'] ?? '';
	const osc777 = term.startsWith('rxvt') || term.startsWith('foot') || (env['VTE_VERSION'] ?? '') !== '';
	return {osc: osc777 ? '777' : '9', tmux: (env['TMUX'] ?? '') !== ''};
}

/** The bytes that ring the bell and show `title` / `body` as a desktop notification. */
export function notificationBytes(title: string, body: string, terminal: NotifyTerminal): string {
	const safeTitle = notificationSafe(title, 60).replaceAll(';', ',');
	const safeBody = notificationSafe(body);
	const osc = terminal.osc === '777'
		? `${esc}]777;notify;${safeTitle};${safeBody}${bel}`
		: `${esc}]9;${safeTitle}: ${safeBody}${bel}`;
	return bel + (terminal.tmux ? `${esc}Ptmux;${osc.replaceAll(esc, esc + esc)}${esc}\\` : osc);
}
