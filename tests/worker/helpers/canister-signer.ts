import { createHash } from 'node:crypto';
import { ed25519 } from '@noble/curves/ed25519';
import { encodeWorkerToken, workerTokenSigningBytes, workerTokenSigningInput, type WorkerTokenPayload } from '../../../src/shared/worker-token';

export const AUDIENCE = 'https://worker.test';
export const ISSUER = 'bkyz2-fmaaa-aaaaa-qaaaq-cai';

/**
 * Plays the canister's part: an ed25519 key (standing in for the threshold Schnorr key, which produces
 * standard ed25519 signatures) that signs one token per logical request, as the router does before an outcall.
 */
export function canisterSigner(secret: Uint8Array = ed25519.utils.randomPrivateKey()) {
    const publicKey = ed25519.getPublicKey(secret);
    return {
        publicKey,
        publicKeyHex: Buffer.from(publicKey).toString('hex'),
        token(body: string | Uint8Array, claims: Partial<WorkerTokenPayload> & { idk: string }, nowS = Math.floor(Date.now() / 1000)): string {
            const payload: WorkerTokenPayload = {
                aud: AUDIENCE,
                iss: ISSUER,
                iat: nowS,
                exp: nowS + 120,
                bh: createHash('sha256').update(body).digest('hex'),
                ...claims
            };
            return encodeWorkerToken(workerTokenSigningInput(payload), ed25519.sign(workerTokenSigningBytes(payload), secret));
        }
    };
}

export const chatBody = (model: string, content: string, extra: Record<string, unknown> = {}): string =>
    JSON.stringify({ model, messages: [{ role: 'user', content }], params: { maxTokens: 12, temperature: 0, seed: 1, ...extra } });
