/** Page objects for proposing a change and reviewing it. */
import type { Page } from 'playwright-core';

export class ContributePage {
    constructor(readonly page: Page) {}

    async draft(): Promise<Record<string, unknown>> {
        return JSON.parse(await this.page.locator('textarea[name="record"]').inputValue()) as Record<string, unknown>;
    }

    async setRecord(record: Record<string, unknown>): Promise<void> {
        await this.page.locator('textarea[name="record"]').fill(JSON.stringify(record, null, 2));
    }

    /** Through the "Add a source" form beside the editor. */
    async addSource(url: string, title: string, accessed: string): Promise<void> {
        await this.page.locator('input[name="source-url"]').fill(url);
        await this.page.locator('input[name="source-title"]').fill(title);
        await this.page.locator('input[name="source-accessed"]').fill(accessed);
        await this.page.getByRole('button', { name: 'Add source' }).click();
    }

    /** Submits the current draft; returns the status line (with the id) or the alert with the canister's error. */
    async submitDraft(comment: string): Promise<string> {
        if (comment !== '') await this.page.locator('input[name="comment"]').fill(comment);
        await this.page.getByRole('button', { name: /^Submit (proposal|result)$/ }).click();
        const outcome = this.page.locator('[data-testid="proposal-status"], main [role="alert"]');
        await outcome.first().waitFor({ timeout: 60_000 });
        return (await outcome.first().textContent()) ?? '';
    }

    async submit(record: Record<string, unknown>, comment: string): Promise<string> {
        await this.setRecord(record);
        return this.submitDraft(comment);
    }
}

export class ReviewPage {
    constructor(readonly page: Page) {}

    async approve(proposalId: string, reason: string): Promise<void> {
        const card = this.page.getByTestId(`proposal-${proposalId}`);
        await card.locator('input').fill(reason);
        await card.getByRole('button', { name: 'Approve' }).click();
        await this.page.getByRole('status').filter({ hasText: `Approved ${proposalId}` }).waitFor({ timeout: 60_000 });
    }
}
