/**
 * Canister metadata from a wasm module's custom sections (spec index.md §"Canister information":
 * `icp:public <name>` is readable by anyone, `icp:private <name>` by controllers), for
 * `/canister/<cid>/metadata/<name>` (e.g. `candid:service`, which icp-cli fetches).
 */
const PUBLIC_PREFIX = 'icp:public ';
const PRIVATE_PREFIX = 'icp:private ';
/** Spec: at most 16 custom sections, 1 MiB in total. */
export const MAX_METADATA_SECTIONS = 16;

export interface WasmMetadata {
    publicMetadata: Map<string, Uint8Array>;
    privateMetadata: Map<string, Uint8Array>;
}

/** Parses the custom sections of a raw (not gzipped) wasm module; malformed modules yield no metadata. */
export function wasmMetadata(wasm: Uint8Array): WasmMetadata {
    const out: WasmMetadata = { publicMetadata: new Map(), privateMetadata: new Map() };
    if (wasm.length < 8 || wasm[0] !== 0 || wasm[1] !== 0x61 || wasm[2] !== 0x73 || wasm[3] !== 0x6d) return out;
    let pos = 8;
    while (pos < wasm.length) {
        const id = wasm[pos++]!;
        const size = readU32(wasm, pos);
        if (!size) return out;
        pos = size.next;
        const end = pos + size.value;
        if (end > wasm.length) return out;
        if (id === 0) {
            const nameLen = readU32(wasm, pos);
            if (!nameLen || nameLen.next + nameLen.value > end) return out;
            const name = new TextDecoder().decode(wasm.subarray(nameLen.next, nameLen.next + nameLen.value));
            const content = wasm.slice(nameLen.next + nameLen.value, end);
            const count = out.publicMetadata.size + out.privateMetadata.size;
            if (count < MAX_METADATA_SECTIONS) {
                if (name.startsWith(PUBLIC_PREFIX)) out.publicMetadata.set(name.slice(PUBLIC_PREFIX.length), content);
                else if (name.startsWith(PRIVATE_PREFIX)) out.privateMetadata.set(name.slice(PRIVATE_PREFIX.length), content);
            }
        }
        pos = end;
    }
    return out;
}

function readU32(b: Uint8Array, at: number): { value: number; next: number } | undefined {
    let value = 0;
    for (let i = 0; i < 5; i++) {
        const byte = b[at + i];
        if (byte === undefined) return undefined;
        value += (byte & 0x7f) * 2 ** (7 * i);
        if ((byte & 0x80) === 0) return { value, next: at + i + 1 };
    }
    return undefined;
}
