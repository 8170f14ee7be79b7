import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ARTIFACTS, baseUrl, keepScreenshot, launchBrowser, signIn } from './browser';
import { copySeededDraft } from './copies';

const databaseUrl = inject('databaseUrl');
let browser: Browser;
let db: pg.Client;
let agent: Page;
let managerContext: BrowserContext;
let manager: Page;
/** The deals whose owner the bulk assignment changes, with their seeded owner, put back afterwards. */
const seededOwners = new Map<string, string | null>();
/** The drafts this file copied: removed afterwards, so the queue is the seed's again for the next file. */
const copies: number[] = [];
async function copy(company: string, moreUrgentByMinutes: number) {
  const id = await copySeededDraft(db, company, moreUrgentByMinutes);
  copies.push(id);
  return id;
}

async function keepDocScreenshot(page: Page, name: string) {
  await keepScreenshot(page, name);
  mkdirSync('docs/screenshots', { recursive: true });
  copyFileSync(path.join(ARTIFACTS, `${name}.png`), path.join('docs/screenshots', `${name}.png`));
}

const paneOf = (page: Page) => page.getByRole('region', { name: /^Review: / });
const toast = (page: Page, text: string) => page.locator('[data-sonner-toast]', { hasText: text });
const rowOf = (page: Page, draftId: number) =>
  page.locator('li', { has: page.locator(`#draft-row-${draftId}`) });

beforeAll(async () => {
  db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  browser = await launchBrowser();
  agent = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await signIn(agent, 'agent@echo.test');
  managerContext = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  manager = await managerContext.newPage();
  await signIn(manager, 'manager@echo.test');
});

afterAll(async () => {
  if (copies.length > 0) {
    const ids = copies.map(String);
    const { rows } = await db.query<{ inbound_email_id: string }>(
      'delete from email_drafts where id = any($1::bigint[]) returning inbound_email_id',
      [ids],
    );
    await db.query('delete from emails where id = any($1::bigint[])', [
      rows.map((row) => row.inbound_email_id),
    ]);
  }
  for (const [company, ownerId] of seededOwners)
    await db?.query('update deals set owner_id = $2 where company_name = $1', [company, ownerId]);
  await browser?.close();
  await db?.end();
});

describe('overrides and requests', () => {
  let draftId: number;
  const note = 'The host quoted $150 for parking on the phone this morning';

  it('lets an agent ask a manager, and the manager finds it in Attention with the note', async () => {
    draftId = await copy('Northstar Labs', 45);
    await agent.goto(`${baseUrl}/inbox?view=needs_attention&draft=${draftId}`);
    const pane = paneOf(agent);
    await pane.getByRole('heading', { name: 'Northstar Labs' }).waitFor();
    await pane.getByRole('button', { name: 'Ask a manager' }).click();
    const dialog = agent.getByRole('dialog');
    await dialog.getByLabel('Note for the manager').fill(note);
    await dialog.getByRole('button', { name: 'Ask a manager' }).click();
    await toast(agent, 'A manager has been asked').waitFor();
    await pane.getByTestId('attention-request').filter({ hasText: 'Alex Agent asked' }).waitFor();
    expect(await pane.getByRole('button', { name: 'Ask a manager' }).count()).toBe(0);

    await manager.goto(`${baseUrl}/inbox?view=needs_attention`);
    const row = rowOf(manager, draftId);
    await row.filter({ hasText: 'Manager asked' }).waitFor();
    await manager.locator(`#draft-row-${draftId}`).click();
    const managerPane = paneOf(manager);
    await managerPane.getByTestId('attention-request').filter({ hasText: note }).waitFor();
    expect(await managerPane.getByTestId('attention-request').textContent()).toMatch(/^Alex Agent asked/);
  });

  it('shows who overrode, when and why once the manager approves with an override', async () => {
    const pane = paneOf(manager);
    await pane.getByRole('button', { name: 'Approve', exact: true }).click();
    const dialog = manager.getByRole('dialog');
    await dialog.getByLabel('Override reason').fill('Rate confirmed with the host by phone');
    await dialog.getByRole('button', { name: 'Approve with override' }).click();
    await toast(manager, 'Approved. Press s to send.').waitFor();
    const summary = pane.getByTestId('override-summary');
    await summary.filter({ hasText: '“Rate confirmed with the host by phone”' }).waitFor();
    expect(await summary.textContent()).toMatch(/Approved with an override by Morgan Manager, \w{3}, /);
    // The request is answered, and the red "a manager must override" panel is gone.
    expect(await pane.getByTestId('attention-request').count()).toBe(0);
    expect(await pane.getByText(/a manager must override/).count()).toBe(0);
    await keepDocScreenshot(manager, 'override-details');

    // The agent sees the same, and the audit has the answer with the question.
    await agent.reload();
    await paneOf(agent).getByTestId('override-summary').filter({ hasText: 'Rate confirmed' }).waitFor();
    const { rows } = await db.query<{ details: { reason: string; answeredRequest: { note: string } } }>(
      `select details from audit_events where entity_type = 'draft' and entity_id = $1 and action = 'draft.overridden'`,
      [String(draftId)],
    );
    expect(rows[0]?.details).toMatchObject({
      reason: 'Rate confirmed with the host by phone',
      answeredRequest: { note },
    });
  });
});

