import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ARTIFACTS, baseUrl, keepScreenshot, launchBrowser, signIn } from './browser';

const run = promisify(execFile);
const databaseUrl = inject('databaseUrl');
let db: pg.Client;
let browser: Browser;
let page: Page;

const INQUIRY =
  'Hi, we are a team of 8 looking for an office in Hayes Valley or the Mission from March, budget around $9,000 a month. Is there parking, and could we tour Thursday afternoon?';
const SEEKER = 'tomas@lanternworks.example';

/** Keeps the picture for the README too (docs/screenshots is committed). */
async function keepDocScreenshot(name: string) {
  await keepScreenshot(page, name);
  mkdirSync('docs/screenshots', { recursive: true });
  copyFileSync(path.join(ARTIFACTS, `${name}.png`), path.join('docs/screenshots', `${name}.png`));
}

const usd = (n: number) => `$${n.toLocaleString('en-US')}`;

beforeAll(async () => {
  db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  await signIn(page, 'agent@echo.test');
});

afterAll(async () => {
  await browser?.close();
  await db?.end();
});

describe('from a new inquiry to a kept space', () => {
  let dealId = 0;
  let draftId = 0;

  it('`make inbound` of a new inquiry: the inbox draft names a matching space with its rate', async () => {
    // The script behind `make inbound`, with a `$` amount that must arrive as written.
    await run('node_modules/.bin/tsx', ['scripts/inbound.ts'], {
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        ECHO_SIMULATE_INBOUND: '1',
        FROM: `Tomas Reyes <${SEEKER}>`,
        SUBJECT: 'Office for our team',
        BODY: INQUIRY,
      },
    });
    const stored = await db.query<{ body: string; deal_id: string }>(
      'select body, deal_id::text from emails where from_address = $1',
      [SEEKER],
    );
    expect(stored.rows[0]?.body).toContain('$9,000');
    dealId = Number(stored.rows[0]?.deal_id);

    // The worker drafts it.
    await expect
      .poll(
        async () =>
          (await db.query('select id from email_drafts where deal_id = $1', [dealId])).rows[0]?.id ?? null,
        { timeout: 60_000, interval: 500 },
      )
      .not.toBeNull();
    const draft = await db.query<{ id: string; body: string }>(
      'select id::text, body from email_drafts where deal_id = $1',
      [dealId],
    );
    draftId = Number(draft.rows[0]?.id);
    const body = draft.rows[0]?.body ?? '';
    const spaces = await db.query<{ name: string; monthly_rate: number; neighborhood: string }>(
      `select name, monthly_rate, neighborhood from spaces where organization_id = 'org_tandem_demo' and archived_at is null`,
    );
    const proposed = spaces.rows.filter((space) => body.includes(space.name));
    expect(proposed.length).toBeGreaterThanOrEqual(2);
    const best = proposed[0];
    if (!best) throw new Error('no proposed space');
    expect(['Hayes Valley', 'Mission']).toContain(best.neighborhood);

    await page.goto(`${baseUrl}/inbox?draft=${draftId}`);
    const pane = page.getByRole('region', { name: /^Review: / });
    await pane.waitFor();
    const editor = pane.getByLabel('Reply body');
    await expect.poll(() => editor.inputValue(), { timeout: 15_000 }).toContain(best.name);
    expect(await editor.inputValue()).toContain(
      `${best.name} in ${best.neighborhood}: ${usd(best.monthly_rate)}/month`,
    );
    await keepDocScreenshot('inbox-new-inquiry-draft');
    // Proposing is not attaching.
    expect((await db.query('select 1 from deal_spaces where deal_id = $1', [dealId])).rowCount).toBe(0);
  });

  it('the deal page lists the shortlist with its reasons, and Keep attaches the space as shown', async () => {
    await page.goto(`${baseUrl}/deals/${dealId}`);
    const list = page.getByRole('list', { name: 'Suggested spaces' });
    await list.waitFor();
    const first = list.getByRole('listitem').first();
    const name = ((await first.locator('p').first().textContent()) ?? '').trim();
    const reasons = page.getByRole('list', { name: `Why ${name}` });
    expect(await reasons.textContent()).toMatch(/your \$9,000/);
    expect(await reasons.textContent()).toMatch(/parking/i);
    await keepDocScreenshot('deal-shortlist');

    await page.getByRole('button', { name: `Keep ${name}` }).click();
    await expect
      .poll(
        async () =>
          (
            await db.query(
              `select l.status from deal_spaces l join spaces s on s.id = l.space_id where l.deal_id = $1 and s.name = $2`,
              [dealId, name],
            )
          ).rows[0]?.status ?? null,
        { timeout: 15_000 },
      )
      .toBe('shown');
    // Kept: it leaves the suggestions and shows among the deal's spaces.
    await expect.poll(async () => await page.getByRole('button', { name: `Keep ${name}` }).count()).toBe(0);
    await page.getByText(name).first().waitFor();
  });
});
