/**
 * Registry explorer in headless Chromium against the devnet: tables (sort, filter, columns, URL state),
 * comparison, detail pages with sources, plots and the fit calculator; anonymous browsing, no console errors.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { CHROMIUM, launchChromium, newPage, screenshot, warnIfNoChromium } from './chromium.js';
import { AppPage } from './pages/app-page.js';
import { RegistryPage } from './pages/registry-page.js';

warnIfNoChromium('the registry e2e tests');
const appUrl = inject('appUrl');
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
    if (!CHROMIUM) return;
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
});
afterAll(async () => {
    await browser?.close();
});

const num = (s: string) => (s === '—' ? null : Number(s.replaceAll(',', '')));

describe.skipIf(!CHROMIUM)('registry explorer', () => {
    it('sorts and filters the hardware table, keeps the state in the URL across a reload, and hides columns', async () => {
        const { page, errors } = await newPage(context);
        const app = new AppPage(page, appUrl);
        const table = new RegistryPage(page);
        await app.goto('explore/hardware');
        const all = await table.rowCount();
        expect(all.total).toBeGreaterThan(10);

        await table.sortBy('TDP W');
        const tdp = (await table.columnValues('TDP W')).map(num).filter((v): v is number => v !== null);
        expect(tdp.length).toBeGreaterThan(5);
        expect([...tdp].sort((a, b) => a - b)).toEqual(tdp);
        expect(await app.hash()).toContain('sort=tdp_w.asc');

        await table.filterColumn('Vendor', 'nvidia');
        await table.filterColumn('Memory GB', '40..');
        const filtered = await table.rowCount();
        expect(filtered.shown).toBeGreaterThan(0);
        expect(filtered.shown).toBeLessThan(all.total);
        expect(new Set(await table.columnValues('Vendor'))).toEqual(new Set(['NVIDIA']));
        expect((await table.columnValues('Memory GB')).map(num).every((v) => v !== null && v >= 40)).toBe(true);

        await table.hideColumn('Kind');
        expect(await app.hash()).toContain('hide=kind');
        await page.reload();
        await page.waitForSelector('table.data-table tbody tr');
        expect((await table.rowCount()).shown).toBe(filtered.shown);
        expect(await table.table().locator('thead th').allTextContents()).not.toContain(expect.stringMatching(/^Kind/));
        await screenshot(page, 'registry-hardware-filtered');
        expect(errors).toEqual([]);
    });

    it('searches models and opens a model page with variants, scores and sources', async () => {
        const { page, errors } = await newPage(context);
        const app = new AppPage(page, appUrl);
        const table = new RegistryPage(page);
        await app.goto('explore/models');
        await table.search('qwen');
        const names = await table.columnValues('Name');
        expect(names.length).toBeGreaterThan(0);
        expect(names.every((n) => /qwen/i.test(n))).toBe(true);
        const expand = page.locator('tbody button.expand').first();
        await expand.click();
        expect(await expand.getAttribute('aria-expanded')).toBe('true');
        expect(await page.locator('tr.row-detail').textContent()).toMatch(/Variants \(\d+\).*Scores \(\d+\)/);
        await screenshot(page, 'models-expanded');
        await page.getByRole('link', { name: names[0]!, exact: true }).click();
        await page.getByRole('heading', { name: 'Variants' }).waitFor();
        await page.getByRole('heading', { name: 'Sources' }).waitFor();
        expect(await page.locator('ol.sources li a').count()).toBeGreaterThan(0);
        await screenshot(page, 'model-detail');
        expect(errors).toEqual([]);
    });

    it('compares two hardware items side by side with derived rows labelled derived', async () => {
        const { page, errors } = await newPage(context);
        const app = new AppPage(page, appUrl);
        const table = new RegistryPage(page);
        await app.goto('explore/hardware?f.vendor=nvidia&sort=name.asc');
        const ids = await page.locator('tbody input[type="checkbox"]').evaluateAll((els) => els.slice(0, 2).map((e) => e.getAttribute('aria-label')!.replace(/^Pick | for comparison$/g, '')));
        for (const id of ids) await table.pick(id);
        await table.compare();
        await page.getByRole('heading', { name: 'Compare hardware' }).waitFor();
        expect(await app.hash()).toContain(`ids=${ids.map(encodeURIComponent).join('%2C')}`);
        expect(await page.locator('table.compare thead th').count()).toBe(3);
        expect(await page.locator('table.compare tbody th .derived-tag').count()).toBeGreaterThan(0);
        await screenshot(page, 'compare-hardware');
        expect(errors).toEqual([]);
    });

    it('plots peak throughput against TDP and price on log axes with one series per vendor', async () => {
        const { page, errors } = await newPage(context);
        const app = new AppPage(page, appUrl);
        await app.goto('plots?p=fp16');
        const chart = page.getByTestId('peak-chart');
        await chart.locator('.recharts-scatter-symbol').first().waitFor();
        const points = await chart.locator('.recharts-scatter-symbol').count();
        expect(points).toBeGreaterThan(5);
        expect(await chart.locator('.recharts-legend-item').count()).toBeGreaterThan(1);
        await chart.locator('.recharts-scatter-symbol').first().hover();
        await page.getByRole('tooltip').waitFor();
        await screenshot(page, 'plot-fp16-vs-tdp');
        await page.getByLabel('Against').selectOption('price');
        await page.getByRole('heading', { name: /vs price/ }).waitFor();
        expect(await app.hash()).toContain('x=price');
        await page.getByTestId('speed-chart').locator('.recharts-bar-rectangle').first().waitFor();
        await screenshot(page, 'plot-fp16-vs-price');
        expect(errors).toEqual([]);
    });

    it('runs the fit calculator and explains the result', async () => {
        const { page, errors } = await newPage(context);
        const app = new AppPage(page, appUrl);
        await app.goto('fit');
        const result = page.getByTestId('fit-result');
        await result.locator('.verdict').waitFor();
        await page.getByLabel('Target').selectOption('custom');
        await page.getByLabel('Memory (GB)').fill('0.5');
        await expect.poll(() => result.locator('.verdict').textContent(), { timeout: 10_000 }).toMatch(/^Does not fit/);
        await page.getByLabel('Memory (GB)').fill('1000');
        await expect.poll(() => result.locator('.verdict').textContent(), { timeout: 10_000 }).toMatch(/^Fits/);
        expect(await result.locator('ol.breakdown li').count()).toBeGreaterThan(3);
        await page.getByLabel('Batch').fill('0');
        await result.getByRole('alert').waitFor();
        expect(await app.hash()).toContain('mem=1000');
        await screenshot(page, 'fit-calculator');
        expect(errors).toEqual([]);
    });

    it('works on a phone in the dark theme, and from the keyboard', async () => {
        const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, colorScheme: 'dark' });
        const { page, errors } = await newPage(phone);
        const app = new AppPage(page, appUrl);
        await app.goto('explore/runtimes');
        expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
        await page.keyboard.press('Tab');
        expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(width).toBeLessThanOrEqual(390);
        await screenshot(page, 'phone-dark-runtimes');
        await phone.close();
        expect(errors).toEqual([]);
    });
});
