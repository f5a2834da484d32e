/**
 * An example consumer: another canister that asks the DeAI Atlas registry questions over inter-canister
 * calls, e.g. "the cheapest hardware on which Llama 3.1 70B Q4_K_M fits with 32k context".
 * The registry's canister id is the init argument.
 */
import { call, IDL, init, postUpgrade, Principal, query, StableBTreeMap, update } from 'azle';

import { HardwareRecommendation, RecommendHardwareRequest } from '../backend/registry/analysis.idl';
import { Hardware, Result } from '../backend/registry/registry.idl';

const config = new StableBTreeMap<string, string>(0);

const Answer = IDL.Record({
    hardware_id: IDL.Text,
    name: IDL.Text,
    vendor: IDL.Text,
    devices: IDL.Nat32,
    total_price: IDL.Opt(IDL.Float64),
    explanation: IDL.Vec(IDL.Text)
});
const AnswerResult = IDL.Variant({ Ok: IDL.Opt(Answer), Err: IDL.Text });

type Variant = Record<string, unknown>;

function registry(): Principal {
    const id = config.get('registry');
    if (id === undefined) throw new Error('registry canister id not configured');
    return Principal.fromText(id);
}

function describe(e: unknown): string {
    const err = e as { type?: string; rejectCode?: number; rejectMessage?: string };
    return err.type === 'CallRejected' ? `registry rejected the call (code ${err.rejectCode}): ${err.rejectMessage}` : `call failed: ${JSON.stringify(e)}`;
}

export default class {
    @init([IDL.Principal])
    init(registryId: Principal): void {
        config.insert('registry', registryId.toText());
    }

    @postUpgrade([IDL.Principal])
    postUpgrade(registryId: Principal): void {
        config.insert('registry', registryId.toText());
    }

    @query([], IDL.Principal)
    registry_id(): Principal {
        return registry();
    }

    /** The cheapest hardware (on up to `max_devices` devices) that runs the variant at `context_tokens`. */
    @update([IDL.Text, IDL.Text, IDL.Float64, IDL.Nat32], AnswerResult)
    async cheapest_fit(modelId: string, variantId: string, contextTokens: number, maxDevices: number): Promise<Variant> {
        const request = {
            model_id: modelId,
            variant_id: variantId,
            context_tokens: [contextTokens],
            batch: [1],
            kv_dtype: [],
            currency: ['USD'],
            max_price: [],
            max_tdp_w: [],
            max_devices: [maxDevices],
            limit: [1]
        };
        try {
            const rec = await call<[typeof request], Variant>(registry(), 'recommend_hardware', {
                paramIdlTypes: [RecommendHardwareRequest],
                returnIdlType: Result(HardwareRecommendation),
                args: [request]
            });
            if ('Err' in rec) return { Err: `registry error: ${JSON.stringify(rec.Err)}` };
            const ranked = (rec.Ok as { ranked: Variant[] }).ranked;
            const top = ranked[0];
            if (top === undefined) return { Ok: [] };
            const hw = await call<[string], Variant>(registry(), 'get_hardware', {
                paramIdlTypes: [IDL.Text],
                returnIdlType: Result(Hardware),
                args: [top.hardware_id as string]
            });
            if ('Err' in hw) return { Err: `registry error: ${JSON.stringify(hw.Err)}` };
            const h = hw.Ok as { name: string; vendor: string };
            return { Ok: [{ hardware_id: top.hardware_id, name: h.name, vendor: h.vendor, devices: top.devices, total_price: top.total_price, explanation: top.explanation }] };
        } catch (e) {
            return { Err: describe(e) };
        }
    }
}
