/** Loading, empty and error states, announced to screen readers. */
import type { ReactNode } from 'react';

export function Loading({ what }: { what: string }) {
    return <p className="loading" role="status" aria-live="polite"><span className="spinner" aria-hidden="true" /> Loading {what}…</p>;
}

export function ErrorBox({ children }: { children: ReactNode }) {
    return <div className="error-box" role="alert">{children}</div>;
}

export function Empty({ children }: { children: ReactNode }) {
    return <p className="empty">{children}</p>;
}
