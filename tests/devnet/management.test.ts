/**
 * Management canister routing helpers and the Devnet API's own guards.
 */
import { describe, expect, it } from 'vitest';
import { IDL } from '@icp-sdk/core/candid';
import { Principal } from '@dfinity/principal';
import { Devnet, DevnetError, effectiveCanisterId, MAX_INGRESS_BYTES } from '../../src/devnet/index.js';
import { controller } from './fixtures.js';

describe('effectiveCanisterId', () => {
    const id = Principal.fromText('bkyz2-fmaaa-aaaaa-qaaaq-cai');
    it('any id for canister creation, target_canister for install_chunked_code, canister_id otherwise', () => {
        expect(effectiveCanisterId('provisional_create_canister_with_cycles', new Uint8Array())).toEqual({ kind: 'any' });
        const chunked = IDL.encode([IDL.Record({ target_canister: IDL.Principal })], [{ target_canister: id }]);
        expect(effectiveCanisterId('install_chunked_code', new Uint8Array(chunked))).toMatchObject({ kind: 'canister', id: expect.anything() });
        const status = IDL.encode([IDL.Record({ canister_id: IDL.Principal })], [{ canister_id: id }]);
        const result = effectiveCanisterId('canister_status', new Uint8Array(status));
        expect(result.kind === 'canister' && result.id.toText()).toBe(id.toText());
        expect(effectiveCanisterId('canister_status', new Uint8Array([1, 2])).kind).toBe('invalid');
    });
});

describe('Devnet API guards', () => {
    it('createCanister honours specifiedId and refuses a taken one', async () => {
        const devnet = await Devnet.create();
        const wanted = Principal.fromText('rdmx6-jaaaa-aaaaa-aaadq-cai');
        expect((await devnet.createCanister({ sender: controller, specifiedId: wanted })).toText()).toBe(wanted.toText());
        await expect(devnet.createCanister({ sender: controller, specifiedId: wanted })).rejects.toBeInstanceOf(DevnetError);
        expect(devnet.canisterIds().map((p) => p.toText())).toEqual([wanted.toText()]);
    });

    it('ingress payloads over 2 MiB are refused; time never goes backwards', async () => {
        const devnet = await Devnet.create();
        const id = await devnet.createCanister({ sender: controller });
        await expect(devnet.update({ canisterId: id, method: 'x', arg: new Uint8Array(MAX_INGRESS_BYTES + 1), sender: controller })).rejects.toMatchObject({ code: 'payload_too_large' });
        await expect(devnet.setTime(devnet.time() - 1n)).rejects.toMatchObject({ code: 'time_went_backwards' });
    });

    it('calls to an empty canister: IC0537; to a missing one: IC0301', async () => {
        const devnet = await Devnet.create();
        const id = await devnet.createCanister({ sender: controller });
        expect(await devnet.update({ canisterId: id, method: 'x', arg: new Uint8Array(), sender: controller })).toMatchObject({ errorCode: 'IC0537' });
        const ghost = Principal.fromText('rdmx6-jaaaa-aaaaa-aaadq-cai');
        expect(await devnet.query({ canisterId: ghost, method: 'x', arg: new Uint8Array(), sender: controller })).toMatchObject({ rejectCode: 3, errorCode: 'IC0301' });
    });
});
