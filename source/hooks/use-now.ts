/**
The app clock's time, re-rendering on each of its ticks: every countdown on screen comes from this one clock.
*/
import {useEffect, useState} from 'react';
import type {Clock} from '../store/clock.js';

/** The current app-clock time in epoch ms, updated on every tick. */
export function useNow(clock: Clock): number {
	// Not useSyncExternalStore: a real clock's now() changes on every call, which that hook treats as tearing.
	const [now, setNow] = useState(() => clock.now());
	useEffect(() => {
		setNow(clock.now());
		return clock.subscribe(() => {
			setNow(clock.now());
		});
	}, [clock]);
	return now;
}
