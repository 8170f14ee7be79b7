import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ARTIFACTS, baseUrl, keepScreenshot, launchBrowser, signIn } from './browser';
import { copySeededDraft } from './copies';

const databaseUrl = inject('databaseUrl');
let browser: Browser;
let page: Page;
let db: pg.Client;
/** The draft this file sends is a copy, and the space it learns into is put back: the next file sees the seed. */
let copyId: number | null = null;
let seededSpace: { id: string; detailed_amenities: unknown; revision: number } | undefined;

/** Keeps the picture for the README too (docs/screenshots is committed). */
async function keepDocScreenshot(name: string) {
  await keepScreenshot(page, name);
  mkdirSync('docs/screenshots', { recursive: true });
  copyFileSync(path.join(ARTIFACTS, `${name}.png`), path.join('docs/screenshots', `${name}.png`));
}

beforeAll(async () => {
  db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await signIn(page, 'manager@echo.test');
});

afterAll(async () => {
  if (copyId !== null) {
    const { rows } = await db.query<{ inbound_email_id: string; sent_email_id: string | null }>(
      'delete from email_drafts where id = $1 returning inbound_email_id, sent_email_id',
      [copyId],
    );
    const emailIds = rows.flatMap((row) => [row.inbound_email_id, row.sent_email_id ?? []].flat());
    await db.query('delete from emails where id = any($1::bigint[])', [emailIds]);
  }
  if (seededSpace)
    await db.query('update spaces set detailed_amenities = $2, revision = $3 where id = $1', [
      seededSpace.id,
      JSON.stringify(seededSpace.detailed_amenities),
      seededSpace.revision,
    ]);
  await browser?.close();
  await db?.end();
});

const FACT = 'Parking at Hayes Valley Corner is $240/month in the Civic Center garage.';

describe('learning from what agents send', () => {
  it('sends an edited draft, shows its new fact to a manager, and accept writes it into the space', {
    timeout: 180_000,
  }, async () => {
    // Bluebird Health's deal has Hayes Valley Corner, whose records hold no parking cost.
    const spaceRow = await db.query<{ id: string; detailed_amenities: unknown; revision: number }>(
      `select id, detailed_amenities, revision from spaces where name = 'Hayes Valley Corner'`,
    );
    seededSpace = spaceRow.rows[0];
    const draftId = await copySeededDraft(db, 'Bluebird Health', 30);
    copyId = draftId;
    await page.goto(`${baseUrl}/inbox?draft=${draftId}`);
    const review = page.getByRole('region', { name: /^Review: / });
    await review.getByRole('heading', { name: 'Bluebird Health' }).waitFor();
    const editor = page.getByLabel('Reply body');
    const original = await editor.inputValue();
    await editor.fill(original.replace(/\n\nBest,/, `\n\n${FACT}\n\nBest,`));
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText(/^Saved · revision \d+$/).waitFor();
    await review.getByRole('button', { name: 'Approve', exact: true }).click();
    // The figure is not in the records yet, so the checks fail the draft: a manager overrides.
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Override reason').fill('Agent checked the garage rate today');
    await dialog.getByRole('button', { name: 'Approve with override' }).click();
    await page.locator('[data-sonner-toast]', { hasText: 'Approved. Press s to send.' }).waitFor();
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    // The failed checks are confirmed once more before the email leaves.
    await page.getByRole('dialog').getByRole('button', { name: 'Send', exact: true }).click();
    // Sent: the pane moves on to the next draft, and the copy is sent.
    await expect
      .poll(
        async () =>
          (await db.query<{ status: string }>('select status from email_drafts where id = $1', [draftId]))
            .rows[0]?.status,
        { timeout: 30_000 },
      )
      .toBe('sent');

    await page.goto(`${baseUrl}/spaces`);
    const card = page.locator('[data-slot=card]', { hasText: 'Learned from replies' });
    const item = card.getByRole('listitem').filter({ hasText: 'Hayes Valley Corner' });
    await item.getByText('parking $240/month').waitFor();
    await item.getByText(/from Morgan's reply to Bluebird Health, [A-Z][a-z]{2} \d{1,2}/).waitFor();
    await card.scrollIntoViewIfNeeded();
    await keepDocScreenshot('learned-from-replies');

    await item.getByRole('button', { name: /^Accept Hayes Valley Corner/ }).click();
    await page.getByText('Written into Hayes Valley Corner').waitFor();
    await expect.poll(() => item.count()).toBe(0);

    const space = await db.query<{ id: string }>(`select id from spaces where name = 'Hayes Valley Corner'`);
    await page.goto(`${baseUrl}/spaces/${space.rows[0]?.id}`);
    await expect.poll(() => page.getByLabel('Parking cost per month ($)').inputValue()).toBe('240');
    await keepScreenshot(page, 'learning-space-updated');
  });

  it('shows the drafting figures on the metrics page', async () => {
    await page.goto(`${baseUrl}/metrics`);
    const drafting = page.locator('[data-slot=card]', { hasText: 'Drafting' }).first();
    await drafting.waitFor();
    await drafting.scrollIntoViewIfNeeded();
    await page.waitForTimeout(500);
    await keepDocScreenshot('metrics-drafting');
  });
});
