/** Which hosts count as loopback for the devnet's `http://` allowance (see http-request.method.ts). Pure. */

export function isLoopbackHost(hostname: string): boolean {
    const h = hostname.toLowerCase();
    if (h === 'localhost' || h.endsWith('.localhost')) return true;
    if (h === '[::1]' || h === '::1') return true;
    const m = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(h);
    return m !== null && m.slice(1).every((o) => Number(o) <= 255);
}
