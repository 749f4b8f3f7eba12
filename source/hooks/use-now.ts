/**
The app clock's time, re-rendering on each of its ticks: every countdown on screen comes from this one clock.
*/
import {useEffect, useState} from 'react';
import type {AppClock} from '../store/types.js';

/** The current app-clock time in epoch ms, updated on every tick. */
export function useNow(clock: AppClock): number {
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
