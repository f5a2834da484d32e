/**
 * A tiny hand assembler for test modules (core spec §5.5), so tests know every byte that gets metered.
 * Function bodies are given as instruction bytes (without locals and without the final `end`).
 */
export const I32 = 0x7f;
export const I64 = 0x7e;

export interface FuncSpec {
    params: number[];
    results: number[];
    locals?: number[];
    code: number[];
    export?: string;
}

export interface ImportSpec {
    name: string;
    params: number[];
    results: number[];
}

export interface ModuleSpec {
    /** Functions imported as `env.<name>`; they take function indices 0..n-1, before `funcs`. */
    importedFuncs?: ImportSpec[];
    /** Imported immutable i32 globals `env.<name>`, placed before the module's own globals. */
    importedGlobals?: string[];
    /** Own globals: [valtype, mutable, i32 init]. */
    globals?: [type: number, mutable: boolean, init: number][];
    /** A memory of this many pages, exported as `memory`. */
    memoryPages?: number;
    funcs: FuncSpec[];
    /** Function indices placed in a table of that size at offset 0 (not exported). */
    table?: number[];
    /** Passive data segments (for memory.init / data.drop). */
    passiveData?: number[][];
}

function u32(value: number): number[] {
    const out: number[] = [];
    do {
        let byte = value & 0x7f;
        value >>>= 7;
        if (value !== 0) byte |= 0x80;
        out.push(byte);
    } while (value !== 0);
    return out;
}

function name(text: string): number[] {
    const bytes = [...new TextEncoder().encode(text)];
    return [...u32(bytes.length), ...bytes];
}

function vec(items: number[][]): number[] {
    return [...u32(items.length), ...items.flat()];
}

function section(id: number, content: number[]): number[] {
    return [id, ...u32(content.length), ...content];
}

/** Signed LEB128 of an i32 (for i32.const operands in test code). */
export function sleb(value: number): number[] {
    const out: number[] = [];
    for (;;) {
        const byte = value & 0x7f;
        value >>= 7;
        if ((value === 0 && (byte & 0x40) === 0) || (value === -1 && (byte & 0x40) !== 0)) {
            out.push(byte);
            return out;
        }
        out.push(byte | 0x80);
    }
}

export function buildModule(spec: ModuleSpec): Uint8Array {
    const imported = spec.importedGlobals ?? [];
    const importedFuncs = spec.importedFuncs ?? [];
    const funcType = (f: { params: number[]; results: number[] }) => [0x60, ...vec(f.params.map((p) => [p])), ...vec(f.results.map((r) => [r]))];
    const bytes = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
    // Types: one per defined function (type i = function i's), then one per imported function.
    bytes.push(...section(1, vec([...spec.funcs.map(funcType), ...importedFuncs.map(funcType)])));
    const imports = [
        ...importedFuncs.map((f, i) => [...name('env'), ...name(f.name), 0x00, ...u32(spec.funcs.length + i)]),
        ...imported.map((g) => [...name('env'), ...name(g), 0x03, I32, 0x00])
    ];
    if (imports.length > 0) bytes.push(...section(2, vec(imports)));
    bytes.push(...section(3, vec(spec.funcs.map((_, i) => u32(i)))));
    if (spec.table) bytes.push(...section(4, vec([[0x70, 0x01, ...u32(spec.table.length), ...u32(spec.table.length)]])));
    if (spec.memoryPages !== undefined) bytes.push(...section(5, vec([[0x00, ...u32(spec.memoryPages)]])));
    if (spec.globals) {
        bytes.push(...section(6, vec(spec.globals.map(([type, mutable, init]) => [type, mutable ? 1 : 0, type === I32 ? 0x41 : 0x42, ...sleb(init), 0x0b]))));
    }
    const exports = spec.funcs.flatMap((f, i) => (f.export ? [[...name(f.export), 0x00, ...u32(importedFuncs.length + i)]] : []));
    if (spec.memoryPages !== undefined) exports.push([...name('memory'), 0x02, 0x00]);
    bytes.push(...section(7, vec(exports)));
    if (spec.table) bytes.push(...section(9, vec([[0x00, 0x41, 0x00, 0x0b, ...vec(spec.table.map((f) => u32(f)))]])));
    if (spec.passiveData) bytes.push(...section(12, u32(spec.passiveData.length)));
    const bodies = spec.funcs.map((f) => {
        const locals = vec((f.locals ?? []).map((t) => [0x01, t]));
        const body = [...locals, ...f.code, 0x0b];
        return [...u32(body.length), ...body];
    });
    bytes.push(...section(10, vec(bodies)));
    if (spec.passiveData) bytes.push(...section(11, vec(spec.passiveData.map((d) => [0x01, ...vec(d.map((b) => [b]))]))));
    return new Uint8Array(bytes);
}
