/**
 * Typed actors over an in-process Devnet, in the spirit of pic-js: built from the IDL factory that
 * `icp-bindgen` generates from a `.did`, they send ingress queries/updates as the given identity.
 * Methods annotated `query` / `composite_query` go through `Devnet.query`, all others through `Devnet.update`
 * (with inspect_message, as an agent's call would).
 */
import { IDL } from '@icp-sdk/core/candid';
import type { Principal as IcpPrincipal } from '@icp-sdk/core/principal';
import { Principal } from '@dfinity/principal';
import type { Devnet } from '../devnet.js';
import { CanisterCallError } from './call-error.js';

/** Anything with a principal: an `@dfinity/identity` / `@icp-sdk/core` identity, or a principal itself. */
export type CallerLike = { getPrincipal(): { toUint8Array(): Uint8Array } } | { toUint8Array(): Uint8Array };

export type IdlFactory = (args: { IDL: typeof IDL }) => IDL.ServiceClass;

/** bindgen types use @icp-sdk/core principals, the devnet @dfinity/principal ones; both encode the same. */
type LoosePrincipal<A> = A extends IcpPrincipal ? IcpPrincipal | Principal : A;
type LooseArgs<A extends unknown[]> = { [I in keyof A]: LoosePrincipal<A[I]> };

/** Each method of `T` (a bindgen `_SERVICE`), with principal arguments of either package, plus the canister id. */
export type DevnetActor<T> = {
    [K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: LooseArgs<A>) => R : T[K];
} & { readonly canisterId: Principal };

export function principalOf(caller: CallerLike | undefined): Principal {
    if (caller === undefined) return Principal.anonymous();
    const p = 'getPrincipal' in caller ? caller.getPrincipal() : caller;
    return Principal.fromUint8Array(new Uint8Array(p.toUint8Array()));
}

/**
 * @example
 * const probe = createActor<_SERVICE>(devnet, idlFactory, canisterId, Ed25519KeyIdentity.generate());
 * await probe.inc(); // update
 */
export function createActor<T>(devnet: Devnet, idlFactory: IdlFactory, canisterId: { toText(): string }, identity?: CallerLike): DevnetActor<T> {
    const service = idlFactory({ IDL });
    const id = Principal.fromText(canisterId.toText());
    const sender = principalOf(identity);
    const actor: Record<string, unknown> = { canisterId: id };
    for (const [name, func] of service._fields) {
        const isQuery = func.annotations.includes('query') || func.annotations.includes('composite_query');
        actor[name] = async (...args: unknown[]): Promise<unknown> => {
            const arg = new Uint8Array(IDL.encode(func.argTypes, args));
            const call = { canisterId: id, method: name, arg, sender, origin: 'ingress' as const };
            const outcome = isQuery ? await devnet.query(call) : await devnet.update(call);
            if (outcome.kind === 'rejected') throw new CanisterCallError(name, outcome.rejectCode, outcome.errorCode, outcome.rejectMessage);
            const values = IDL.decode(func.retTypes, outcome.reply);
            return values.length === 0 ? undefined : values.length === 1 ? values[0] : values;
        };
    }
    return actor as DevnetActor<T>;
}
