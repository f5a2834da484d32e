/** Session expiry of a delegation identity (pure): when the II delegation chain stops being valid. */
export interface DelegationLike {
    getDelegation(): { delegations: readonly { delegation: { expiration: bigint } }[] };
}

/** Earliest expiration in the chain, in ms since the epoch; null for identities without delegations. */
export function sessionExpiryMs(identity: unknown): number | null {
    const d = identity as Partial<DelegationLike>;
    if (typeof d?.getDelegation !== 'function') return null;
    const chain = d.getDelegation().delegations;
    if (chain.length === 0) return null;
    const ns = chain.reduce((min, x) => (x.delegation.expiration < min ? x.delegation.expiration : min), chain[0]!.delegation.expiration);
    return Number(ns / 1_000_000n);
}

/** "in 7 h 59 min", "in 3 min", "expired". */
export function describeExpiry(expiryMs: number, nowMs: number): string {
    const left = expiryMs - nowMs;
    if (left <= 0) return 'expired';
    const min = Math.floor(left / 60_000);
    if (min < 1) return 'in under a minute';
    if (min < 60) return `in ${min} min`;
    return `in ${Math.floor(min / 60)} h ${min % 60} min`;
}
