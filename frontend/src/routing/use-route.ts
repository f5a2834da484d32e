/** The current hash route as React state, and navigation helpers. */
import { useCallback, useEffect, useState } from 'react';
import { formatHash, parseHash, type Route } from './hash-route';

export function useRoute(): Route {
    const [hash, setHash] = useState(() => window.location.hash);
    useEffect(() => {
        const on = () => setHash(window.location.hash);
        window.addEventListener('hashchange', on);
        return () => window.removeEventListener('hashchange', on);
    }, []);
    return parseHash(hash);
}

export function navigate(segments: readonly string[], query?: Record<string, string | undefined>): void {
    window.location.hash = formatHash(segments, query);
}

/** Replaces query keys of the current route without a history entry (table state changes often). */
export function useQueryUpdater(): (changes: Record<string, string | undefined>) => void {
    return useCallback((changes) => {
        const { segments, query } = parseHash(window.location.hash);
        for (const [k, v] of Object.entries(changes)) {
            if (v === undefined || v === '') query.delete(k);
            else query.set(k, v);
        }
        const next = formatHash(segments, query);
        window.history.replaceState(null, '', next);
        window.dispatchEvent(new HashChangeEvent('hashchange'));
    }, []);
}
