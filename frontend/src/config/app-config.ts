/**
 * Where the app finds the IC: pure resolution from build-time env values (Vite `import.meta.env`).
 *
 * - `npm start` (devnet): VITE_IC_HOST, VITE_BACKEND_CANISTER_ID, VITE_II_URL (the devnet's dev identity provider).
 * - dfx local network: CANISTER_ID_BACKEND and CANISTER_ID_INTERNET_IDENTITY from dfx's `.env`; II at
 *   `http://<ii id>.localhost:4943/`.
 * - IC mainnet (DFX_NETWORK=ic): the agent talks to the page's own origin and II is identity.ic0.app.
 */
export const MAINNET_II_URL = 'https://identity.ic0.app';
export const LOCAL_REPLICA_URL = 'http://127.0.0.1:4943';
/** II's default delegation lifetime is 30 min; we ask for 8 h, II's usual dapp maximum. */
export const SESSION_TTL_NS = 8n * 3600n * 1_000_000_000n;

export interface AppConfig {
    readonly network: 'ic' | 'local';
    /** undefined: the page's origin (boundary nodes serve /api on every asset canister domain). */
    readonly host: string | undefined;
    readonly backendCanisterId: string | null;
    readonly identityProviderUrl: string;
    /** Local replicas sign with a root key the agent must fetch; the IC's is built into the agent. */
    readonly fetchRootKey: boolean;
}

export type EnvValues = Readonly<Record<string, string | boolean | undefined>>;

const text = (env: EnvValues, key: string): string | undefined => {
    const v = env[key];
    return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
};

/** @example resolveConfig({ DFX_NETWORK: 'ic', CANISTER_ID_BACKEND: 'abc' }).identityProviderUrl === MAINNET_II_URL */
export function resolveConfig(env: EnvValues): AppConfig {
    const network = text(env, 'DFX_NETWORK') === 'ic' ? 'ic' : 'local';
    const backendCanisterId = text(env, 'VITE_BACKEND_CANISTER_ID') ?? text(env, 'CANISTER_ID_BACKEND') ?? null;
    const iiCanister = text(env, 'CANISTER_ID_INTERNET_IDENTITY');
    const localHost = text(env, 'VITE_IC_HOST') ?? LOCAL_REPLICA_URL;
    const identityProviderUrl =
        text(env, 'VITE_II_URL') ??
        (network === 'ic' ? MAINNET_II_URL : iiCanister !== undefined ? `http://${iiCanister}.localhost:${new URL(localHost).port || '4943'}/` : `${localHost}/_/identity/`);
    return {
        network,
        host: network === 'ic' ? text(env, 'VITE_IC_HOST') : localHost,
        backendCanisterId,
        identityProviderUrl,
        fetchRootKey: network !== 'ic'
    };
}
