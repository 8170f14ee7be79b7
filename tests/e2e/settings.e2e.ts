import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, keepScreenshot, launchBrowser, signIn } from './browser';

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('settings', () => {
  it('lets an admin change the reply-time target with Save and shows the Resend webhook URL', async () => {
    page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await signIn(page, 'admin@echo.test');
    await page.goto(`${baseUrl}/settings`);
    const target = page.getByLabel('Reply-time target (hours)');
    await target.waitFor();
    expect(await target.inputValue()).toBe('4');
    expect(await page.getByRole('textbox', { name: 'Webhook URL' }).inputValue()).toBe(
      `${baseUrl}/api/webhooks/resend`,
    );

    await target.fill('0');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page
      .getByText(/replyTargetHours|at least|>=\s*1|too small/i)
      .first()
      .waitFor();

    await target.fill('6');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Settings saved').waitFor();
    await page.reload();
    await page.getByLabel('Reply-time target (hours)').waitFor();
    expect(await page.getByLabel('Reply-time target (hours)').inputValue()).toBe('6');
    expect(await page.getByRole('combobox', { name: 'Role of Alex Agent' }).inputValue()).toBe('agent');
    await keepScreenshot(page, 'settings-admin');
    await page.close();
  });

  it('tells a non-admin that only admins can change settings', async () => {
    page = await browser.newPage();
    await signIn(page, 'manager@echo.test');
    await page.goto(`${baseUrl}/settings`);
    await page.getByText('Only admins can change settings').waitFor();
    expect(await page.getByRole('button', { name: 'Save', exact: true }).count()).toBe(0);
    // Every member keeps their own signature, whatever their role.
    await page.getByRole('heading', { name: 'Your signature' }).waitFor();
    await keepScreenshot(page, 'settings-manager');
    await page.close();
  });
});
