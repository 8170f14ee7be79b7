import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ARTIFACTS, baseUrl, keepScreenshot, launchBrowser, signIn } from './browser';

const databaseUrl = inject('databaseUrl');
let browser: Browser;
let page: Page;
let db: pg.Client;

const pane = () => page.getByRole('region', { name: /^Review: / });
const palette = () => page.getByTestId('command-palette');
const searchField = () => palette().getByRole('combobox', { name: 'Search' });
const openDraftId = () => Number(new URL(page.url()).searchParams.get('draft'));

/** Keeps the picture for the README too (docs/screenshots is committed). */
async function keepDocScreenshot(name: string, target: Page = page) {
  await keepScreenshot(target, name);
  mkdirSync('docs/screenshots', { recursive: true });
  copyFileSync(path.join(ARTIFACTS, `${name}.png`), path.join('docs/screenshots', `${name}.png`));
}

async function draftOf(company: string) {
  const { rows } = await db.query<{ id: string }>(
    `select d.id from email_drafts d join deals on deals.id = d.deal_id where deals.company_name = $1 order by d.id limit 1`,
    [company],
  );
  return Number(rows[0]?.id);
}

beforeAll(async () => {
  db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await signIn(page, 'agent@echo.test');
});

afterAll(async () => {
  await browser?.close();
  await db?.end();
});

describe('the command palette', () => {
  it('lists the open draft’s actions and the pages to go to', async () => {
    const acme = await draftOf('Acme Analytics');
    await page.goto(`${baseUrl}/inbox?draft=${acme}`);
    await pane().getByRole('heading', { name: 'Acme Analytics' }).waitFor();
    await page.keyboard.press('Control+k');
    await searchField().waitFor();
    expect(await searchField().evaluate((field) => field === document.activeElement)).toBe(true);
    const listbox = palette().getByRole('listbox');
    for (const name of ['Approve', 'Send', 'Archive', 'Go to Board', 'Go to Spaces', 'Show Approved'])
      await listbox.getByRole('option', { name: new RegExp(`^${name}`) }).waitFor();
    // An agent is not offered the pages an agent may not open.
    expect(await listbox.getByRole('option', { name: /Go to Metrics/ }).count()).toBe(0);
    await keepDocScreenshot('palette-actions');
    await page.keyboard.press('Escape');
    await palette().waitFor({ state: 'detached' });
  });

  it('finds a seeded email by a word of its body and opens it with the keyboard', async () => {
    // Acme's seeded email asks about "a beagle and a corgi"; other browser tests may have copied it.
    const { rows } = await db.query<{ id: string }>(
      `select d.id from email_drafts d join emails e on e.id = d.inbound_email_id where e.body ilike '%corgi%'`,
    );
    const answering = rows.map((row) => Number(row.id));
    expect(answering).toContain(await draftOf('Acme Analytics'));
    await page.goto(`${baseUrl}/inbox`);
    await page.getByRole('list', { name: 'Drafts waiting for review' }).getByRole('button').first().waitFor();
    await page.keyboard.press('Control+k');
    await searchField().fill('corgi');
    const result = palette().getByRole('option').filter({ hasText: 'Email' }).first();
    await result.waitFor();
    expect(await result.locator('mark').first().textContent()).toMatch(/^corgi$/i);
    await keepDocScreenshot('palette-search');
    // The result is the active option once it is the first one; otherwise arrow down to it.
    const options = palette().getByRole('option');
    const index = await options.evaluateAll((all) =>
      all.findIndex((option) => option.textContent?.includes('corgi')),
    );
    for (let i = 0; i < index; i += 1) await page.keyboard.press('ArrowDown');
    expect(await options.nth(index).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Enter');
    await expect.poll(() => answering.includes(openDraftId()), { timeout: 15_000 }).toBe(true);
    await pane().getByRole('heading', { name: 'Acme Analytics' }).waitFor();
  });

  it('opens in search mode with / and shows search results at 390 px', async () => {
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await signIn(phone, 'agent@echo.test');
    await phone.goto(`${baseUrl}/inbox`);
    await phone
      .getByRole('list', { name: 'Drafts waiting for review' })
      .getByRole('button')
      .first()
      .waitFor();
    await phone.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await phone.keyboard.press('/');
    const field = phone.getByTestId('command-palette').getByRole('combobox', { name: 'Search' });
    await field.fill('parking');
    await phone.getByTestId('command-palette').getByRole('option').first().waitFor();
    // Search mode lists what was found, no actions.
    expect(
      await phone
        .getByTestId('command-palette')
        .getByRole('option', { name: /^Approve/ })
        .count(),
    ).toBe(0);
    const box = await phone.getByTestId('command-palette').boundingBox();
    expect(box?.width ?? 0).toBeLessThanOrEqual(390);
    await keepDocScreenshot('palette-search-phone', phone);
    await phone.close();
  });

  it('regenerates the open draft with the typed instruction', async () => {
    const fernwood = await draftOf('Fernwood Studio');
    await page.goto(`${baseUrl}/inbox?draft=${fernwood}`);
    await pane().getByRole('heading', { name: 'Fernwood Studio' }).waitFor();
    await page.keyboard.press('Control+k');
    await searchField().fill('mention the Thursday slot');
    await palette().getByRole('option', { name: 'Regenerate with “mention the Thursday slot”' }).click();
    const versions = page.locator('section[aria-labelledby="versions-title"] li');
    await versions.filter({ hasText: 'mention the Thursday slot' }).waitFor({ timeout: 45_000 });
  });
});
