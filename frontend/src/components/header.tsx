/** Site header: navigation, theme switch, and the session (principal, expiry, sign in/out). */
import { useEffect, useState } from 'react';
import { describeExpiry } from '../ic/session-expiry';
import { useSession } from '../ic/session-context';
import { shortPrincipal } from '../model/format';
import { formatHash } from '../routing/hash-route';
import { ThemeToggle } from './theme-toggle';

const NAV: readonly [string, string][] = [['explore', 'Registry'], ['plots', 'Plots'], ['fit', 'Fit'], ['chat', 'Chat'], ['contribute', 'Contribute'], ['review', 'Review'], ['audit', 'Audit log']];

export function Header({ section }: { section: string }) {
    const s = useSession();
    const [now, setNow] = useState(() => Date.now());
    const [error, setError] = useState<string | null>(null);
    useEffect(() => {
        const t = setInterval(() => setNow(Date.now()), 30_000);
        return () => clearInterval(t);
    }, []);
    const current = section === 'hardware' || section === 'runtime' || section === 'model' || section === 'result' || section === 'compare' ? 'explore' : section;
    return (
        <header className="site-header">
            <a className="brand" href="#/">DeAI Atlas</a>
            <nav aria-label="Main">
                <ul>
                    {NAV.map(([k, label]) => <li key={k}><a href={formatHash([k])} aria-current={current === k ? 'page' : undefined}>{label}</a></li>)}
                </ul>
            </nav>
            <div className="session">
                <ThemeToggle />
                {s.signedIn ? (
                    <>
                        <span className="principal" title={s.principal ?? ''} data-testid="principal">
                            {shortPrincipal(s.principal ?? '')}{s.roles.length > 0 && <span className="role"> ({s.roles.join(', ')})</span>}
                        </span>
                        {s.expiresAtMs !== null && <span className="muted small" title={new Date(s.expiresAtMs).toISOString()}>session ends {describeExpiry(s.expiresAtMs, now)}</span>}
                        <button type="button" onClick={() => void s.signOut()}>Sign out</button>
                    </>
                ) : (
                    <button type="button" className="primary" onClick={() => { setError(null); s.signIn().catch((e: unknown) => setError(e instanceof Error ? e.message : String(e))); }}>Sign in with Internet Identity</button>
                )}
                {error !== null && <span role="alert" className="error-inline">{error}</span>}
            </div>
        </header>
    );
}
