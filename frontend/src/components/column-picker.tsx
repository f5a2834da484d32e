/** Column choice: a disclosure with one checkbox per column (keyboard: Tab/Space). */
import type { Table } from '@tanstack/react-table';
import type { ColumnMeta } from './data-table';

export function ColumnPicker<T>({ table }: { table: Table<T> }) {
    return (
        <details className="column-picker">
            <summary>Columns</summary>
            <fieldset>
                <legend className="sr-only">Visible columns</legend>
                {table.getAllLeafColumns().map((c) => (
                    <label key={c.id}>
                        <input type="checkbox" checked={c.getIsVisible()} onChange={c.getToggleVisibilityHandler()} disabled={c.id === 'name'} />
                        {(c.columnDef.meta as ColumnMeta | undefined)?.label ?? c.id}
                    </label>
                ))}
            </fieldset>
        </details>
    );
}
