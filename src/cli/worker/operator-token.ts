import { createHash } from 'node:crypto';
import { ed25519 } from '@noble/curves/ed25519';
import type { Ed25519KeyIdentity } from '@dfinity/identity';
import { encodeWorkerToken, workerTokenSigningBytes, workerTokenSigningInput } from '../../shared/worker-token';

const BENCH_TOKEN_LIFETIME_S = 300;

/**
 * Worker tokens signed by the operator's own Ed25519 key, for benchmarking a worker directly: start the worker
 * with the operator's public key (`keygen` prints it) as an extra `--canister-key`.
 */
export function operatorTokenSigner(identity: Ed25519KeyIdentity, audience: string): { publicKeyHex: string; token(body: string, idk: string): string } {
    const seed = new Uint8Array(identity.getKeyPair().secretKey).subarray(0, 32);
    const iss = identity.getPrincipal().toText();
    return {
        publicKeyHex: Buffer.from(ed25519.getPublicKey(seed)).toString('hex'),
        token(body, idk) {
            const iat = Math.floor(Date.now() / 1000);
            const payload = { aud: audience, iss, iat, exp: iat + BENCH_TOKEN_LIFETIME_S, idk, bh: createHash('sha256').update(body).digest('hex') };
            return encodeWorkerToken(workerTokenSigningInput(payload), ed25519.sign(workerTokenSigningBytes(payload), seed));
        }
    };
}
