/**
Selection and scrolling over a list of row ids: the selection follows its uid, and falls to a neighbour when its row goes.
*/

/**
The index of the selected row: where its uid is now, else its last index clamped to the list (the row that took its
place, or the new last row). -1 for an empty list.
*/
export function selectedIndex(rowIds: readonly string[], selected: string | undefined, lastIndex: number): number {
	if (rowIds.length === 0) {
		return -1;
	}

	const found = selected === undefined ? -1 : rowIds.indexOf(selected);
	if (found !== -1) {
		return found;
	}

	return Math.min(Math.max(0, lastIndex), rowIds.length - 1);
}

/**
The first visible row of a window `height` rows tall: the previous offset, moved only as far as needed to keep the
selected row visible, and never past the end (so the list does not jump under the cursor).
*/
export function windowStart(offset: number, index: number, height: number, count: number): number {
	if (height <= 0 || count <= height) {
		return 0;
	}

	let start = Math.min(Math.max(0, offset), count - height);
	if (index >= 0 && index < start) {
		start = index;
	}

	if (index >= start + height) {
		start = index - height + 1;
	}

	return start;
}
