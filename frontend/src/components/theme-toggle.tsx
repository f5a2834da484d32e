/** Light/dark theme: follows the system until the user picks one; the pick persists in localStorage. */
import { useEffect, useState } from 'react';

type Theme = 'light' | 'dark';
const KEY = 'deai-atlas-theme';

function initialTheme(): Theme {
    const saved = localStorage.getItem(KEY);
    if (saved === 'light' || saved === 'dark') return saved;
    return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export function ThemeToggle() {
    const [theme, setTheme] = useState<Theme>(initialTheme);
    useEffect(() => { document.documentElement.dataset.theme = theme; }, [theme]);
    const next: Theme = theme === 'dark' ? 'light' : 'dark';
    return (
        <button type="button" className="icon" aria-label={`Switch to ${next} theme`} title={`Switch to ${next} theme`}
            onClick={() => { localStorage.setItem(KEY, next); setTheme(next); }}>
            {theme === 'dark' ? '☀' : '☾'}
        </button>
    );
}
