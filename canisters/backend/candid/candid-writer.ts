/**
 * A growable byte buffer for hand-written Candid values (Candid spec, "Binary Format": M(v : T)).
 *
 * Why: Azle's `IDL.encode` runs in interpreted JS, and its UTF-8 goes through a pure-JS TextEncoder at
 * ~14,000 instructions per byte. Here numbers are written with native DataView calls and all text values of
 * one message are encoded by ONE call to Azle's native candidEncode (~50 instructions per byte): the texts
 * become the arguments of a Candid text literal `("a","b",…)`, whose value bytes (LEB length + UTF-8) are
 * exactly the bytes Candid writes for a `text` value; `finish` splices them in at their positions.
 */
import { candidEncode } from 'azle';

const INITIAL_BYTES = 4_096;
const DIDL_MAGIC_BYTES = 4;
/** Joins the texts on the fast path; a message whose texts contain it takes the per-text path. */
const SEPARATOR = '\u0000';

/**
 * A text as the inside of a Candid text literal. The Candid lexer takes every character but `\` and `"`
 * verbatim (candid_parser token.rs, `Text` regex `[^\\"]+`), control characters included, so only those two
 * are escaped, with native string replaces instead of a regex scan (~550 instructions per character).
 */
function escapeText(s: string): string {
    return s.replaceAll('\\', '\\\\').replaceAll('"', '\\"');
}

/** Reads an unsigned LEB128 at `at`; returns [value, bytes read]. */
function readLeb(bytes: Uint8Array, at: number): [number, number] {
    let value = 0;
    let shift = 1;
    let i = at;
    for (;;) {
        const b = bytes[i++] as number;
        value += (b & 0x7f) * shift;
        if (b < 0x80) return [value, i - at];
        shift *= 128;
    }
}

export class CandidWriter {
    private buf = new Uint8Array(INITIAL_BYTES);
    private view = new DataView(this.buf.buffer);
    private pos = 0;
    private readonly texts: string[] = [];
    private readonly textAt: number[] = [];

    private ensure(n: number): void {
        if (this.pos + n <= this.buf.length) return;
        const next = new Uint8Array(Math.max(this.buf.length * 2, this.pos + n));
        next.set(this.buf.subarray(0, this.pos));
        this.buf = next;
        this.view = new DataView(next.buffer);
    }

    byte(b: number): void {
        this.ensure(1);
        this.buf[this.pos++] = b;
    }

    /** Unsigned LEB128 of a safe integer (lengths, variant indexes). */
    leb(n: number): void {
        this.ensure(8);
        let v = n;
        while (v >= 0x80) {
            this.buf[this.pos++] = (v % 0x80) | 0x80;
            v = Math.floor(v / 0x80);
        }
        this.buf[this.pos++] = v;
    }

    f64(x: number): void {
        this.ensure(8);
        this.view.setFloat64(this.pos, x, true);
        this.pos += 8;
    }

    u32(x: number): void {
        this.ensure(4);
        this.view.setUint32(this.pos, x, true);
        this.pos += 4;
    }

    u64(x: bigint): void {
        this.ensure(8);
        this.view.setBigUint64(this.pos, x, true);
        this.pos += 8;
    }

    bytes(b: Uint8Array): void {
        this.ensure(b.length);
        this.buf.set(b, this.pos);
        this.pos += b.length;
    }

    /** A text value; its bytes are produced in `finish`. */
    text(s: string): void {
        this.texts.push(s);
        this.textAt.push(this.pos);
    }

    /** `prefix` (magic, type table, argument types) followed by the values written. */
    finish(prefix: Uint8Array): Uint8Array {
        const encoded = this.encodeTexts();
        const out = new Uint8Array(prefix.length + this.pos + encoded.bytes.length - encoded.start);
        out.set(prefix, 0);
        let at = prefix.length;
        let from = 0;
        let textFrom = encoded.start;
        for (let i = 0; i < this.texts.length; i++) {
            const until = this.textAt[i] as number;
            out.set(this.buf.subarray(from, until), at);
            at += until - from;
            from = until;
            const [len, lebBytes] = readLeb(encoded.bytes, textFrom);
            const textUntil = textFrom + lebBytes + len;
            out.set(encoded.bytes.subarray(textFrom, textUntil), at);
            at += textUntil - textFrom;
            textFrom = textUntil;
        }
        out.set(this.buf.subarray(from, this.pos), at);
        return out;
    }

    /** All texts as one DIDL message of `text` arguments; `start` is the offset of the first value. */
    private encodeTexts(): { bytes: Uint8Array; start: number } {
        const n = this.texts.length;
        const joined = this.texts.join(SEPARATOR);
        const fast = joined.split(SEPARATOR).length === Math.max(n, 1);
        const literal = fast
            ? `("${escapeText(joined).replaceAll(SEPARATOR, '","')}")`
            : `(${this.texts.map((t) => `"${escapeText(t)}"`).join(',')})`;
        const bytes = candidEncode(n === 0 ? '()' : literal);
        // magic, type count 0, argument count (LEB), one 0x71 (text) per argument.
        const [count, countBytes] = readLeb(bytes, DIDL_MAGIC_BYTES + 1);
        if (count !== n) throw new Error(`candid-writer: encoded ${count} texts, expected ${n}`);
        return { bytes, start: DIDL_MAGIC_BYTES + 1 + countBytes + n };
    }
}
