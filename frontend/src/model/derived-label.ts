/** Readable names for derived metric keys (pure): `ops_per_w.fp8.dense` → "FP8 dense per watt". */
export function derivedLabel(name: string): string {
    const [kind, precision, sparsity] = name.split('.');
    const what = precision === undefined ? '' : `${precision.toUpperCase()} ${sparsity === 'sparse' ? 'with sparsity' : 'dense'} `;
    if (kind === 'ops_per_w') return `${what}per watt`;
    if (kind === 'ops_per_price') return `${what}per unit of price`;
    if (kind === 'bandwidth_per_price') return 'Memory bandwidth per unit of price';
    return name;
}
