/** Page objects for proposing a change and reviewing it. */
import type { Page } from 'playwright-core';

export class ContributePage {
    constructor(readonly page: Page) {}

    async draft(): Promise<Record<string, unknown>> {
        return JSON.parse(await this.page.locator('textarea[name="record"]').inputValue()) as Record<string, unknown>;
    }

    async submit(record: Record<string, unknown>, comment: string): Promise<string> {
        await this.page.locator('textarea[name="record"]').fill(JSON.stringify(record, null, 2));
        if (comment !== '') await this.page.locator('input[name="comment"]').fill(comment);
        await this.page.getByRole('button', { name: /^Submit (proposal|result)$/ }).click();
        // The outcome: a status line with the proposal id, or an alert with the canister's error.
        const outcome = this.page.locator('[data-testid="proposal-status"], main [role="alert"]');
        await outcome.first().waitFor({ timeout: 60_000 });
        return (await outcome.first().textContent()) ?? '';
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
