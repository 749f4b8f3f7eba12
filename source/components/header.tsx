/**
The two header lines: context, server, namespace scope and badges; then the job counts and the watch state.
*/
import {Box, Text} from 'ink';
import type {ConnectionInfo} from '../state/types.js';
import {chrome} from '../theme.js';
import {headerBadges, headerScope} from '../view-model/header.js';
import {cellWidth, cut, fit} from './text.js';

/** Props of the header. */
export type HeaderProps = {
	readonly info: ConnectionInfo;
	/** undefined for all namespaces. */
	readonly namespace: string | undefined;
	/** The list's filter ('' for none): shown while set, on every screen. */
	readonly filter?: string;
	readonly counts: string;
	readonly watch: string;
	readonly width: number;
	readonly noColor: boolean;
};

/** Draws the header. */
export function Header({info, namespace, filter = '', counts, watch, width, noColor}: HeaderProps) {
	const badges = headerBadges(info);
	const badgeText = badges.map((badge) => ` ${badge} `);
	const lead = 'kjobs ';
	const used = cellWidth(lead) + badgeText.reduce((sum, badge) => sum + cellWidth(badge) + 1, 0);
	const rest = headerScope({context: info.context, namespace, selector: info.selector, filter, server: info.server});
	const second = `${counts} │ ${watch}`;
	return (
		<Box flexDirection='column' width={width}>
			<Text wrap='truncate'>
				<Text {...chrome.title(noColor)}>{cut(lead, width)}</Text>
				{badgeText.map((badge) => <Text key={badge}><Text {...chrome.badge(noColor)}>{badge}</Text> </Text>)}
				<Text>{fit(rest, Math.max(0, width - used))}</Text>
			</Text>
			<Text wrap='truncate' bold>{fit(second, width)}</Text>
		</Box>
	);
}
