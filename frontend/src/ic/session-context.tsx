/**
 * Sign-in with Internet Identity (AuthClient) and the backend actor for the current identity.
 * Anonymous browsing works without signing in; writes and chat need a session. The session ends at the
 * delegation's expiry (a timer signs out) or on sign-out.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { AuthClient } from '@dfinity/auth-client';
import type { Identity } from '@dfinity/agent';
import { SESSION_TTL_NS, type AppConfig } from '../config/app-config';
import { createBackendActor, type BackendActor } from './backend-actor';
import { sessionExpiryMs } from './session-expiry';

export type Role = 'curator' | 'operator';

export interface Session {
    readonly config: AppConfig;
    /** null while the actor is being created or when no backend is configured. */
    readonly actor: BackendActor | null;
    readonly actorError: string | null;
    readonly signedIn: boolean;
    readonly principal: string | null;
    readonly expiresAtMs: number | null;
    readonly roles: readonly Role[];
    readonly level: string;
    signIn(): Promise<void>;
    signOut(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
    const s = useContext(SessionContext);
    if (s === null) throw new Error('useSession outside <SessionProvider>');
    return s;
}

export function SessionProvider({ config, children }: { config: AppConfig; children: ReactNode }) {
    const [client, setClient] = useState<AuthClient | null>(null);
    const [identity, setIdentity] = useState<Identity | null>(null);
    // The actor and the identity it was made for: a stale actor is never handed out after sign-in or sign-out.
    const [made, setMade] = useState<{ identity: Identity | null; actor: BackendActor } | null>(null);
    const [actorError, setActorError] = useState<string | null>(null);
    const [who, setWho] = useState<{ principal: string; roles: Role[]; level: string } | null>(null);

    useEffect(() => {
        void AuthClient.create({ idleOptions: { disableIdle: true } }).then(async (c) => {
            setClient(c);
            if (await c.isAuthenticated()) setIdentity(c.getIdentity());
        });
    }, []);

    useEffect(() => {
        let live = true;
        createBackendActor(config, identity ?? undefined).then(
            (a) => { if (live) { setMade({ identity, actor: a }); setActorError(null); } },
            (e: unknown) => { if (live) setActorError(e instanceof Error ? e.message : String(e)); },
        );
        return () => { live = false; };
    }, [config, identity]);

    const actor = made !== null && made.identity === identity ? made.actor : null;
    useEffect(() => {
        if (actor === null) return;
        actor.whoami().then(
            (w) => setWho({ principal: w.principal.toText(), roles: w.roles.map((r) => Object.keys(r)[0] as Role), level: Object.keys(w.level)[0] ?? 'anonymous' }),
            () => setWho(null),
        );
    }, [actor]);

    const expiresAtMs = identity === null ? null : sessionExpiryMs(identity);
    const signOut = useCallback(async () => {
        await client?.logout();
        setIdentity(null);
    }, [client]);

    useEffect(() => {
        if (expiresAtMs === null) return;
        const t = setTimeout(() => void signOut(), Math.max(0, expiresAtMs - Date.now()));
        return () => clearTimeout(t);
    }, [expiresAtMs, signOut]);

    const signIn = useCallback(async () => {
        if (client === null) return;
        await new Promise<void>((resolve, reject) => {
            void client.login({ identityProvider: config.identityProviderUrl, maxTimeToLive: SESSION_TTL_NS, onSuccess: () => resolve(), onError: (e) => reject(new Error(e ?? 'sign-in failed')) });
        });
        setIdentity(client.getIdentity());
    }, [client, config]);

    const value = useMemo<Session>(() => ({
        config, actor, actorError,
        signedIn: identity !== null,
        principal: identity === null ? null : identity.getPrincipal().toText(),
        expiresAtMs,
        roles: identity === null ? [] : who?.roles ?? [],
        level: identity === null ? 'anonymous' : who?.level ?? 'contributor',
        signIn, signOut,
    }), [config, actor, actorError, identity, expiresAtMs, who, signIn, signOut]);
    return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
