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

/** The journeys that send run on copies of seeded drafts, so the seed stays as other browser tests expect it. */
const copyDraft = (company: string, moreUrgentByMinutes: number) =>
  copySeededDraft(db, company, moreUrgentByMinutes);

async function seededDraftId(company: string) {
  const { rows } = await db.query<{ id: string }>(
    `select d.id from email_drafts d join deals on deals.id = d.deal_id where deals.company_name = $1 order by d.id limit 1`,
    [company],
  );
  return Number(rows[0]?.id);
}

/** Keeps the picture for the README too (docs/screenshots is committed). */
async function keepDocScreenshot(name: string) {
  await keepScreenshot(page, name);
  mkdirSync('docs/screenshots', { recursive: true });
  copyFileSync(path.join(ARTIFACTS, `${name}.png`), path.join('docs/screenshots', `${name}.png`));
}

const pane = () => page.getByRole('region', { name: /^Review: / });
const queue = () => page.getByRole('list', { name: 'Drafts waiting for review' });
const statusBadge = (text: string) =>
  pane().locator('header [data-slot=badge]', { hasText: new RegExp(`^${text}$`) });
const openDraftId = () => Number(new URL(page.url()).searchParams.get('draft'));
const toastButton = (name: string) =>
  page.locator('[data-sonner-toast]').getByRole('button', { name, exact: true });

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

