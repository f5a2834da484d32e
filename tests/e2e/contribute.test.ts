/**
 * Sign-in, contribution and moderation in headless Chromium: a contributor signs in through the devnet's dev
 * identity provider and proposes an edit with a source; the curator (granted by `npm start`) approves it in the
 * review queue; the registry and the audit log show the change. Anonymous users cannot write.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { CHROMIUM, launchChromium, newPage, screenshot, warnIfNoChromium } from './chromium.js';
import { AppPage } from './pages/app-page.js';
import { ContributePage, ReviewPage } from './pages/contribute-page.js';

warnIfNoChromium('the contribute/review e2e tests');
const appUrl = inject('appUrl');
let browser: Browser;

beforeAll(async () => {
    if (CHROMIUM) browser = await launchChromium();
});
afterAll(async () => {
    await browser?.close();
});

const HARDWARE_ID = 'nvidia-l4';

describe.skipIf(!CHROMIUM)('contribute and moderate', () => {
    it('a contributor proposes an edit, the curator approves it, and the registry and audit log show it', async () => {
        const alice = await browser.newContext({ viewport: { width: 1280, height: 900 } });
        const { page, errors } = await newPage(alice);
        const app = new AppPage(page, appUrl);

        await app.goto('contribute');
        await page.getByText('Sign in with Internet Identity to propose').waitFor();
        const principal = await app.signIn('alice');
        expect(principal).toMatch(/^[a-z0-9-]{20,}$/);
        expect(principal).not.toBe('2vxsx-fae');
        await page.getByText(/session ends in \d+ h/).waitFor();

        await app.goto(`hardware/${HARDWARE_ID}`);
        await page.getByRole('link', { name: 'Propose an edit' }).click();
        const contribute = new ContributePage(page);
        await page.getByRole('heading', { name: `Propose an edit to ${HARDWARE_ID}` }).waitFor();
        const record = await contribute.draft();
        expect(record.id).toBe(HARDWARE_ID);
        const note = `Edited in the e2e test at ${new Date().toISOString()}.`;
        await contribute.setRecord({ ...record, notes: note });
        await contribute.addSource('https://example.org/l4-review', 'An e2e source', '2026-11-26');
        expect((await contribute.draft()).sources).toHaveLength((record.sources as object[]).length + 1);
        const status = await contribute.submitDraft('Adds a note and a source');
        const proposalId = /Proposal (\S+) \(update/.exec(status)?.[1];
        expect(proposalId).toBeDefined();
        await screenshot(page, 'contribute-proposed');
        await app.signOut();
        expect(errors).toEqual([]);
        await alice.close();

        const curatorContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
        const curator = await newPage(curatorContext);
        const capp = new AppPage(curator.page, appUrl);
        await capp.goto('review');
        await capp.signIn('curator');
        await curator.page.getByTestId('principal').filter({ hasText: '(curator)' }).waitFor();
        const card = curator.page.getByTestId(`proposal-${proposalId}`);
        await card.waitFor();
        expect(await card.textContent()).toContain('Adds a note and a source');
        expect(await card.locator('table.diff').textContent()).toContain(note);
        await screenshot(curator.page, 'review-queue');
        await new ReviewPage(curator.page).approve(proposalId!, 'Checked the source');

        await capp.goto(`hardware/${HARDWARE_ID}`);
        await curator.page.getByText(note).first().waitFor();
        expect(await curator.page.locator('ol.sources').textContent()).toContain('An e2e source');

        await capp.goto('audit');
        const rows = curator.page.locator('tbody tr', { hasText: HARDWARE_ID });
        await rows.first().waitFor();
        const actions = await rows.locator('td:nth-child(3)').allTextContents();
        expect(actions).toEqual(expect.arrayContaining(['propose', 'approve']));
        await screenshot(curator.page, 'audit-log');
        expect(curator.errors).toEqual([]);
        await curatorContext.close();
    });

    it('a signed-in user submits a measured benchmark result and it appears in the benchmarks table', async () => {
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
        const { page, errors } = await newPage(context);
        const app = new AppPage(page, appUrl);
        await app.goto('explore/benchmarks');
        const before = Number((/of (\d+) rows/.exec((await page.getByTestId('row-count').textContent()) ?? '') ?? [])[1]);
        await app.signIn('carol');
        await app.goto('contribute?kind=benchmark');
        const contribute = new ContributePage(page);
        const draft = await contribute.draft();
        const status = await contribute.submit({
            ...draft, hardware_id: 'nvidia-h20-96gb', runtime_id: 'sglang', model_id: 'qwen3-4b', variant_id: 'qwen3-4b-bf16',
            generation_tokens_per_s: 123.4, prompt_tokens_per_s: 4567, ttft_ms: 42, power_w: 300, runtime_version: '0.4.0',
        }, '');
        const resultId = /Benchmark result (\S+) recorded/.exec(status)?.[1];
        expect(resultId).toBeDefined();
        await app.goto(`explore/benchmarks?q=${resultId}`);
        // The app reloads its registry snapshot after the submission (no page reload).
        await expect.poll(async () => (await page.getByTestId('row-count').textContent()) ?? '', { timeout: 30_000 }).toBe(`1 of ${before + 1} rows`);
        expect(await page.locator('tbody tr td', { hasText: '123.4' }).count()).toBe(1);
        await screenshot(page, 'benchmark-submitted');
        expect(errors).toEqual([]);
        await context.close();
    });

    it('anonymous visitors see no write actions', async () => {
        const context = await browser.newContext();
        const { page, errors } = await newPage(context);
        const app = new AppPage(page, appUrl);
        await app.goto(`hardware/${HARDWARE_ID}`);
        await page.getByText('Sign in to propose an edit.').waitFor();
        expect(await page.getByRole('link', { name: 'Propose an edit' }).count()).toBe(0);
        await app.goto('review');
        await page.getByText('Sign in to see proposals.').waitFor();
        expect(await page.getByRole('button', { name: 'Approve' }).count()).toBe(0);
        expect(errors).toEqual([]);
        await context.close();
    });
});
