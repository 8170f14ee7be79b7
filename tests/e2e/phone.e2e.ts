import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, keepScreenshot, launchBrowser, signIn } from './browser';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const SCREENSHOTS = path.resolve('docs/screenshots');

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

async function themedContext(theme: 'light' | 'dark', viewport = { width: 1440, height: 900 }) {
  const context = await browser.newContext({ viewport, colorScheme: theme });
  await context.addCookies([{ name: 'echo-theme', value: theme, url: baseUrl }]);
  return context;
}

/** axe's colour-contrast check (and a few naming rules) on the page as it is now. */
async function contrastViolations(page: Page) {
  // Evaluated through the DevTools protocol, so the page's CSP (no un-nonced scripts) still holds.
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<unknown> } }
    ).axe;
    const result = (await axe.run(document, {
      runOnly: { type: 'rule', values: ['color-contrast', 'button-name', 'link-name', 'label'] },
    })) as { violations: { id: string; nodes: { target: string[]; failureSummary?: string }[] }[] };
    return result.violations.flatMap((violation) =>
      violation.nodes.map(
        (node) => `${violation.id}: ${node.target.join(' ')} — ${node.failureSummary ?? ''}`,
      ),
    );
  });
}

async function settle(page: Page) {
  await page.mouse.move(0, 0);
  await page.waitForTimeout(400);
}

describe('on a phone', () => {
  it('opens a draft full width and goes back to the list, by the button and by the browser', {
    timeout: 120_000,
  }, async () => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    await signIn(page, 'agent@echo.test');
    const queue = page.getByRole('list', { name: 'Drafts waiting for review' });
    const row = queue.getByRole('button', { name: 'Acme Analytics', exact: true });
    await row.waitFor();
    await settle(page);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'phone-inbox.png') });

    await row.click();
    const pane = page.getByRole('region', { name: 'Review: Acme Analytics' });
    await pane.getByRole('heading', { name: 'Acme Analytics' }).waitFor();
    expect(page.url()).toMatch(/draft=\d+/);
    expect(await queue.isVisible()).toBe(false);
    // Every action of the pane is on screen, none cut off at 390 px.
    for (const name of ['Archive', 'Approve', 'Send']) {
      const box = await pane.getByRole('button', { name, exact: true }).boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= 390, `${name} fits`).toBe(true);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await settle(page);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'phone-draft.png') });

    await page.goBack();
    await row.waitFor();
    expect(page.url()).not.toMatch(/draft=/);
    expect(await pane.count()).toBe(0);

    await row.click();
    await page.getByRole('button', { name: 'Back to inbox' }).click();
    await row.waitFor();
    expect(page.url()).not.toMatch(/draft=/);
    await keepScreenshot(page, 'phone-back');
    await context.close();
  });
});

describe('themes', () => {
  for (const theme of ['dark', 'light'] as const) {
    it(`passes axe's contrast check on the inbox, the board and a deal in ${theme} mode`, {
      timeout: 180_000,
    }, async () => {
      const context: BrowserContext = await themedContext(theme);
      const page = await context.newPage();
      await signIn(page, 'manager@echo.test');
      expect(await page.evaluate(() => document.documentElement.className)).toContain(theme);

      await page.getByRole('button', { name: 'Acme Analytics', exact: true }).click();
      await page.getByRole('region', { name: 'Review: Acme Analytics' }).waitFor();
      await page.getByRole('complementary', { name: 'Evidence' }).waitFor();
      await settle(page);
      expect(await contrastViolations(page)).toEqual([]);
      if (theme === 'dark') await page.screenshot({ path: path.join(SCREENSHOTS, 'dark-inbox.png') });

      await page.goto(`${baseUrl}/board`);
      await page.getByRole('region', { name: 'Inquiry', exact: true }).getByRole('link').first().waitFor();
      await settle(page);
      expect(await contrastViolations(page)).toEqual([]);
      if (theme === 'dark') await page.screenshot({ path: path.join(SCREENSHOTS, 'dark-board.png') });

      const dealHref = await page
        .getByRole('region', { name: 'Touring', exact: true })
        .getByRole('link')
        .first()
        .getAttribute('href');
      await page.goto(`${baseUrl}${dealHref}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await settle(page);
      expect(await contrastViolations(page)).toEqual([]);
      await context.close();
    });
  }

  it('switches from the account menu and keeps the choice for the next page', {
    timeout: 60_000,
  }, async () => {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      colorScheme: 'light',
    });
    const page = await context.newPage();
    await signIn(page, 'agent@echo.test');
    expect(await page.evaluate(() => document.documentElement.className)).toContain('system');
    await page.getByRole('button', { name: /Account menu/ }).click();
    await page.getByRole('menuitemradio', { name: 'Dark' }).click();
    expect(await page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(true);
    await page.goto(`${baseUrl}/board`);
    // Rendered dark by the server from the cookie: no script had to run for it.
    const html = await (await page.request.get(`${baseUrl}/board`)).text();
    expect(html).toMatch(/<html[^>]*class="[^"]*\bdark\b/);
    await context.close();
  });
});

describe('board drag', () => {
  it('drops where the pointer is, not where the card lands, and Undo puts it back', {
    timeout: 120_000,
  }, async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await signIn(page, 'manager@echo.test');
    await page.goto(`${baseUrl}/board`);
    const column = (stage: string) => page.getByRole('region', { name: stage, exact: true });
    const cardIn = (stage: string) =>
      column(stage)
        .locator('li[data-deal-id]')
        .filter({ has: page.getByRole('link', { name: 'Fernwood Studio', exact: true }) });
    await cardIn('Inquiry').waitFor();

    // Grab the card by its body near the right edge (not the grip), and let go with the pointer just
    // inside Touring: most of the card is still over Inquiry, so its centre says Inquiry.
    const card = await cardIn('Inquiry').boundingBox();
    const touring = await column('Touring').boundingBox();
    if (!card || !touring) throw new Error('no layout');
    const from = { x: card.x + card.width - 24, y: card.y + card.height - 16 };
    const to = { x: touring.x + 12, y: touring.y + touring.height - 40 };
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(from.x + 10, from.y, { steps: 4 });
    await page.mouse.move(to.x, to.y, { steps: 20 });
    await page.waitForTimeout(150);
    await page.mouse.move(to.x, to.y + 2, { steps: 2 });
    await page.mouse.up();

    await cardIn('Touring').waitFor({ timeout: 20_000 });
    expect(page.url()).toBe(`${baseUrl}/board`);
    await page.getByText('Fernwood Studio moved to Touring').waitFor();
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.getByText('Fernwood Studio moved to Inquiry').waitFor();
    await cardIn('Inquiry').waitFor({ timeout: 20_000 });

    await page.reload();
    await cardIn('Inquiry').waitFor();
    expect(await cardIn('Touring').count()).toBe(0);
    await page.close();
  });
});
