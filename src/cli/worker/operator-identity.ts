import { createPrivateKey, createPublicKey } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { Ed25519KeyIdentity } from '@dfinity/identity';

/**
 * The operator's IC identity: an Ed25519 key from a PKCS#8 PEM file (`dfx identity export` for Ed25519
 * identities, or `deai-worker-admin keygen`), or a generated one saved as PEM.
 */
export class OperatorIdentityError extends Error {
    override name = 'OperatorIdentityError';
}

export async function loadOperatorIdentity(pemPath: string): Promise<Ed25519KeyIdentity> {
    const pem = await readFile(pemPath, 'utf8');
    let jwk;
    try {
        const key = createPrivateKey(pem);
        if (key.asymmetricKeyType !== 'ed25519') {
            throw new OperatorIdentityError(`${pemPath}: ${key.asymmetricKeyType} keys are not supported; use an Ed25519 PEM (deai-worker-admin keygen)`);
        }
        jwk = key.export({ format: 'jwk' });
    } catch (error) {
        if (error instanceof OperatorIdentityError) throw error;
        throw new OperatorIdentityError(`${pemPath}: not a PKCS#8 private key PEM (${error instanceof Error ? error.message : String(error)})`);
    }
    return Ed25519KeyIdentity.fromSecretKey(Uint8Array.from(Buffer.from(jwk.d!, 'base64url')));
}

/** Generates an Ed25519 identity and writes it as an unencrypted PKCS#8 PEM (mode 0600). */
export async function generateOperatorIdentity(pemPath: string): Promise<Ed25519KeyIdentity> {
    const identity = Ed25519KeyIdentity.generate();
    const { secretKey } = identity.getKeyPair();
    const seed = Buffer.from(new Uint8Array(secretKey).subarray(0, 32));
    const publicKey = Buffer.from(new Uint8Array(identity.getPublicKey().rawKey));
    const key = createPrivateKey({ key: { kty: 'OKP', crv: 'Ed25519', d: seed.toString('base64url'), x: publicKey.toString('base64url') }, format: 'jwk' });
    createPublicKey(key); // validates the pair
    await writeFile(pemPath, key.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
    return identity;
}
