/**
The meta.k8s.io/v1 Table shapes the printers produce (what `kubectl get` renders).
*/

/** One column of a Table (metav1.TableColumnDefinition). */
export type TableColumnDefinition = {
	name: string;
	type: string;
	format: string;
	description: string;
	priority: number;
};

/** A row condition (metav1.TableRowCondition); kubectl greys out rows with Completed=True. */
export type TableRowCondition = {
	type: string;
	status: string;
	reason?: string;
	message?: string;
};

/** One row of a Table: the cells in column order, plus optional conditions. */
export type TableRow = {
	cells: Array<string | number | boolean>;
	conditions?: TableRowCondition[];
};

/** Options shared by every printer: `wide` adds the priority-1 columns (kubectl -o wide). */
export type PrintOptions = {wide?: boolean};

/**
The columns a printer emits for the given options: all of them when wide, else only priority 0.
*/
export function visibleColumns(columns: readonly TableColumnDefinition[], options?: PrintOptions): TableColumnDefinition[] {
	return options?.wide ? [...columns] : columns.filter(column => column.priority === 0);
}
