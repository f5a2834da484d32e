/**
 * Threshold key ids the devnet holds, their fees and the replica's key-id spelling.
 * Key names as on PocketIC / icp-cli local networks: `dfx_test_key`, `test_key_1`, `key_1` for every algorithm
 * (dfinity/ic PR #9818). Fees: docs/references/cycle-costs.md, 10 B cycles per signature on a 13-node subnet,
 * scaled linearly with the signing subnet's size (key_1 lives on the 34-node fiduciary subnet:
 * 10_000_000_000 · 34 / 13 = 26_153_846_153).
 */

export const THRESHOLD_KEY_NAMES = ['dfx_test_key', 'key_1', 'test_key_1'] as const;
export type ThresholdKeyName = (typeof THRESHOLD_KEY_NAMES)[number];

export type KeyKind = 'ecdsa_secp256k1' | 'schnorr_bip340secp256k1' | 'schnorr_ed25519';

/** Nodes of the subnet that holds each key (sets the signature fee). */
export const SIGNING_SUBNET_SIZE: Record<ThresholdKeyName, number> = { dfx_test_key: 13, test_key_1: 13, key_1: 34 };
export const SIGNATURE_FEE_PER_13_NODES_CYCLES = 10_000_000_000n;
const REFERENCE_SUBNET_SIZE = 13n;

/** `*_public_key` calls are free. */
export function signatureFee(name: ThresholdKeyName): bigint {
    return (SIGNATURE_FEE_PER_13_NODES_CYCLES * BigInt(SIGNING_SUBNET_SIZE[name])) / REFERENCE_SUBNET_SIZE;
}

export function isKeyName(name: string): name is ThresholdKeyName {
    return (THRESHOLD_KEY_NAMES as readonly string[]).includes(name);
}

const KIND_LABEL: Record<KeyKind, string> = {
    ecdsa_secp256k1: 'ecdsa:Secp256k1',
    schnorr_bip340secp256k1: 'schnorr:Bip340Secp256k1',
    schnorr_ed25519: 'schnorr:Ed25519'
};

/** The replica's Display form of a key id, e.g. `schnorr:Ed25519:key_1`. */
export function keyIdText(kind: KeyKind, name: string): string {
    return `${KIND_LABEL[kind]}:${name}`;
}

/** Every key the devnet holds, in the replica's (sorted) order. */
export function existingKeysText(): string {
    const kinds: KeyKind[] = ['ecdsa_secp256k1', 'schnorr_bip340secp256k1', 'schnorr_ed25519'];
    return `[${kinds.flatMap((k) => THRESHOLD_KEY_NAMES.map((n) => keyIdText(k, n))).join(', ')}]`;
}

/** Reject texts of the replica for an unknown key (public-key call vs signing call). */
export function unknownKeyMessage(kind: KeyKind, name: string, purpose: 'public_key' | 'sign'): string {
    return purpose === 'public_key'
        ? `Requested unknown threshold key: ${keyIdText(kind, name)}, existing keys: ${existingKeysText()}`
        : `Requested unknown or disabled threshold key: ${keyIdText(kind, name)}, existing enabled keys: ${existingKeysText()}`;
}
