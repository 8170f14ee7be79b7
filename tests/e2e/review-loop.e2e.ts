import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, keepScreenshot, launchBrowser, signIn } from './browser';

let browser: Browser;
let page: Page;

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
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await signIn(page, 'agent@echo.test');
});

afterAll(async () => {
  await browser?.close();
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
