/** A growable byte buffer with LEB128 writers (core spec §5.2.2), for re-encoding wasm. */
export class ByteWriter {
    private buf: Uint8Array;
    length = 0;

    constructor(initialCapacity = 1024) {
        this.buf = new Uint8Array(initialCapacity);
    }

    private reserve(extra: number): void {
        if (this.length + extra <= this.buf.length) return;
        let capacity = this.buf.length * 2;
        while (capacity < this.length + extra) capacity *= 2;
        const next = new Uint8Array(capacity);
        next.set(this.buf.subarray(0, this.length));
        this.buf = next;
    }

    byte(value: number): void {
        this.reserve(1);
        this.buf[this.length++] = value;
    }

    bytes(chunk: Uint8Array): void {
        this.reserve(chunk.length);
        this.buf.set(chunk, this.length);
        this.length += chunk.length;
    }

    /** Unsigned LEB128 of a non-negative safe integer. */
    u32(value: number): void {
        this.reserve(10);
        do {
            let byte = value % 128;
            value = Math.floor(value / 128);
            if (value !== 0) byte |= 0x80;
            this.buf[this.length++] = byte;
        } while (value !== 0);
    }

    /** Signed LEB128 of a non-negative safe integer (e.g. an i64.const operand). */
    sleb(value: number): void {
        this.reserve(10);
        for (;;) {
            const byte = value % 128;
            value = Math.floor(value / 128);
            // Done when the rest is zero and the sign bit (0x40) of this byte is clear.
            if (value === 0 && (byte & 0x40) === 0) {
                this.buf[this.length++] = byte;
                return;
            }
            this.buf[this.length++] = byte | 0x80;
        }
    }

    /** The written bytes (a view; copy it before writing more if it must survive). */
    view(): Uint8Array {
        return this.buf.subarray(0, this.length);
    }

    reset(): void {
        this.length = 0;
    }
}
