/**
 * UTF-8 without TextEncoder/TextDecoder: src/shared compiles with no DOM/Node libs, and the token code runs
 * inside an Azle canister too.
 */

/** UTF-8 bytes of `text`; lone surrogates become U+FFFD, as TextEncoder writes them. */
export function encodeUtf8(text: string): Uint8Array {
    const out: number[] = [];
    for (let i = 0; i < text.length; i++) {
        let c = text.charCodeAt(i);
        if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
            const next = text.charCodeAt(i + 1);
            if (next >= 0xdc00 && next <= 0xdfff) {
                c = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
                i++;
            } else c = 0xfffd;
        } else if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
        if (c < 0x80) out.push(c);
        else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
        else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
        else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    }
    return Uint8Array.from(out);
}

/** Strict decoding (RFC 3629): null on overlong forms, surrogates, code points over U+10FFFF or truncation. */
export function decodeUtf8(bytes: Uint8Array): string | null {
    let out = '';
    for (let i = 0; i < bytes.length; ) {
        const b = bytes[i];
        let cp: number;
        let n: number;
        let min: number;
        if (b < 0x80) [cp, n, min] = [b, 0, 0];
        else if (b >= 0xc2 && b <= 0xdf) [cp, n, min] = [b & 0x1f, 1, 0x80];
        else if (b >= 0xe0 && b <= 0xef) [cp, n, min] = [b & 0x0f, 2, 0x800];
        else if (b >= 0xf0 && b <= 0xf4) [cp, n, min] = [b & 0x07, 3, 0x10000];
        else return null;
        for (let k = 1; k <= n; k++) {
            const c = bytes[i + k];
            if (c === undefined || (c & 0xc0) !== 0x80) return null;
            cp = (cp << 6) | (c & 63);
        }
        if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return null;
        out += String.fromCodePoint(cp);
        i += n + 1;
    }
    return out;
}
