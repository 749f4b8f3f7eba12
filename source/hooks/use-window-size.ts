/**
The terminal's size from Ink's stdout, following resizes; a fixed size may be given instead (tests, recordings).
*/
import {useStdout} from 'ink';
import {useEffect, useState} from 'react';

/** Columns and rows of the terminal. */
export type WindowSize = {readonly columns: number; readonly rows: number};

const fallback: WindowSize = {columns: 80, rows: 24};

/** The terminal size, or `fixed` when given. Streams that are not a terminal report 80×24. */
export function useWindowSize(fixed?: WindowSize): WindowSize {
	const {stdout} = useStdout();
	const read = (): WindowSize => ({columns: stdout.columns || fallback.columns, rows: stdout.rows || fallback.rows});
	const [size, setSize] = useState(read);
	useEffect(() => {
		if (fixed) {
			return;
		}

		const update = () => {
			setSize(read());
		};

		stdout.on('resize', update);
		return () => {
			stdout.off('resize', update);
		};
	}, [stdout, fixed]);
	return fixed ?? size;
}
