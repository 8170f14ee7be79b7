import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, keepScreenshot, launchBrowser, signIn } from './browser';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

const column = (page: Page, stage: string) => page.getByRole('region', { name: stage, exact: true });
const card = (page: Page, stage: string, company: string) =>
  column(page, stage).getByRole('link', { name: company, exact: true });

async function center(locator: Locator) {
  const box = await locator.boundingBox();
  if (!box) throw new Error('element has no box');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** A real mouse drag: press on the handle, move in steps (past the activation distance), release. */
async function dragWithMouse(page: Page, handle: Locator, target: Locator) {
  const from = await center(handle);
  const to = await center(target);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 10, from.y + 10, { steps: 4 });
  await page.mouse.move(to.x, to.y, { steps: 20 });
  await page.waitForTimeout(150);
  await page.mouse.move(to.x, to.y + 2, { steps: 2 });
  await page.mouse.up();
}

describe('the deal board', () => {
  it('lets a manager move one card with the mouse and another with the keyboard, and both stay after a reload', {
    timeout: 180_000,
  }, async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await signIn(page, 'manager@echo.test');
    await page.goto(`${baseUrl}/board`);
    await card(page, 'Inquiry', 'Bluebird Health').waitFor();

    // Mouse: Bluebird Health from Inquiry into Negotiating.
    await dragWithMouse(
      page,
      page.getByRole('button', { name: 'Move Bluebird Health' }),
      page.getByRole('list', { name: 'Negotiating deals' }),
    );
    await card(page, 'Negotiating', 'Bluebird Health').waitFor({ timeout: 20_000 });
    await page.getByText('Bluebird Health moved to Negotiating').waitFor();

    // Keyboard alone: Orbit Care from Inquiry one column right, into Touring.
    const handle = page.getByRole('button', { name: 'Move Orbit Care' });
    await handle.focus();
    const announcer = page.locator('[role=status][aria-live]').first();
    await page.keyboard.press('Space');
    await page.getByText(/Orbit Care is now in Inquiry/).waitFor();
    // The sensor listens for arrow keys from the next tick; a busy machine needs a moment.
    await page.waitForTimeout(1000);
    await page.keyboard.press('ArrowRight');
    // Screen readers hear where the card is; drop once it is over Touring.
    await page.getByText(/Orbit Care is now in Touring/).waitFor();
    await page.keyboard.press('Space');
    await card(page, 'Touring', 'Orbit Care').waitFor({ timeout: 20_000 });
    await page.getByText('Orbit Care moved to Touring').waitFor();
    await expect(announcer.textContent()).resolves.toContain('Orbit Care was dropped in Touring');

    await page.reload();
    await card(page, 'Negotiating', 'Bluebird Health').waitFor();
    await card(page, 'Touring', 'Orbit Care').waitFor();
    expect(await card(page, 'Inquiry', 'Bluebird Health').count()).toBe(0);
    expect(await card(page, 'Inquiry', 'Orbit Care').count()).toBe(0);
    await page.mouse.move(0, 0);
    await page.waitForTimeout(300);
    await keepScreenshot(page, 'board');
    await page.close();
  });

  it('shows an agent the board read-only, without drag handles and with a note why', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, 'agent@echo.test');
    await page.goto(`${baseUrl}/board`);
    await card(page, 'Touring', 'Acme Analytics').waitFor();
    expect(await page.getByRole('button', { name: /^Move / }).count()).toBe(0);
    await expect(page.getByText(/read-only/).isVisible()).resolves.toBe(true);
    await page.close();
  });

  it('opens a deal from its card with its spaces, thread and history', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, 'manager@echo.test');
    await page.goto(`${baseUrl}/board`);
    await card(page, 'Touring', 'Acme Analytics').click();
    await page.waitForURL(/\/deals\/\d+/);
    await page.getByRole('heading', { name: 'Acme Analytics' }).waitFor();
    await page.getByRole('list', { name: 'Emails on this deal' }).waitFor();
    await page.getByRole('link', { name: 'Review in inbox' }).first().waitFor();
    await page.getByLabel('Status of SoMa Studio').selectOption('interested');
    await page
      .getByRole('list', { name: 'History of this deal' })
      .getByText('SoMa Studio: shown → interested')
      .waitFor();
    await keepScreenshot(page, 'deal');
    await page.close();
  });
});

describe('the metrics page', () => {
  it('renders its charts and the per-member table for the range in the URL', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await signIn(page, 'manager@echo.test');
    const today = new Date();
    const from = new Date(today.getTime() - 13 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
    const to = today.toISOString().slice(0, 10);
    await page.goto(`${baseUrl}/metrics?from=${from}&to=${to}`);
    const daily = page.getByRole('figure', { name: /Drafts per day/ });
    await daily.locator('.recharts-bar-rectangle').first().waitFor();
    expect(await daily.locator('.recharts-bar-rectangle').count()).toBeGreaterThan(0);
    await page
      .getByRole('figure', { name: /Validation outcomes/ })
      .locator('.recharts-pie-sector')
      .first()
      .waitFor();
    await page.getByRole('row', { name: /Alex Agent/ }).waitFor();
    expect(await page.getByLabel('From').inputValue()).toBe(from);
    expect(await page.getByRole('link', { name: 'Metrics CSV' }).getAttribute('href')).toBe(
      `/api/export/metrics?from=${from}&to=${to}`,
    );
    await page.waitForTimeout(400);
    await keepScreenshot(page, 'metrics');
    await page.close();
  });
});
