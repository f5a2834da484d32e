/** The registry snapshot for every page: loaded once per actor, reloadable after a write is approved. */
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { describeError } from '../ic/api-error';
import { useSession } from '../ic/session-context';
import { EMPTY_SNAPSHOT, loadRegistry, type RegistrySnapshot } from './registry-snapshot';

export interface RegistryState {
    readonly status: 'loading' | 'ready' | 'error';
    readonly data: RegistrySnapshot;
    readonly error: string | null;
    reload(): void;
}

const RegistryContext = createContext<RegistryState | null>(null);

export function useRegistry(): RegistryState {
    const r = useContext(RegistryContext);
    if (r === null) throw new Error('useRegistry outside <RegistryProvider>');
    return r;
}

export function RegistryProvider({ children }: { children: ReactNode }) {
    const { actor, actorError } = useSession();
    const [state, setState] = useState<Omit<RegistryState, 'reload'>>({ status: 'loading', data: EMPTY_SNAPSHOT, error: null });
    const [generation, setGeneration] = useState(0);
    const reload = useCallback(() => setGeneration((g) => g + 1), []);
    // The registry is public: signing in or out (a new actor) needs no reload; reload() and failures do.
    const loaded = useRef<number | null>(null);

    useEffect(() => {
        if (actorError !== null) setState({ status: 'error', data: EMPTY_SNAPSHOT, error: actorError });
        if (actor === null || loaded.current === generation) return;
        loaded.current = generation;
        void loadRegistry(actor).then((r) => {
            if (!r.ok) loaded.current = null;
            setState(r.ok ? { status: 'ready', data: r.value, error: null } : (s) => ({ status: 'error', data: s.data, error: describeError(r.error) }));
        });
    }, [actor, actorError, generation]);

    return <RegistryContext.Provider value={{ ...state, reload }}>{children}</RegistryContext.Provider>;
}
