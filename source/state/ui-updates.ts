/**
Small state updates the reducer and its navigation share: the screen stack, the message line and queued requests.
*/
import type {Tone} from '../view-model/types.js';
import {requestLabel} from './requests.js';
import type {Screen, ScreenEntry, UiRequest, UiState} from './types.js';

/** How many requests the state keeps for the app to pick up. */
const keptRequests = 16;

/** Queues a request for the app, or says on the message line that the app cannot carry it out. */
export function requested(state: UiState, request: UiRequest, now: number): UiState {
	if (!state.handlesRequests) {
		return message(state, `${requestLabel(request)}: not available yet`, 'warning', now);
	}

	const requests = [...state.requests, {seq: state.nextSeq, request}].slice(-keptRequests);
	return {...state, requests, nextSeq: state.nextSeq + 1};
}

/** Opens a screen on top of the stack (leaving any input line). */
export function push(state: UiState, screen: Screen): UiState {
	return {...state, mode: 'normal', stack: [...state.stack, {screen, index: 0, scroll: 0}]};
}

/** Replaces the top screen entry. */
export function replaceTop(state: UiState, entry: ScreenEntry): UiState {
	return {...state, stack: [...state.stack.slice(0, -1), entry]};
}

/** Sets the message line. */
export function message(state: UiState, text: string, tone: Tone, now: number): UiState {
	return {...state, message: {text, tone, at: now}};
}

/** Clears the message line (the same state when there is none). */
export function withoutMessage(state: UiState): UiState {
	if (state.message === undefined) {
		return state;
	}

	const {message: _dropped, ...rest} = state;
	return rest;
}

/** Keeps a number within bounds. */
export function clamp(value: number, low: number, high: number): number {
	return Math.min(Math.max(value, low), high);
}
