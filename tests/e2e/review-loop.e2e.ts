import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { baseUrl, keepScreenshot, launchBrowser, signIn } from './browser';
import { copySeededDraft } from './copies';

let browser: Browser;
let page: Page;
let db: pg.Client;
/** Drafts this file copied to change: removed afterwards, so the next file sees the seed. */
const copies: number[] = [];

const pane = () => page.getByRole('region', { name: /^Review: / });
const queue = () => page.getByRole('list', { name: 'Drafts waiting for review' });
const statusBadge = (text: string) =>
  pane().locator('header [data-slot=badge]', { hasText: new RegExp(`^${text}$`) });
const openDraftId = () => Number(new URL(page.url()).searchParams.get('draft'));

async function queueIds(): Promise<number[]> {
  await queue().getByRole('button').first().waitFor();
  const ids = await queue()
    .getByRole('button')
    .evaluateAll((rows) => rows.map((row) => row.id));
  return ids.filter((id) => id.startsWith('draft-row-')).map((id) => Number(id.slice('draft-row-'.length)));
}

beforeAll(async () => {
  db = new pg.Client({ connectionString: inject('databaseUrl') });
  await db.connect();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await signIn(page, 'agent@echo.test');
});

afterAll(async () => {
  if (copies.length > 0) {
    const { rows } = await db.query<{ inbound_email_id: string }>(
      'delete from email_drafts where id = any($1::bigint[]) returning inbound_email_id',
      [copies.map(String)],
    );
    await db.query('delete from emails where id = any($1::bigint[])', [
      rows.map((row) => row.inbound_email_id),
    ]);
  }
  await browser?.close();
  await db?.end();
});

describe('the review loop', () => {
  it('opens the next and previous draft with j and k while a draft is open', async () => {
    await page.goto(`${baseUrl}/inbox`);
    const ids = await queueIds();
    expect(ids.length).toBeGreaterThan(2);
    const [first, second] = ids;
    await page.goto(`${baseUrl}/inbox?draft=${first}`);
    await pane().waitFor();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('j');
    await expect.poll(openDraftId, { timeout: 15_000 }).toBe(second);
    await pane().waitFor();
    await page.keyboard.press('k');
    await expect.poll(openDraftId).toBe(first);
    await pane().waitFor();
    await keepScreenshot(page, 'review-loop-jk');
  });

  it('leaves the draft alone when "approve" is typed into the Instruction field', async () => {
    const ids = await queueIds();
    await page.goto(`${baseUrl}/inbox?draft=${ids[0]}`);
    await statusBadge('Pending review').waitFor();
    const instruction = pane().getByLabel('Instruction');
    await instruction.click();
    await page.keyboard.type('approve and send #1 jk');
    expect(await instruction.inputValue()).toBe('approve and send #1 jk');
    expect(openDraftId()).toBe(ids[0]);
    await page.waitForTimeout(500);
    expect(await statusBadge('Pending review').count()).toBe(1);
    expect(await page.getByRole('dialog').count()).toBe(0);
  });
});

describe('shortcuts stay out of the way', () => {
  it('does nothing while a dialog is open, even with the focus on its body', async () => {
    const ids = await queueIds();
    await page.goto(`${baseUrl}/inbox?draft=${ids[0]}`);
    await statusBadge('Pending review').waitFor();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    for (const key of ['j', 'a', 's', '#']) await page.keyboard.press(key);
    await page.waitForTimeout(300);
    expect(openDraftId()).toBe(ids[0]);
    expect(await page.getByRole('dialog').count()).toBe(1);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    // The page behind a modal dialog is hidden from the accessibility tree: look once it is closed.
    expect(await statusBadge('Pending review').count()).toBe(1);
  });
});

describe('auto-advance', () => {
  it('opens the next draft after an archive, and the archived one can be restored', async () => {
    const ids = await queueIds();
    const [first, second] = ids;
    await page.goto(`${baseUrl}/inbox?draft=${first}`);
    await statusBadge('Pending review').waitFor();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('#');
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Archive', exact: true }).click();
    await expect.poll(openDraftId, { timeout: 15_000 }).toBe(second);
    await pane().waitFor();
    await keepScreenshot(page, 'review-loop-advanced');
    // Put the seed back as the other browser tests expect it.
    await page.locator('[data-sonner-toast]').getByRole('button', { name: 'Restore', exact: true }).click();
    await expect.poll(async () => (await queueIds())[0]).toBe(first);
  });
});

describe('edits survive regeneration', () => {
  it("keeps the agent's edited body as its own version before the regenerated one", async () => {
    const id = await copySeededDraft(db, 'Northstar Labs', 30);
    copies.push(id);
    await page.goto(`${baseUrl}/inbox?draft=${id}`);
    await statusBadge('Pending review').waitFor();
    const editor = pane().getByLabel('Reply body');
    const edited = `${await editor.inputValue()}\n\nP.S. The coffee on the tour is on me.`;
    await editor.fill(edited);
    await pane().getByRole('button', { name: 'Save', exact: true }).click();
    await pane()
      .getByText(/^Saved · revision \d+$/)
      .waitFor();
    await pane().getByLabel('Instruction', { exact: true }).fill('Shorter, keep my P.S.');
    await pane().getByRole('button', { name: 'Regenerate', exact: true }).click();
    const versions = pane().locator('section[aria-labelledby="versions-title"] li');
    const asked = versions.filter({ hasText: 'Shorter, keep my P.S.' });
    await asked.waitFor({ timeout: 45_000 });
    expect(await asked.textContent()).toContain('Current');
    // The edit is a version of its own, written by the agent, and its body is the edited one.
    const edit = versions.filter({ hasText: 'Edited by you' });
    expect(await edit.count()).toBe(1);
    const { rows } = await db.query<{ body: string; kind: string }>(
      `select body, kind from draft_versions where draft_id = $1 and kind = 'edit'`,
      [id],
    );
    expect(rows).toEqual([{ body: edited, kind: 'edit' }]);
    await keepScreenshot(page, 'review-loop-edit-survives');
  });
});
