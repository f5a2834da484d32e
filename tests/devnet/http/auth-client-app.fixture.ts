/**
 * Browser fixture for identity-provider.browser.test.ts: a dapp page that logs in with an unmodified
 * @dfinity/auth-client 3.4.3 and calls the probe canister as the delegated identity. Bundled with esbuild.
 */
import { AuthClient } from '@dfinity/auth-client';
import { Actor, HttpAgent } from '@dfinity/agent';

declare global {
    interface Window {
        runLogin(provider: string, canisterId: string, host: string): Promise<{ principal: string; query: string; update: string }>;
    }
}

window.runLogin = async (provider, canisterId, host) => {
    const client = await AuthClient.create();
    await new Promise<void>((resolve, reject) =>
        client.login({ identityProvider: provider, onSuccess: () => resolve(), onError: (e) => reject(new Error(String(e))) })
    );
    const identity = client.getIdentity();
    const agent = await HttpAgent.create({ host, identity, shouldFetchRootKey: true });
    const actor = Actor.createActor(
        ({ IDL }) => IDL.Service({ whoami: IDL.Func([], [IDL.Principal], ['query']), whoami_update: IDL.Func([], [IDL.Principal], []) }),
        { agent, canisterId }
    );
    const query = (await actor.whoami()) as { toText(): string };
    const update = (await actor.whoami_update()) as { toText(): string };
    return { principal: identity.getPrincipal().toText(), query: query.toText(), update: update.toText() };
};
