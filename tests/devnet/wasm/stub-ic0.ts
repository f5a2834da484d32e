/** A no-op `ic0` import object for instantiation tests only: every import of module `ic0` returns nothing. */
export function stubImports(module: WebAssembly.Module): WebAssembly.Imports {
    const ic0: Record<string, () => void> = {};
    for (const imp of WebAssembly.Module.imports(module)) {
        if (imp.module === 'ic0' && imp.kind === 'function') ic0[imp.name] = () => undefined;
    }
    return { ic0 };
}
