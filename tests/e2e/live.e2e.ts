import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ARTIFACTS, baseUrl, keepScreenshot, launchBrowser, signIn } from './browser';

const databaseUrl = inject('databaseUrl');
let browser: Browser;
let db: pg.Client;
const contexts: BrowserContext[] = [];
const cspViolations: string[] = [];
// This file's own draft (made by the first test), so the seeded ones stay as other browser tests expect.
const subject = `Live test ${Date.now()}`;

async function newSignedInPage(email: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  contexts.push(context);
  const page = await context.newPage();
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
  });
  await signIn(page, email);
  return page;
}

/** Opens a page and waits until its event stream has said `ready` (the stream, not polling, is on). */
async function openLive(page: Page, url: string) {
  const stream = page.waitForResponse((response) => response.url().endsWith('/api/events'));
  await page.goto(url);
  const response = await stream;
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toMatch(/^text\/event-stream/);
  // The stream said `ready`: from here the inbox polls once a minute, so anything sooner is the stream.
  await page.waitForFunction(() => document.documentElement.dataset.live === 'on');
}

const titleCount = async (page: Page) => {
  const match = /^\((\d+)\) Inbox · Echo$/.exec(await page.title());
  return match ? Number(match[1]) : null;
};

beforeAll(async () => {
  db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await db?.query('delete from deals where id in (select deal_id from emails where subject = $1)', [subject]);
  await browser?.close();
  await db?.end();
});

describe('live updates', () => {
  it('shows a draft created by another session without a reload, and the title count follows', async () => {
    const agent = await newSignedInPage('agent@echo.test');
    await openLive(agent, `${baseUrl}/inbox`);
    const queue = agent.getByRole('list', { name: 'Drafts waiting for review' });
    await queue.getByRole('button').first().waitFor();
    await expect.poll(() => titleCount(agent)).not.toBeNull();
    const before = await titleCount(agent);
    const { rows } = await db.query<{ n: number }>(
      `select count(*)::int as n from email_drafts where organization_id = 'org_tandem_demo' and status = 'pending'`,
    );
    expect(before).toBe(rows[0]?.n);

    // Another person's session: the manager, through the API, as the webhook would.
    const manager = await newSignedInPage('manager@echo.test');
    const simulated = await manager.request.post(`${baseUrl}/api/trpc/inbound.simulate`, {
      headers: { origin: baseUrl, 'content-type': 'application/json' },
      data: {
        json: {
          from: 'Dana Rivera <dana@brightside.example>',
          subject,
          body: 'Hi, we are a team of 12 looking for space in SoMa from March. What is available?',
        },
      },
    });
    expect(simulated.status()).toBe(200);

    // Polling is at 60 s while the stream is up: seeing it within 20 s is the stream's doing.
    const startedAt = Date.now();
    await queue.getByText(subject).waitFor({ timeout: 20_000 });
    await expect.poll(() => titleCount(agent), { timeout: 5_000 }).toBe((before ?? 0) + 1);
    expect(Date.now() - startedAt).toBeLessThan(20_000);
    await keepScreenshot(agent, 'live-new-draft');
    expect(cspViolations).toEqual([]);
  });

  it('shows each of two people on one draft the other, viewing and then editing', async () => {
    const { rows } = await db.query<{ id: string }>(
      'select d.id from email_drafts d join emails e on e.id = d.inbound_email_id where e.subject = $1',
      [subject],
    );
    expect(rows).toHaveLength(1);
    const draftId = Number(rows[0]?.id);
    const agent = await newSignedInPage('agent@echo.test');
    const manager = await newSignedInPage('manager@echo.test');
    await openLive(agent, `${baseUrl}/inbox?draft=${draftId}`);
    await openLive(manager, `${baseUrl}/inbox?draft=${draftId}`);

    const presenceOf = (page: Page) => page.getByRole('list', { name: 'Also on this draft' });
    await presenceOf(agent).getByText('Morgan is viewing').waitFor({ timeout: 15_000 });
    await presenceOf(manager).getByText('Alex is viewing').waitFor({ timeout: 15_000 });
    // Never yourself.
    expect(await presenceOf(agent).getByText(/^Alex/).count()).toBe(0);
    expect(
      await presenceOf(manager)
        .getByText(/^Morgan/)
        .count(),
    ).toBe(0);

    // Focus in the editor is editing (nothing typed: the body stays as drafted).
    await manager.getByLabel('Reply body').focus();
    await presenceOf(agent).getByText('Morgan is editing').waitFor({ timeout: 5_000 });

    await keepScreenshot(agent, 'presence');
    mkdirSync('docs/screenshots', { recursive: true });
    const header = agent
      .getByRole('region', { name: /^Review: / })
      .locator('header')
      .first();
    await header.screenshot({ path: path.join(ARTIFACTS, 'presence-header.png') });
    copyFileSync(path.join(ARTIFACTS, 'presence.png'), path.join('docs/screenshots', 'presence.png'));

    // Closing the pane says goodbye at once, not after the 30 s TTL.
    await manager.goto(`${baseUrl}/board`);
    await expect.poll(() => presenceOf(agent).count(), { timeout: 8_000 }).toBe(0);
    expect(cspViolations).toEqual([]);
  });
});
