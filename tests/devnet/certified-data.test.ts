/**
 * certified_data_set + data_certificate_copy end to end with the devnet's real Certifier: the certificate a query
 * sees verifies against the root key and certifies exactly the canister's certified data and the devnet time.
 */
import { describe, expect, it } from 'vitest';
import { createCertifier, devnetKeys, generateKeySecrets, lookupPath, verifyCertificate } from '../../src/devnet/certification/index.js';
import { withProbe } from './fixtures.js';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('certified data', () => {
    it('a non-replicated query gets a verifiable certificate of its canister’s certified data', async () => {
        const keys = devnetKeys(generateKeySecrets());
        const { devnet, probe, id } = await withProbe({ certifier: createCertifier(keys) });
        await probe.set_certified(new Uint8Array([0xca, 0xfe]));
        const [certificate] = await probe.certificate();
        expect(certificate).toBeDefined();
        const check = verifyCertificate(certificate!, keys.rootKeyDer);
        expect(check.ok).toBe(true);
        if (!check.ok) return;
        expect(lookupPath([utf8('canister'), id.toUint8Array(), utf8('certified_data')], check.tree)).toEqual({ kind: 'found', value: new Uint8Array([0xca, 0xfe]) });
        expect(lookupPath([utf8('time')], check.tree).kind).toBe('found');
        // Updates (replicated) never see a certificate.
        expect(devnet.canisterInfo(id)!.certifiedData).toEqual(new Uint8Array([0xca, 0xfe]));
    });
});
