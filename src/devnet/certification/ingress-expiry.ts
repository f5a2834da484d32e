/**
 * Ingress expiry validation (spec https-interface.md §"Request: Call"; replica `ingress_validation.rs`).
 * The message starts with `Invalid request expiry: ` because agent-js matches that prefix to re-sync its clock.
 */

/** Spec: ingress_expiry may be at most 5 minutes in the future. */
export const MAX_INGRESS_TTL_NS = 5n * 60n * 1_000_000_000n;
/** Replica's allowance for clock drift between client and node. */
export const PERMITTED_DRIFT_NS = 60n * 1_000_000_000n;

export function checkIngressExpiry(expiryNs: bigint, nowNs: bigint): { ok: true } | { ok: false; message: string } {
    const min = nowNs;
    const max = nowNs + MAX_INGRESS_TTL_NS + PERMITTED_DRIFT_NS;
    if (expiryNs >= min && expiryNs <= max) return { ok: true };
    return {
        ok: false,
        message:
            `Invalid request expiry: Specified ingress_expiry not within expected range: ` +
            `Minimum allowed expiry: ${isoNs(min)}, Maximum allowed expiry: ${isoNs(max)}, Provided expiry: ${isoNs(expiryNs)}`
    };
}

function isoNs(ns: bigint): string {
    const ms = ns / 1_000_000n;
    return ms >= 0n && ms < 8_640_000_000_000_000n ? new Date(Number(ms)).toISOString() : `${ns} ns`;
}
