/** Headless Chromium for the e2e tests: found on the system (Debian package), launched fresh per file. */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => existsSync(p));
export const SCREENSHOTS = 'test-results/screenshots';

export function warnIfNoChromium(what: string): void {
    if (!CHROMIUM) console.warn(`\n!!! SKIPPING ${what}: no Chromium found (apt-get install chromium) !!!\n`);
}

export async function launchChromium(): Promise<Browser> {
    if (!CHROMIUM) throw new Error('no Chromium');
    // launch() always runs on a fresh temporary profile (it refuses --user-data-dir; that is launchPersistentContext).
    const args = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
    return chromium.launch({ executablePath: CHROMIUM, args, headless: true });
}

/** A page that records console errors and uncaught exceptions (the app must produce none). */
export async function newPage(context: BrowserContext): Promise<{ page: Page; errors: string[] }> {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
    return { page, errors };
}

export async function screenshot(page: Page, name: string): Promise<void> {
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