describe('ownership', () => {
  it('selects drafts with x and assigns them in bulk; the assignee finds them under Mine', async () => {
    for (const company of ['Quill Payments', 'Orbit Care']) {
      const { rows } = await db.query<{ owner_id: string | null }>(
        'select owner_id from deals where company_name = $1',
        [company],
      );
      seededOwners.set(company, rows[0]?.owner_id ?? null);
    }
    const quill = await copy('Quill Payments', 60);
    const orbit = await copy('Orbit Care', 61);
    await manager.goto(`${baseUrl}/inbox`);
    for (const id of [orbit, quill]) {
      const row = manager.locator(`#draft-row-${id}`);
      await row.waitFor();
      await row.focus();
      await manager.keyboard.press('x');
    }
    await manager.getByText('2 selected').waitFor();
    await manager.getByRole('button', { name: 'Assign to…' }).click();
    const choice = manager.getByRole('menuitem', { name: /Alex Agent/ });
    await choice.waitFor();
    await keepDocScreenshot(manager, 'bulk-assign');
    await choice.click();
    await toast(manager, 'Assigned 2 drafts to Alex Agent').waitFor();
    await rowOf(manager, quill).filter({ hasText: 'Alex Agent' }).waitFor();

    const { rows } = await db.query<{ company_name: string; owner_id: string }>(
      `select company_name, owner_id from deals where company_name in ('Quill Payments', 'Orbit Care') order by 1`,
    );
    expect(rows).toEqual([
      { company_name: 'Orbit Care', owner_id: 'user_demo_agent' },
      { company_name: 'Quill Payments', owner_id: 'user_demo_agent' },
    ]);
    const audit = await db.query<{ entity_id: string }>(
      `select entity_id from audit_events where action = 'draft.assigned' and entity_id in ($1, $2)`,
      [String(quill), String(orbit)],
    );
    expect(audit.rows).toHaveLength(2);

    await agent.goto(`${baseUrl}/inbox`);
    await agent.getByRole('button', { name: 'Mine' }).click();
    await agent.waitForURL(/mine=1/);
    await agent.locator(`#draft-row-${quill}`).waitFor();
    await agent.locator(`#draft-row-${orbit}`).waitFor();
    const assignees = await agent
      .getByRole('list', { name: 'Drafts waiting for review' })
      .locator('li')
      .allTextContents();
    expect(assignees.every((text) => text.includes('Alex Agent'))).toBe(true);
  });

  it('assigns the open draft from the pane with the member picker', async () => {
    const id = await copy('Quill Payments', 62);
    await manager.goto(`${baseUrl}/inbox?draft=${id}`);
    const pane = paneOf(manager);
    await pane.getByRole('button', { name: /^Assignee: Alex Agent/ }).click();
    await manager.getByRole('menuitem', { name: /Morgan Manager/ }).click();
    await toast(manager, 'Assigned to Morgan Manager').waitFor();
    await pane.getByRole('button', { name: /^Assignee: Morgan Manager/ }).waitFor();
  });
});
