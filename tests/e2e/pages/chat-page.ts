/** Page object for the chat page. */
import type { Locator, Page } from 'playwright-core';

export class ChatPage {
    constructor(readonly page: Page) {}

    composer(): Locator {
        return this.page.locator('textarea[name="message"]');
    }

    async pickRoute(label: RegExp): Promise<void> {
        const select = this.page.getByLabel('Route');
        const options = await select.locator('option').allTextContents();
        const match = options.find((o) => label.test(o));
        if (match === undefined) throw new Error(`no route option ${label} in ${options.join(' | ')}`);
        await select.selectOption({ label: match });
    }

    /** Sends a message and waits for the agent's answer or an error; returns the last answer or the alert text. */
    async ask(text: string): Promise<{ answer: Locator | null; error: string | null }> {
        const before = await this.page.getByTestId('message-assistant').count();
        await this.composer().fill(text);
        await this.page.getByRole('button', { name: 'Send' }).click();
        const answer = this.page.getByTestId('message-assistant').nth(before);
        const alert = this.page.locator('main [role="alert"]');
        await Promise.race([answer.waitFor({ timeout: 90_000 }), alert.waitFor({ timeout: 90_000 })]);
        if (await alert.count() > 0) return { answer: null, error: await alert.textContent() };
        return { answer, error: null };
    }
}
