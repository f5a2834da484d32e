/** Page object for the app shell: navigation and Internet Identity sign-in through the devnet's dev provider. */
import type { Page } from 'playwright-core';

export class AppPage {
    constructor(readonly page: Page, readonly baseUrl: string) {}

    /** Opens a hash route (`explore/hardware?sort=tdp_w.desc`) and waits for the registry to load. */
    async goto(route: string): Promise<void> {
        await this.page.goto(`${this.baseUrl}/#/${route}`);
        await this.page.waitForSelector('main');
        await this.page.waitForFunction(() => !document.querySelector('main .loading'), undefined, { timeout: 60_000 });
    }

    hash(): Promise<string> {
        return this.page.evaluate(() => window.location.hash);
    }

    /** Signs in as a dev identity provider user (the provider page asks for a user name, as II asks for an anchor). */
    async signIn(user: string): Promise<string> {
        const popup = this.page.waitForEvent('popup');
        await this.page.getByRole('button', { name: 'Sign in with Internet Identity' }).click();
        const idp = await popup;
        await idp.waitForSelector('#submit:not([disabled])');
        await idp.fill('#user', user);
        await idp.click('#submit');
        const principal = this.page.getByTestId('principal');
        await principal.waitFor({ timeout: 30_000 });
        return (await principal.getAttribute('title')) ?? '';
    }

    async signOut(): Promise<void> {
        await this.page.getByRole('button', { name: 'Sign out' }).click();
        await this.page.getByRole('button', { name: 'Sign in with Internet Identity' }).waitFor();
    }

    async nav(label: string): Promise<void> {
        await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: label }).click();
    }
}
