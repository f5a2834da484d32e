/** Page object for the registry explorer tables. */
import type { Locator, Page } from 'playwright-core';

export class RegistryPage {
    constructor(readonly page: Page) {}

    table(): Locator {
        return this.page.locator('table.data-table');
    }

    async rowCount(): Promise<{ shown: number; total: number }> {
        const text = (await this.page.getByTestId('row-count').textContent()) ?? '';
        const m = /(\d+) of (\d+) rows/.exec(text);
        return { shown: Number(m?.[1] ?? -1), total: Number(m?.[2] ?? -1) };
    }

    /** The text of one column for every visible row (column by header label). */
    async columnValues(label: string): Promise<string[]> {
        const headers = await this.table().locator('thead th').allTextContents();
        const index = headers.findIndex((h) => h.startsWith(label));
        if (index < 0) throw new Error(`no column ${label} in ${headers.join(' | ')}`);
        return this.table().locator(`tbody tr td:nth-child(${index + 1})`).allTextContents();
    }

    async sortBy(label: string): Promise<void> {
        await this.table().locator('thead th button.sort', { hasText: label }).first().click();
    }

    async filterColumn(label: string, value: string): Promise<void> {
        await this.page.getByLabel(`Filter ${label}`, { exact: true }).fill(value);
    }

    async search(text: string): Promise<void> {
        await this.page.getByRole('searchbox').fill(text);
    }

    async hideColumn(label: string): Promise<void> {
        await this.page.locator('.column-picker summary').click();
        await this.page.locator('.column-picker label', { hasText: label }).locator('input').uncheck();
        await this.page.locator('.column-picker summary').click();
    }

    async pick(id: string): Promise<void> {
        await this.page.getByLabel(`Pick ${id} for comparison`).check();
    }

    async compare(): Promise<void> {
        await this.page.getByRole('button', { name: /^Compare/ }).click();
    }
}
