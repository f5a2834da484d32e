import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { resolveConfig } from './config/app-config';
import './styles.css';

createRoot(document.getElementById('root')!).render(
    <StrictMode>
        <App config={resolveConfig(import.meta.env)} />
    </StrictMode>,
);
