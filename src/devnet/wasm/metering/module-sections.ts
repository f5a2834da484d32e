/**
 * Reads what metering needs from a wasm binary's sections (core spec §5.5 "Modules"): the parameter count of
 * every defined function, whether memory 0 is 64-bit, the indices of exported globals, and where the code
 * section lies. Other sections are not decoded; they are copied unchanged.
 */
import { PrepareError, PrepareErrorCode } from '../prepare-error.js';
import { readU32, skipLeb, truncated } from './byte-reader.js';

export const SectionId = { Type: 1, Import: 2, Function: 3, Memory: 5, Global: 6, Export: 7, Code: 10 } as const;

/** Sections that must follow the global section (core spec §5.5.2 section order). */
export const AFTER_GLOBAL_SECTION: ReadonlySet<number> = new Set([7, 8, 9, 10, 11, 12]);

export interface Section {
    id: number;
    /** Offset of the section id byte. */
    start: number;
    /** Offset of the section's contents (after its size). */
    contentStart: number;
    end: number;
}

export interface ModuleLayout {
    sections: Section[];
    /** Parameter count of each defined function, in function index order (imports excluded). */
    paramCounts: number[];
    memory64: boolean;
    /** Export name -> global index, for exported globals. */
    globalExports: Map<string, number>;
    /** Number of globals, imported and defined: the index the next added global gets. */
    globals: number;
}

const WASM_HEADER = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];

function invalid(message: string): PrepareError {
    return new PrepareError(PrepareErrorCode.InvalidWasm, message);
}

function skipName(bytes: Uint8Array, pos: number): number {
    const [len, next] = readU32(bytes, pos);
    return next + len;
}

function readName(bytes: Uint8Array, pos: number): [string, number] {
    const [len, next] = readU32(bytes, pos);
    if (next + len > bytes.length) throw truncated(next);
    return [new TextDecoder().decode(bytes.subarray(next, next + len)), next + len];
}

function skipValType(bytes: Uint8Array, pos: number): number {
    const byte = bytes[pos];
    return byte === 0x63 || byte === 0x64 ? skipLeb(bytes, pos + 1) : pos + 1;
}

/** Skips limits; returns whether the 64-bit flag (0x04) is set and the position after them. */
function readLimits(bytes: Uint8Array, pos: number): [is64: boolean, next: number] {
    const flags = bytes[pos++]!;
    pos = skipLeb(bytes, pos);
    if ((flags & 0x01) !== 0) pos = skipLeb(bytes, pos);
    return [(flags & 0x04) !== 0, pos];
}

export function readLayout(bytes: Uint8Array): ModuleLayout {
    if (bytes.length < 8 || WASM_HEADER.some((b, i) => bytes[i] !== b)) throw invalid('not a wasm binary (bad magic or version)');
    const sections: Section[] = [];
    const typeParams: number[] = [];
    const funcTypes: number[] = [];
    const globalExports = new Map<string, number>();
    let memory64: boolean | undefined;
    let globals = 0;
    let pos = 8;
    while (pos < bytes.length) {
        const id = bytes[pos]!;
        const [size, contentStart] = readU32(bytes, pos + 1);
        const end = contentStart + size;
        if (end > bytes.length) throw truncated(contentStart);
        sections.push({ id, start: pos, contentStart, end });
        let [count, p] = id === 0 ? [0, contentStart] : readU32(bytes, contentStart);
        for (let i = 0; i < count && id !== 0; i++) {
            if (id === SectionId.Type) {
                if (bytes[p] !== 0x60) throw new PrepareError(PrepareErrorCode.Unsupported, `type ${i} is not a plain function type (GC types are not supported)`);
                let params: number;
                [params, p] = readU32(bytes, p + 1);
                for (let k = 0; k < params; k++) p = skipValType(bytes, p);
                let results: number;
                [results, p] = readU32(bytes, p);
                for (let k = 0; k < results; k++) p = skipValType(bytes, p);
                typeParams.push(params);
            } else if (id === SectionId.Import) {
                p = skipName(bytes, skipName(bytes, p));
                const kind = bytes[p++]!;
                if (kind === 0x00) p = skipLeb(bytes, p);
                else if (kind === 0x01) p = readLimits(bytes, skipValType(bytes, p))[1];
                else if (kind === 0x02) {
                    const [is64, next] = readLimits(bytes, p);
                    memory64 ??= is64;
                    p = next;
                } else if (kind === 0x03) {
                    p = skipValType(bytes, p) + 1;
                    globals++;
                }
                else throw new PrepareError(PrepareErrorCode.Unsupported, `import kind ${kind} is not supported`);
            } else if (id === SectionId.Function) {
                let typeIndex: number;
                [typeIndex, p] = readU32(bytes, p);
                funcTypes.push(typeIndex);
            } else if (id === SectionId.Memory) {
                const [is64, next] = readLimits(bytes, p);
                memory64 ??= is64;
                p = next;
            } else if (id === SectionId.Export) {
                let name: string;
                [name, p] = readName(bytes, p);
                const kind = bytes[p++]!;
                let index: number;
                [index, p] = readU32(bytes, p);
                if (kind === 0x03) globalExports.set(name, index);
            } else if (id === SectionId.Global) {
                globals += count;
                break; // only the count is needed
            } else {
                break; // other sections are copied, not decoded
            }
        }
        pos = end;
    }
    const paramCounts = funcTypes.map((t) => {
        const params = typeParams[t];
        if (params === undefined) throw invalid(`function refers to missing type ${t}`);
        return params;
    });
    return { sections, paramCounts, memory64: memory64 ?? false, globalExports, globals };
}
