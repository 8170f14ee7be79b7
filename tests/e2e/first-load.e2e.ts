import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageScripts } from '../../scripts/bench/first-load';
import { baseUrl, launchBrowser, signIn } from './browser';

// What /inbox and /board leave out of their first-load JS (sonner, the account menu, the queue's
// rows, the review pane, the board's drag and drop) is fetched right after hydration. These hold
// those scripts back to see the page work before they arrive, and then with them.

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/**
 * From now on, every script that the page's HTML does not name (the code loaded after the first
 * paint) waits until `release()`.
 */
async function holdLateScripts(page: Page) {
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let initial = new Set<string>();
  let held = 0;
  await page.route('**/*', async (route) => {
    const request = route.request();
    if (request.resourceType() === 'document') {
      const response = await route.fetch();
      const html = await response.text();
      initial = new Set(pageScripts(html).map((source) => new URL(source, baseUrl).pathname));
      await route.fulfill({ response, body: html });
      return;
    }
    const { pathname } = new URL(request.url());
    if (pathname.startsWith('/_next/static/chunks/') && pathname.endsWith('.js') && !initial.has(pathname)) {
      held += 1;
      await released;
    }
    await route.continue();
  });
  return { release, held: () => held };
}

async function hydrated(page: Page) {
  // LiveProvider marks the page once its effects have run.
  await page.locator('html[data-live]').waitFor({ state: 'attached' });
}

describe('code loaded after the first paint', () => {
  it('inbox: a toast and the account menu asked for before their code arrives appear once it does', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await signIn(page, 'agent@echo.test');
    const late = await holdLateScripts(page);
    await page.goto(`${baseUrl}/inbox`);
    await hydrated(page);

    // The first paint works without the late code: the shell, the queue's tabs, its skeleton.
    await page.getByRole('tab', { name: 'Pending', selected: true }).waitFor();
    await page.getByRole('status', { name: 'Loading drafts' }).waitFor();
    await page.keyboard.press('z');
    await page.getByRole('button', { name: 'Account menu for Alex Agent' }).click();
    await page.waitForTimeout(300);
    expect(late.held()).toBeGreaterThan(0);
    expect(await page.locator('[data-sonner-toast]').count()).toBe(0);
    expect(await page.getByRole('menu').count()).toBe(0);

    late.release();
    await page.locator('[data-sonner-toast]', { hasText: 'Nothing to undo.' }).waitFor();
    await page.getByRole('menuitem', { name: 'Sign out' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('menu').waitFor({ state: 'detached' });
    await page.getByRole('list', { name: 'Drafts waiting for review' }).waitFor();
    await page.getByRole('button', { name: 'Acme Analytics', exact: true }).waitFor();
    await page.close();
  });

  it('inbox: the queue tabs follow the arrows, Home and End, and the view follows the tab', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await signIn(page, 'agent@echo.test');
    await page.getByRole('list', { name: 'Drafts waiting for review' }).waitFor();
    const tab = (name: string) => page.getByRole('tab', { name, exact: true });

    await tab('Pending').focus();
    await page.keyboard.press('ArrowRight');
    await tab('Approved').and(page.locator('[aria-selected="true"]:focus')).waitFor();
    await page.waitForURL(/view=approved/);
    await page.getByRole('tabpanel', { name: 'Approved' }).waitFor();

    await page.keyboard.press('End');
    await tab('Archived').and(page.locator('[aria-selected="true"]:focus')).waitFor();
    await page.waitForURL(/view=archived/);

    await page.keyboard.press('ArrowRight');
    await tab('Pending').and(page.locator('[aria-selected="true"]:focus')).waitFor();
    await page.waitForURL((url) => !url.search.includes('view='));
    expect(await tab('Approved').getAttribute('tabindex')).toBe('-1');
    expect(await tab('Pending').getAttribute('tabindex')).toBe('0');

    // j/k and the arrows up and down are the page's, not the tabs'.
    await page.keyboard.press('ArrowDown');
    expect(await tab('Pending').getAttribute('aria-selected')).toBe('true');

    await tab('Sent').click();
    await page.waitForURL(/view=sent/);
    await page.getByRole('tabpanel', { name: 'Sent' }).waitFor();
    await page.close();
  });

  it('board: the skeleton stays until the drag and drop code is there, then the cards can be moved', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await signIn(page, 'manager@echo.test');
    const late = await holdLateScripts(page);
    await page.goto(`${baseUrl}/board`);
    await hydrated(page);
    await page.getByRole('heading', { name: 'Deal board' }).waitFor();
    // The board's data arrives; its cards wait for their code instead of showing without their drag.
    await page.getByText(/deals? · \$[\d,]+\/mo in the pipeline/).waitFor();
    await page.getByRole('status', { name: 'Loading the board' }).waitFor();
    expect(await page.getByRole('button', { name: /^Move / }).count()).toBe(0);

    late.release();
    await page.getByRole('button', { name: 'Move Bluebird Health' }).waitFor();
    expect(await page.getByRole('status', { name: 'Loading the board' }).count()).toBe(0);
    await page.close();
  });
});
