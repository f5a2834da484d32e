/**
 * UTF-8 conversions through engine built-ins. In the canister (QuickJS, an interpreter) a JS loop costs
 * thousands of instructions per character and the TextEncoder polyfill ~14k per byte; `encodeURIComponent`,
 * `unescape`, `escape` and `decodeURIComponent` run natively. Lone surrogates (not valid UTF-8) make
 * `encodeURIComponent` throw; they count as U+FFFD (3 bytes), as TextEncoder would write them.
 */
import { utf8ByteLength } from '../chat/utf8';

/** UTF-8 bytes of `text` as a binary string (one char per byte, 0‥255). */
export function utf8Binary(text: string): string {
    try {
        return unescape(encodeURIComponent(text));
    } catch {
        return unescape(encodeURIComponent(text.toWellFormed()));
    }
}

export function utf8Length(text: string): number {
    // Pure ASCII is common: the regex test is native and avoids building a second string.
    if (!/[^\u0000-\u007f]/.test(text)) return text.length;
    try {
        return unescape(encodeURIComponent(text)).length;
    } catch {
        return utf8ByteLength(text);
    }
}

/** Text from a binary string of UTF-8 bytes; null when the bytes are not valid UTF-8. */
export function fromUtf8Binary(binary: string): string | null {
    if (!/[^\u0000-\u007f]/.test(binary)) return binary;
    try {
        return decodeURIComponent(escape(binary));
    } catch {
        return null;
    }
}

/** JSON text with every non-ASCII character escaped as \uXXXX: same value, pure-ASCII bytes. */
export function asciiJson(value: unknown): string {
    return escapeNonAscii(JSON.stringify(value));
}

/** JSON text with non-ASCII characters (only ever inside strings) written as \uXXXX escapes. */
export function escapeNonAscii(json: string): string {
    return json.replace(/[\u007f-\uffff]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}
