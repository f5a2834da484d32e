/** Shows a render failure as a message with a way back, instead of a blank page. */
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface State { error: Error | null }

export class ErrorBoundary extends Component<{ children: ReactNode; resetKey: string }, State> {
    state: State = { error: null };

    static getDerivedStateFromError(error: Error): State {
        return { error };
    }

    componentDidUpdate(prev: { resetKey: string }): void {
        // Navigating elsewhere clears the error.
        if (prev.resetKey !== this.props.resetKey && this.state.error !== null) this.setState({ error: null });
    }

    componentDidCatch(error: Error, info: ErrorInfo): void {
        console.error('render failed', error, info.componentStack);
    }

    render(): ReactNode {
        if (this.state.error === null) return this.props.children;
        return (
            <div className="error-box" role="alert">
                <p>This page failed to render: {this.state.error.message}</p>
                <p><a href="#/">Back to the start page</a> or reload.</p>
            </div>
        );
    }
}
