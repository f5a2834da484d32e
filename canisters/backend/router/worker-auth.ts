/**
 * Worker tokens (docs/worker-protocol.md §2): the canister signs a short-lived token per request with
 * threshold Schnorr ed25519, so no secret ever sits in canister state; the worker verifies it against the
 * canister's public key (worker_auth_public_key).
 */
import { call, canisterSelf, IDL, msgCyclesRefunded, time } from 'azle';

import { WORKER_TOKEN_LIFETIME_S, NS_PER_S } from '../../../src/shared/router/router.constants';
import { encodeWorkerToken, workerTokenSigningInput } from '../../../src/shared/worker-token/token-encode';
import { asciiToBytes } from './ascii-bytes';
import { encodeArgs } from './candid-args';
import { describeCallError } from './call-errors';
import { ed25519KeyId, SchnorrPublicKeyArgs, SchnorrPublicKeyResult, SignWithSchnorrArgs, SignWithSchnorrResult, WORKER_AUTH_DERIVATION_PATH } from './management.idl';
import { routerMeta } from './router-stores';

/** docs/references/cycle-costs.md: 10 B cycles per signature on a 13-node key subnet; key_1 is on 34 nodes. */
export function signatureFee(keyName: string): bigint {
    return keyName === 'key_1' ? 26_153_846_154n : 10_000_000_000n;
}

export type Signed = { ok: true; token: string; cycles: bigint } | { ok: false; detail: string; cycles: bigint };

export async function signWorkerToken(audience: string, idk: string, bodySha256Hex: string, keyName: string): Promise<Signed> {
    const iat = Number(time() / NS_PER_S);
    const input = workerTokenSigningInput({ aud: audience, iss: canisterSelf().toText(), iat, exp: iat + WORKER_TOKEN_LIFETIME_S, idk, bh: bodySha256Hex });
    const fee = signatureFee(keyName);
    try {
        const args = encodeArgs('sign_with_schnorr', [SignWithSchnorrArgs], [{ message: asciiToBytes(input), derivation_path: WORKER_AUTH_DERIVATION_PATH, key_id: ed25519KeyId(keyName), aux: [] }]);
        const raw = await call<Uint8Array, Uint8Array>('aaaaa-aa', 'sign_with_schnorr', { raw: true, args, cycles: fee });
        const r = IDL.decode([SignWithSchnorrResult], raw)[0] as unknown as { signature: Uint8Array };
        return { ok: true, token: encodeWorkerToken(input, Uint8Array.from(r.signature)), cycles: fee - msgCyclesRefunded() };
    } catch (e) {
        return { ok: false, detail: `sign_with_schnorr: ${describeCallError(e).detail}`, cycles: fee - msgCyclesRefunded() };
    }
}

/** The 32-byte ed25519 public key workers must trust (cached after the first call; free to fetch). */
export async function workerAuthPublicKey(keyName: string): Promise<Uint8Array> {
    const cached = routerMeta.get(`pubkey:${keyName}`) as string | undefined;
    if (cached !== undefined) return Uint8Array.from(cached.match(/../g) ?? [], (h) => parseInt(h, 16));
    const r = (await call('aaaaa-aa', 'schnorr_public_key', {
        paramIdlTypes: [SchnorrPublicKeyArgs],
        returnIdlType: SchnorrPublicKeyResult,
        args: [{ canister_id: [], derivation_path: WORKER_AUTH_DERIVATION_PATH, key_id: ed25519KeyId(keyName) }]
    })) as { public_key: Uint8Array };
    const key = Uint8Array.from(r.public_key);
    routerMeta.insert(`pubkey:${keyName}`, Array.from(key, (b) => b.toString(16).padStart(2, '0')).join(''));
    return key;
}
