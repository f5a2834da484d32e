/** Appends a custom section to a wasm module (test helper; the build may add `icp:public candid:service` this way). */
export function withCustomSection(wasm: Uint8Array, name: string, content: Uint8Array): Uint8Array {
    const nameBytes = new TextEncoder().encode(name);
    const payload = [...uleb(nameBytes.length), ...nameBytes, ...content];
    return Uint8Array.from([...wasm, 0, ...uleb(payload.length), ...payload]);
}

function uleb(n: number): number[] {
    const out: number[] = [];
    do {
        let byte = n & 0x7f;
        n = Math.floor(n / 128);
        if (n !== 0) byte |= 0x80;
        out.push(byte);
    } while (n !== 0);
    return out;
}
