/** A growable little-endian byte buffer for the GGUF writer. */
export class ByteWriter {
    private buf = new Uint8Array(1024);
    private view = new DataView(this.buf.buffer);
    length = 0;

    private reserve(n: number): void {
        if (this.length + n <= this.buf.length) return;
        let size = this.buf.length * 2;
        while (size < this.length + n) size *= 2;
        const next = new Uint8Array(size);
        next.set(this.buf.subarray(0, this.length));
        this.buf = next;
        this.view = new DataView(next.buffer);
    }

    bytes(data: Uint8Array): void {
        this.reserve(data.length);
        this.buf.set(data, this.length);
        this.length += data.length;
    }
    u8(v: number): void {
        this.reserve(1);
        this.view.setUint8(this.length, v);
        this.length += 1;
    }
    i8(v: number): void {
        this.reserve(1);
        this.view.setInt8(this.length, v);
        this.length += 1;
    }
    u16(v: number): void {
        this.reserve(2);
        this.view.setUint16(this.length, v, true);
        this.length += 2;
    }
    i16(v: number): void {
        this.reserve(2);
        this.view.setInt16(this.length, v, true);
        this.length += 2;
    }
    u32(v: number): void {
        this.reserve(4);
        this.view.setUint32(this.length, v, true);
        this.length += 4;
    }
    i32(v: number): void {
        this.reserve(4);
        this.view.setInt32(this.length, v, true);
        this.length += 4;
    }
    f32(v: number): void {
        this.reserve(4);
        this.view.setFloat32(this.length, v, true);
        this.length += 4;
    }
    f64(v: number): void {
        this.reserve(8);
        this.view.setFloat64(this.length, v, true);
        this.length += 8;
    }
    u64(v: bigint): void {
        this.reserve(8);
        this.view.setBigUint64(this.length, v, true);
        this.length += 8;
    }
    i64(v: bigint): void {
        this.reserve(8);
        this.view.setBigInt64(this.length, v, true);
        this.length += 8;
    }
    /** gguf_string_t: uint64 byte length, then UTF-8 bytes without terminator. */
    string(s: string): void {
        const bytes = new TextEncoder().encode(s);
        this.u64(BigInt(bytes.length));
        this.bytes(bytes);
    }
    padTo(alignment: number): void {
        const pad = (alignment - (this.length % alignment)) % alignment;
        this.reserve(pad);
        this.buf.fill(0, this.length, this.length + pad);
        this.length += pad;
    }
    finish(): Uint8Array {
        return this.buf.slice(0, this.length);
    }
}
