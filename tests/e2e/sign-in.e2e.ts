import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asOwnClient, baseUrl, keepScreenshot, launchBrowser, signIn } from './browser';

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('signing in', () => {
  it('sends a visitor without a session to the login page', async () => {
    page = await browser.newPage();
    await page.goto(`${baseUrl}/inbox`);
    await page.waitForURL(/\/login/);
    expect(await page.getByText('Sign in to Echo').isVisible()).toBe(true);
    await page.close();
  });

  it('refuses a wrong password with a readable error', async () => {
    page = await browser.newPage();
    await asOwnClient(page);
    await page.goto(`${baseUrl}/login`);
    await page.getByLabel('Email').fill('agent@echo.test');
    await page.getByLabel('Password').fill('wrong-password');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    const alert = page.locator('form [role=alert]');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/invalid email or password/i);
    expect(page.url()).toContain('/login');
    await page.close();
  });

  it('shows the agent the seeded inbox, most urgent first', async () => {
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, 'agent@echo.test');
    const queue = page.getByRole('list', { name: 'Drafts waiting for review' });
    await queue.waitFor();
    const rows = queue.getByRole('button');
    expect(await rows.count()).toBeGreaterThanOrEqual(6);
    await expect(rows.first().getAttribute('aria-label')).resolves.toBe('Acme Analytics');
    await expect(page.getByText('Tandem Demo').first().isVisible()).resolves.toBe(true);
    await keepScreenshot(page, 'inbox-agent');
    await page.close();
  });
});
