/**
 * Agreement on the (transformed) responses of the replicas, as IC consensus does for canister HTTP
 * (dfinity/ic rs/https_outcalls/consensus/src/payload_builder.rs): a response is delivered once
 * `threshold = n - f` replicas (f = ⌊(n-1)/3⌋, i.e. 2f+1 of n = 3f+1) produced byte-identical content, where
 * content is either the reply bytes or a reject (code + message). Otherwise the call is answered with a
 * SYS_TRANSIENT "No consensus" reject listing the distinct content hashes and their counts, most frequent first
 * (`divergence_response_into_reject`). Pure.
 */
import { sha256 } from '@noble/hashes/sha2';
import { RejectCode } from '../engine-api';

export type ReplicaOutcome =
    | { kind: 'reply'; bytes: Uint8Array }
    | { kind: 'reject'; rejectCode: RejectCode; message: string };

export type ConsensusResult =
    | { kind: 'agreed'; outcome: ReplicaOutcome; supporters: number }
    | { kind: 'diverged'; rejectCode: RejectCode; message: string };

/** Minimal number of identical responses needed out of a committee of `n`. */
export function agreementThreshold(n: number): number {
    if (!Number.isInteger(n) || n < 1) throw new RangeError(`committee size must be a positive integer, got ${n}`);
    return n - Math.floor((n - 1) / 3);
}

const hex = (b: Uint8Array): string => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');

/** Content hash; like the replica's, it covers the request id, so identical bodies of different calls differ. */
export function outcomeHash(requestId: number, o: ReplicaOutcome): string {
    const id = new TextEncoder().encode(`${requestId}:`);
    const content = o.kind === 'reply' ? o.bytes : new TextEncoder().encode(`reject:${o.rejectCode}:${o.message}`);
    const buf = new Uint8Array(id.length + 1 + content.length);
    buf.set(id, 0);
    buf[id.length] = o.kind === 'reply' ? 1 : 0;
    buf.set(content, id.length + 1);
    return hex(sha256(buf));
}

export function reachConsensus(requestId: number, outcomes: readonly ReplicaOutcome[], committeeSize: number): ConsensusResult {
    const threshold = agreementThreshold(committeeSize);
    const groups = new Map<string, { outcome: ReplicaOutcome; count: number }>();
    for (const o of outcomes) {
        const h = outcomeHash(requestId, o);
        const g = groups.get(h);
        if (g) g.count++;
        else groups.set(h, { outcome: o, count: 1 });
    }
    // Most frequent first; equal counts in descending hash order (the replica sorts a BTreeMap by count, then reverses).
    const ranked = [...groups.entries()].sort(([ha, a], [hb, b]) => b.count - a.count || (ha < hb ? 1 : ha > hb ? -1 : 0));
    const best = ranked[0];
    if (best && best[1].count >= threshold) return { kind: 'agreed', outcome: best[1].outcome, supporters: best[1].count };
    const hashes = ranked.map(([h, g]) => `[${h}: ${g.count}]`).join(', ');
    return {
        kind: 'diverged',
        rejectCode: RejectCode.SysTransient,
        message: `No consensus could be reached. Replicas had different responses. Details: request_id: ${requestId}, hashes: ${hashes}`
    };
}
