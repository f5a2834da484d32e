/**
 * `AuthClient.login({ identityProvider: <devnet>/_/identity/ })` in headless Chromium: the provider page speaks
 * II's postMessage protocol, and the resulting delegation calls the probe wasm over HTTP (query and update).
 * Skipped (loudly) when no Chromium is installed (`apt-get install chromium`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { build } from 'esbuild';
import { chromium, type Browser } from 'playwright-core';
import { startHttpFixture, type HttpFixture } from './http-fixtures.js';

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => existsSync(p));
if (!CHROMIUM) console.warn('\n!!! SKIPPING the dev identity provider browser test: no Chromium found (apt-get install chromium) !!!\n');

let fx: HttpFixture;
let app: Server;
let appUrl: string;
let browser: Browser;

beforeAll(async () => {
    if (!CHROMIUM) return;
    fx = await startHttpFixture();
    const bundle = await build({ entryPoints: ['tests/devnet/http/auth-client-app.fixture.ts'], bundle: true, format: 'esm', platform: 'browser', write: false, logLevel: 'silent' });
    const js = bundle.outputFiles[0]!.contents;
    app = createServer((req, res) => {
        if (req.url === '/app.js') res.setHeader('Content-Type', 'text/javascript').end(js);
        else res.setHeader('Content-Type', 'text/html').end('<!doctype html><link rel="icon" href="data:,"><script type="module" src="/app.js"></script>');
    });
    await new Promise<void>((resolve) => app.listen(0, 'localhost', resolve));
    appUrl = `http://localhost:${(app.address() as AddressInfo).port}/`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
});
afterAll(async () => {
    await browser?.close();
    app?.close();
    await fx?.close();
});

describe.skipIf(!CHROMIUM)('dev identity provider in a browser', () => {
    it('AuthClient.login yields a delegated identity that the devnet accepts', async () => {
        const page = await browser.newPage();
        await page.goto(appUrl);
        await page.waitForFunction(() => typeof window.runLogin === 'function');
        const popup = page.waitForEvent('popup');
        const result = page.evaluate(([p, c, h]) => window.runLogin(p!, c!, h!), [`${fx.server.url}/_/identity/`, fx.probeId.toText(), fx.server.url]);
        const idp = await popup;
        await idp.waitForSelector('#submit:not([disabled])');
        await idp.fill('#user', 'alice');
        await idp.click('#submit');
        const { principal, query, update } = await result;
        expect(principal).not.toBe('2vxsx-fae');
        expect(query).toBe(principal);
        expect(update).toBe(principal);
    });
});