describe('the agent inbox', () => {
  it('lists pending drafts most urgent first and opens the most urgent one', async () => {
    const acmeId = await seededDraftId('Acme Analytics');
    await page.goto(`${baseUrl}/inbox`);
    const rows = queue().getByRole('button');
    await rows.first().waitFor();
    expect(await rows.first().getAttribute('aria-label')).toBe('Acme Analytics');
    await rows.first().click();
    await page.waitForURL(new RegExp(`draft=${acmeId}`));
    await pane().getByRole('heading', { name: 'Acme Analytics' }).waitFor();
    // The link alone opens the same draft.
    await page.goto(`${baseUrl}/inbox?draft=${acmeId}`);
    await pane().getByRole('heading', { name: 'Acme Analytics' }).waitFor();
    expect(await queue().getByRole('button', { name: 'Acme Analytics' }).getAttribute('aria-current')).toBe(
      'true',
    );
    await keepDocScreenshot('inbox-queue');
  });

  it('regenerates with an instruction and shows the new version without a reload', async () => {
    await page.getByLabel('Instruction', { exact: true }).fill('Shorter');
    await page.getByRole('button', { name: 'Regenerate', exact: true }).click();
    const versions = page.locator('section[aria-labelledby="versions-title"] li');
    await versions.filter({ hasText: 'v1' }).filter({ hasText: 'Shorter' }).waitFor({ timeout: 45_000 });
    expect(await versions.filter({ hasText: 'v1' }).textContent()).toContain('Current');
    await keepScreenshot(page, 'inbox-regenerated');
  });

  it('switches back to the first version', async () => {
    await page.getByRole('button', { name: 'Use v0', exact: true }).click();
    const versions = page.locator('section[aria-labelledby="versions-title"] li');
    await versions.filter({ hasText: 'v0' }).filter({ hasText: 'Current' }).waitFor();
    await keepScreenshot(page, 'inbox-switched-back');
  });

  it('saves an edit with the revision and keeps it after a reload', async () => {
    const editor = page.getByLabel('Reply body');
    const original = await editor.inputValue();
    const edited = original.replace(/^Hi [^,\n]+,/, 'Hi Priya, thanks for the quick reply!');
    expect(edited).not.toBe(original);
    await editor.fill(edited);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText(/^Saved · revision \d+$/).waitFor();
    await page.reload();
    await expect.poll(() => page.getByLabel('Reply body').inputValue()).toBe(edited);
    await keepScreenshot(page, 'inbox-edited');
  });

  it('shows the diff of an earlier version against the working body', async () => {
    await page.getByRole('button', { name: 'Compare v1 with the working body' }).click();
    const diff = page.getByRole('region', { name: 'Changes from v1 to the working body' });
    await diff.waitFor();
    expect(await diff.locator('ins, del').count()).toBeGreaterThan(0);
    await diff.scrollIntoViewIfNeeded();
    await keepDocScreenshot('inbox-diff');
  });

  it('approves and sends, undoes the send, then sends again and sees it delivered', {
    timeout: 120_000,
  }, async () => {
    const id = await copyDraft('Acme Analytics', 1);
    await page.goto(`${baseUrl}/inbox`);
    await queue().getByRole('button').first().click();
    await page.waitForURL(new RegExp(`draft=${id}$`));
    await pane().getByRole('heading', { name: 'Acme Analytics' }).waitFor();
    await page.getByRole('button', { name: 'Approve', exact: true }).click();
    await statusBadge('Approved').waitFor();
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    // Sent: the next draft opens at once; the toast still offers the undo.
    await expect.poll(openDraftId, { timeout: 15_000 }).not.toBe(id);
    await toastButton('Undo').click();
    await page.getByText(/Send undone/).waitFor();
    await page.goto(`${baseUrl}/inbox?draft=${id}`);
    await statusBadge('Approved').waitFor();
    await keepScreenshot(page, 'inbox-undone');

    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await expect.poll(openDraftId, { timeout: 15_000 }).not.toBe(id);
    await page.goto(`${baseUrl}/inbox?view=sent&draft=${id}`);
    await statusBadge('Sent').waitFor();
    // The worker hands it to the development mailbox once the undo window has passed.
    await page
      .getByTestId('delivery-status')
      .filter({ hasText: /^delivered$/ })
      .waitFor({ timeout: 90_000 });
    await keepScreenshot(page, 'inbox-delivered');
  });

  it('archives another draft with a reason and restores it', async () => {
    const id = await seededDraftId('Fernwood Studio');
    await page.goto(`${baseUrl}/inbox?draft=${id}`);
    await pane().getByRole('heading', { name: 'Fernwood Studio' }).waitFor();
    await pane().getByRole('button', { name: 'Archive', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Reason (optional)').fill('Seeker paused the search');
    await dialog.getByRole('button', { name: 'Archive', exact: true }).click();
    // Archived: the next draft opens; the archived one keeps its reason.
    await expect.poll(openDraftId, { timeout: 15_000 }).not.toBe(id);
    await page.goto(`${baseUrl}/inbox?view=archived&draft=${id}`);
    await statusBadge('Archived').waitFor();
    await pane().getByText('Archived: “Seeker paused the search”').waitFor();
    await keepScreenshot(page, 'inbox-archived');
    await pane().getByRole('button', { name: 'Restore', exact: true }).click();
    await statusBadge('Pending review').waitFor();
    await page.goto(`${baseUrl}/inbox`);
    await queue().getByRole('button', { name: 'Fernwood Studio' }).waitFor();
  });

  it('approves and sends with the keyboard alone', async () => {
    const id = await copyDraft('Bluebird Health', 5);
    await page.goto(`${baseUrl}/inbox`);
    await queue().getByRole('button').first().waitFor();
    await page.keyboard.press('j');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toBe('Bluebird Health');
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`draft=${id}`));
    await pane().getByRole('heading', { name: 'Bluebird Health' }).waitFor();
    // "a" then "s" at once: the send waits for the approval, then the next draft opens.
    await page.keyboard.press('a');
    await page.keyboard.press('s');
    await expect.poll(openDraftId, { timeout: 15_000 }).not.toBe(id);
    await pane().waitFor();
    const { rows } = await db.query<{ status: string }>('select status from email_drafts where id = $1', [
      id,
    ]);
    expect(rows[0]?.status).toBe('sent');
    await keepScreenshot(page, 'inbox-keyboard-sent');
  });

  it('does not let the agent approve a draft that failed validation, and says why', async () => {
    const id = await seededDraftId('Northstar Labs');
    await page.goto(`${baseUrl}/inbox?draft=${id}`);
    await pane().getByRole('heading', { name: 'Northstar Labs' }).waitFor();
    const approve = pane().getByRole('button', { name: 'Approve', exact: true });
    expect(await approve.isDisabled()).toBe(true);
    expect(await page.getByTestId('blocked-reason').textContent()).toMatch(/manager/);
    // The contradicted claim is marked on the exact words of the body.
    expect(await pane().locator('mark[data-issue]').first().textContent()).toBe('$150/month');
    await keepDocScreenshot('inbox-review');
    // The shortcut is refused too, and the draft stays pending.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('a');
    await page.locator('[data-sonner-toast]', { hasText: 'Validation failed' }).waitFor();
    await statusBadge('Pending review').waitFor();
    await keepScreenshot(page, 'inbox-agent-refused');
  });

  it('archives several drafts at once from the queue, with one reason', async () => {
    await copyDraft('Quill Payments', 30);
    await copyDraft('Orbit Care', 31);
    await page.goto(`${baseUrl}/inbox`);
    await queue().getByRole('button', { name: 'Fernwood Studio' }).waitFor();
    const before = await queue().getByRole('button').count();
    await page.getByRole('checkbox', { name: 'Select Orbit Care' }).first().click();
    await page.getByRole('checkbox', { name: 'Select Quill Payments' }).first().click();
    await page.getByRole('button', { name: 'Archive selected' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Reason (optional)').fill('Duplicates of other threads');
    await dialog.getByRole('button', { name: 'Archive', exact: true }).click();
    await page.locator('[data-sonner-toast]', { hasText: 'Archived 2 drafts' }).waitFor();
    await expect.poll(() => queue().getByRole('button').count()).toBe(before - 2);
    const { rows } = await db.query<{ archive_reason: string }>(
      `select archive_reason from email_drafts where status = 'archived' and archive_reason = 'Duplicates of other threads'`,
    );
    expect(rows).toHaveLength(2);
  });

  it('lets a manager approve a failed draft with a recorded override reason', async () => {
    const id = await copyDraft('Northstar Labs', 40);
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const manager = await context.newPage();
    await signIn(manager, 'manager@echo.test');
    await manager.goto(`${baseUrl}/inbox?draft=${id}`);
    const review = manager.getByRole('region', { name: /^Review: / });
    await review.getByRole('heading', { name: 'Northstar Labs' }).waitFor();
    await review.getByRole('button', { name: 'Approve', exact: true }).click();
    const dialog = manager.getByRole('dialog');
    await dialog.getByLabel('Override reason').fill('Host confirmed the parking price by phone');
    await dialog.getByRole('button', { name: 'Approve with override' }).click();
    await review.locator('header [data-slot=badge]', { hasText: /^Approved$/ }).waitFor();
    // The badge is optimistic: wait for the server's word.
    await manager.locator('[data-sonner-toast]', { hasText: 'Approved. Press s to send.' }).waitFor();
    const { rows } = await db.query<{ override_reason: string; status: string }>(
      'select override_reason, status from email_drafts where id = $1',
      [id],
    );
    expect(rows[0]).toEqual({
      override_reason: 'Host confirmed the parking price by phone',
      status: 'approved',
    });
    // The pane says who overrode, when and why.
    const note = review.getByTestId('override-note');
    await note.filter({ hasText: '“Host confirmed the parking price by phone”' }).waitFor();
    expect(await note.textContent()).toMatch(/^Validation overridden by \S/);
    await keepScreenshot(manager, 'inbox-manager-override');
    await context.close();
  });

  it('has no serious or critical accessibility violations (axe-core)', async () => {
    await page.addScriptTag({ path: path.resolve('node_modules/axe-core/axe.min.js') });
    const violations = await page.evaluate(async () => {
      type AxeResult = {
        violations: Array<{
          id: string;
          impact: string | null;
          help: string;
          nodes: Array<{ target: unknown }>;
        }>;
      };
      const axe = (window as unknown as { axe: { run: () => Promise<AxeResult> } }).axe;
      const result = await axe.run();
      return result.violations.map((violation) => ({
        id: violation.id,
        impact: violation.impact,
        help: violation.help,
        targets: violation.nodes.slice(0, 3).map((node) => JSON.stringify(node.target)),
      }));
    });
    expect(
      violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical'),
    ).toEqual([]);
  });
});
