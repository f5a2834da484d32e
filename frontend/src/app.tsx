/** App shell: session and registry providers, header, and the hash router. */
import { lazy, Suspense, useMemo } from 'react';
import type { AppConfig } from './config/app-config';
import { RegistryProvider } from './data/registry-context';
import { SessionProvider } from './ic/session-context';
import { Header } from './components/header';
import { Loading } from './components/states';
import { ErrorBoundary } from './components/error-boundary';
import { useRoute } from './routing/use-route';
import type { Route } from './routing/hash-route';
import { ExplorerPage } from './pages/explorer-page';
import { DetailPage } from './pages/detail-page';
import { ComparePage } from './pages/compare-page';
import { FitPage } from './pages/fit-page';
import { ChatPage } from './pages/chat-page';
import { ContributePage } from './pages/contribute-page';
import { ReviewPage } from './pages/review-page';
import { AuditPage } from './pages/audit-page';
import { HomePage } from './pages/home-page';

const PlotsPage = lazy(() => import('./pages/plots-page'));

export function App({ config }: { config: AppConfig }) {
    const stable = useMemo(() => config, [config]);
    return (
        <SessionProvider config={stable}>
            <RegistryProvider>
                <Shell />
            </RegistryProvider>
        </SessionProvider>
    );
}

function Shell() {
    const route = useRoute();
    return (
        <>
            <a className="skip" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>Skip to content</a>
            <Header section={route.segments[0] ?? ''} />
            <main id="main" tabIndex={-1}>
                <ErrorBoundary resetKey={route.segments.join('/')}>
                    <Suspense fallback={<Loading what="page" />}>
                        <Page route={route} />
                    </Suspense>
                </ErrorBoundary>
            </main>
        </>
    );
}

function Page({ route }: { route: Route }) {
    const [head, id] = route.segments;
    switch (head) {
        case 'explore': return <ExplorerPage route={route} />;
        case 'hardware': case 'runtime': case 'model': case 'result':
            return id === undefined ? <ExplorerPage route={route} /> : <DetailPage kind={head} id={id} />;
        case 'compare': return <ComparePage route={route} />;
        case 'plots': return <PlotsPage route={route} />;
        case 'fit': return <FitPage route={route} />;
        case 'chat': return <ChatPage route={route} />;
        case 'contribute': return <ContributePage route={route} />;
        case 'review': return <ReviewPage />;
        case 'audit': return <AuditPage />;
        default: return <HomePage />;
    }
}
