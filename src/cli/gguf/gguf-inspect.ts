import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { MAX_GGUF_HEADER_BYTES } from './gguf.constants';
import { parseGgufHeader } from './gguf-reader';
import { ggmlTensorBytes } from './gguf-writer';
import { summarizeGguf, type GgufSummary } from './gguf-summary';
import type { GgufHeader } from './gguf.types';

const FIRST_READ_BYTES = 1024 * 1024;

export class GgufInspectError extends Error {
    override name = 'GgufInspectError';
    constructor(readonly code: string, message: string) {
        super(message);
    }
}

/** Reads just enough of the file for the header, doubling the prefix while the parser needs more. */
export async function readGgufHeader(path: string): Promise<GgufHeader> {
    const handle = await open(path, 'r');
    try {
        const { size } = await handle.stat();
        for (let want = FIRST_READ_BYTES; ; want *= 2) {
            const length = Math.min(want, size, MAX_GGUF_HEADER_BYTES);
            const buf = new Uint8Array(length);
            await handle.read(buf, 0, length, 0);
            const result = parseGgufHeader(buf);
            if (result.kind === 'ok') return result.header;
            if (result.kind === 'error') throw new GgufInspectError(result.code, `${path}: ${result.message}`);
            if (length === size) throw new GgufInspectError('gguf_truncated', `${path}: file ends inside the GGUF header`);
            if (length === MAX_GGUF_HEADER_BYTES) throw new GgufInspectError('gguf_bounds', `${path}: header exceeds ${MAX_GGUF_HEADER_BYTES} bytes`);
        }
    } finally {
        await handle.close();
    }
}

/** Streams the whole file through SHA-256 (lower-case hex). */
export async function sha256File(path: string): Promise<string> {
    const hash = createHash('sha256');
    for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
    return hash.digest('hex');
}

/** Header + size + sha256 → summary; checks that every tensor lies inside the file. */
export async function inspectGguf(path: string): Promise<GgufSummary> {
    const header = await readGgufHeader(path);
    const { size } = await stat(path);
    const summary = summarizeGguf(header, size, await sha256File(path));
    for (const t of header.tensors) {
        if (header.dataOffset + Number(t.offset) + ggmlTensorBytes(t.dims, t.type) > size) {
            throw new GgufInspectError('gguf_truncated', `${path}: tensor ${t.name} extends beyond the end of the file`);
        }
    }
    return summary;
}
