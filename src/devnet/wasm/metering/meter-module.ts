/**
 * Instruction metering of a whole module, done on the canister's wasm as built (as the IC does): every function
 * body in the code section is rewritten (scanBody + emitBody), three metering globals are appended to the global
 * section, and all other sections are copied byte for byte. No function, import or type is added, so function
 * and table indices stay as they were. patchExports exports the new globals afterwards.
 */
import { PrepareError, PrepareErrorCode } from '../prepare-error.js';
import { readU32, skipLeb, truncated } from './byte-reader.js';
import { ByteWriter } from './byte-writer.js';
import { emitBody, type MeteringGlobals } from './emit-body.js';
import { COSTS_MEMORY32, COSTS_MEMORY64 } from './instruction-costs.js';
import { AFTER_GLOBAL_SECTION, readLayout, SectionId, type Section } from './module-sections.js';
import { Points, scanBody } from './scan-body.js';

const VALTYPE_I32 = 0x7f;
const VALTYPE_I64 = 0x7e;

export interface MeterResult {
    bytes: Uint8Array;
    /** Function bodies metered. */
    functions: number;
    /** Indices of the appended globals: counter (mut i64 = 0), limit (mut i64 = all ones), exhausted (mut i32 = 0). */
    globals: MeteringGlobals;
}

/** The three appended globals, each `type mut init-expr end`. The limit starts at all ones: no limit. */
const METERING_GLOBALS_ENCODED = new Uint8Array([
    ...[0x7e, 0x01, 0x42, 0x00, 0x0b], // counter: mut i64 (i64.const 0)
    ...[0x7e, 0x01, 0x42, 0x7f, 0x0b], // limit: mut i64 (i64.const -1)
    ...[0x7f, 0x01, 0x41, 0x00, 0x0b] // exhausted: mut i32 (i32.const 0)
]);
const METERING_GLOBAL_COUNT = 3;

/**
 * @example
 * const { bytes, globals } = meterModule(rawWasm); // then patchExports(bytes, globals)
 */
export function meterModule(wasm: Uint8Array): MeterResult {
    const layout = readLayout(wasm);
    const globals = { counter: layout.globals, limit: layout.globals + 1, exhausted: layout.globals + 2 };
    const costs = layout.memory64 ? COSTS_MEMORY64 : COSTS_MEMORY32;
    // Injected code is small next to the code it meters; 1.5x the input avoids most regrowth.
    const out = new ByteWriter(Math.ceil(wasm.length * 1.5));
    const body = new ByteWriter(64 * 1024);
    const points = new Points();
    let functions = 0;
    out.bytes(wasm.subarray(0, 8));
    const hasGlobalSection = layout.sections.some((s) => s.id === SectionId.Global);
    let globalsWritten = false;
    for (const section of layout.sections) {
        if (!hasGlobalSection && !globalsWritten && AFTER_GLOBAL_SECTION.has(section.id)) {
            writeGlobalSection(out, wasm, undefined);
            globalsWritten = true;
        }
        if (section.id === SectionId.Global) {
            writeGlobalSection(out, wasm, section);
            globalsWritten = true;
            continue;
        }
        if (section.id !== SectionId.Code) {
            out.bytes(wasm.subarray(section.start, section.end));
            continue;
        }
        const content = new ByteWriter(Math.ceil((section.end - section.contentStart) * 1.5));
        let [count, pos] = readU32(wasm, section.contentStart);
        if (count !== layout.paramCounts.length) {
            throw new PrepareError(PrepareErrorCode.InvalidWasm, `code section has ${count} bodies for ${layout.paramCounts.length} functions`);
        }
        content.u32(count);
        for (let f = 0; f < count; f++) {
            const [size, bodyStart] = readU32(wasm, pos);
            const bodyEnd = bodyStart + size;
            if (bodyEnd > section.end) throw truncated(bodyStart);
            body.reset();
            meterBody(wasm, bodyStart, bodyEnd, layout.paramCounts[f]!, costs, layout.memory64, globals, points, body);
            content.u32(body.length);
            content.bytes(body.view());
            pos = bodyEnd;
            functions++;
        }
        out.byte(SectionId.Code);
        out.u32(content.length);
        out.bytes(content.view());
    }
    if (!globalsWritten) writeGlobalSection(out, wasm, undefined);
    return { bytes: out.view().slice(), functions, globals };
}

/** Writes the global section with the metering globals appended (or a new one holding only them). */
function writeGlobalSection(out: ByteWriter, wasm: Uint8Array, section: Section | undefined): void {
    const [count, entriesStart] = section === undefined ? [0, 0] : readU32(wasm, section.contentStart);
    const entries = section === undefined ? new Uint8Array(0) : wasm.subarray(entriesStart, section.end);
    const content = new ByteWriter(entries.length + 32);
    content.u32(count + METERING_GLOBAL_COUNT);
    content.bytes(entries);
    content.bytes(METERING_GLOBALS_ENCODED);
    out.byte(SectionId.Global);
    out.u32(content.length);
    out.bytes(content.view());
}

/** Meters one body: its locals header (plus scratch locals where bulk ops need them), then its instructions. */
function meterBody(
    wasm: Uint8Array,
    start: number,
    end: number,
    params: number,
    costs: Uint16Array,
    memory64: boolean,
    globals: MeteringGlobals,
    points: Points,
    out: ByteWriter
): void {
    let [groups, pos] = readU32(wasm, start);
    const groupsStart = pos;
    let locals = 0;
    for (let g = 0; g < groups; g++) {
        let n: number;
        [n, pos] = readU32(wasm, pos);
        locals += n;
        const type = wasm[pos];
        pos = type === 0x63 || type === 0x64 ? skipLeb(wasm, pos + 1) : pos + 1;
    }
    scanBody(wasm, pos, end, costs, memory64, points);
    // Scratch locals after the function's own: the counter copy (always), then bulk-op sizes where needed.
    const extra = 1 + (points.needsI32Temp ? 1 : 0) + (points.needsI64Temp ? 1 : 0);
    out.u32(groups + extra);
    out.bytes(wasm.subarray(groupsStart, pos));
    const first = params + locals;
    const temps = { counter: first, i32: first + 1, i64: first + 1 + (points.needsI32Temp ? 1 : 0) };
    out.u32(1);
    out.byte(VALTYPE_I64);
    if (points.needsI32Temp) {
        out.u32(1);
        out.byte(VALTYPE_I32);
    }
    if (points.needsI64Temp) {
        out.u32(1);
        out.byte(VALTYPE_I64);
    }
    emitBody(out, wasm, pos, end, points, globals, temps);
}
