/**
 * Chat in headless Chromium: a signed-in user asks the agent through the stand-in LLM canister and through a local
 * worker (the real worker gateway with the stand-in model, started by the global setup as `npm start` does);
 * answers carry their route label and cited registry records; errors keep the typed message; usage is shown.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { CHROMIUM, launchChromium, newPage, screenshot, warnIfNoChromium } from './chromium.js';
import { AppPage } from './pages/app-page.js';
import { ChatPage } from './pages/chat-page.js';
import { FRUGAL_USER } from './e2e-users.js';

warnIfNoChromium('the chat e2e tests');
const appUrl = inject('appUrl');
let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];

// The stand-in "model" turns `TOOL <name> <json>` lines into tool calls, so the agent's registry tools run for real.
const QUESTION = ['Which hardware fits Gemma 3 27B at Q4?', 'TOOL search_registry {"query":"gemma 3 27b"}'].join('\n');

beforeAll(async () => {
    if (!CHROMIUM) return;
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    ({ page, errors } = await newPage(context));
});
afterAll(async () => {
    await browser?.close();
});

describe.skipIf(!CHROMIUM)('chat', () => {
    it('asks for sign-in, then answers through the LLM canister with a route label and cited records', async () => {
        const app = new AppPage(page, appUrl);
        await app.goto('chat');
        await page.getByText('Sign in with Internet Identity to ask the agent').waitFor();
        await app.signIn('bob');
        const chat = new ChatPage(page);
        await chat.pickRoute(/^LLM canister/);
        await page.getByLabel('Model').selectOption('qwen3:32b');
        const { answer, error } = await chat.ask(QUESTION);
        expect(error).toBeNull();
        expect(await answer!.textContent()).toContain('stand-in summary of 1 tool result(s)');
        const label = (await answer!.getByTestId('route-label').textContent()) ?? '';
        expect(label).toMatch(/^LLM canister · qwen3:32b · trust: on-chain · \d+ in \/ \d+ out tokens.* · [\d.]+ [kMBT]? ?cycles · \d+ ms/);
        const cited = answer!.locator('.citations a');
        expect(await cited.count()).toBeGreaterThan(0);
        expect(await cited.first().getAttribute('href')).toMatch(/^#\/(model|hardware)\//);
        await page.getByTestId('usage').filter({ hasText: /Today: [1-9]\d* of \d+ requests/ }).waitFor();
        expect(await chat.composer().inputValue()).toBe('');
        await page.getByRole('navigation', { name: 'Conversations' }).getByRole('link').first().waitFor();
        await screenshot(page, 'chat-llm-canister');
    });

    it('answers through a specific local worker in the same conversation, and keeps the history', async () => {
        const chat = new ChatPage(page);
        await chat.pickRoute(/^Worker /);
        const { answer, error } = await chat.ask('Hello from the e2e test');
        expect(error).toBeNull();
        expect(await answer!.textContent()).toContain('[local worker]');
        expect(await answer!.getByTestId('route-label').textContent()).toMatch(/^worker w\d+ · local-standin · trust: replicated outcall/);
        const conversation = /#\/chat\/([^?]+)/.exec(await page.evaluate(() => window.location.hash))?.[1];
        expect(conversation).toBeDefined();
        await page.reload();
        await page.getByTestId('message-assistant').nth(1).waitFor({ timeout: 30_000 });
        expect(await page.getByTestId('message-user').count()).toBe(2);
        expect(await page.getByTestId('route-label').count()).toBe(2);
        await screenshot(page, 'chat-worker-history');
        const list = page.getByRole('navigation', { name: 'Conversations' }).getByRole('link');
        const before = await list.count();
        await page.getByRole('button', { name: 'Delete this conversation' }).click();
        await expect.poll(() => list.count(), { timeout: 30_000 }).toBe(before - 1);
        expect(await page.evaluate(() => window.location.hash)).not.toContain(conversation!);
    });

    it('shows router errors and the input bound without losing the typed message', async () => {
        const app = new AppPage(page, appUrl);
        await app.goto('chat?route=worker:w999999999999');
        const chat = new ChatPage(page);
        const { error } = await chat.ask('This message must survive the error');
        expect(error).toMatch(/No route|No worker|not found/i);
        expect(await chat.composer().inputValue()).toBe('This message must survive the error');
        await chat.composer().fill('x'.repeat(32 * 1024 + 1));
        await page.getByText(`${32 * 1024 + 1} / ${32 * 1024} bytes`).waitFor();
        expect(await page.getByRole('button', { name: 'Send' }).isDisabled()).toBe(true);
        await screenshot(page, 'chat-errors');
        expect(errors).toEqual([]);
    });

    it('refuses a message over the daily quota with the numbers, keeping the message', async () => {
        const frugal = await browser.newContext({ viewport: { width: 1280, height: 900 } });
        const own = await newPage(frugal);
        const app = new AppPage(own.page, appUrl);
        await app.goto('chat');
        await app.signIn(FRUGAL_USER);
        const chat = new ChatPage(own.page);
        expect((await chat.ask('first and only message today')).error).toBeNull();
        const { error } = await chat.ask('one too many');
        expect(error).toMatch(/^Daily quota exceeded for requests: used 1 of 1, this message needs 1/);
        expect(await chat.composer().inputValue()).toBe('one too many');
        await own.page.getByTestId('usage').filter({ hasText: 'Today: 1 of 1 requests' }).waitFor();
        await screenshot(own.page, 'chat-quota-exceeded');
        expect(own.errors).toEqual([]);
        await frugal.close();
    });
});
