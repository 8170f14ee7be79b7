import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { inject } from 'vitest';

export const baseUrl = inject('baseUrl');
export const ARTIFACTS = path.resolve('tests/e2e/.artifacts');

/** Debian's chromium, with the flags this offline machine needs (no background network, no sandbox as root). */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

// Sign-in is rate limited per account and per client address, as in production. The server
// believes X-Forwarded-For only through TRUSTED_PROXY hops (none here), so this header does not
// change the address; it is kept so a run against a server behind a proxy still spreads out.
const addressBase = 20 + Math.floor(Math.random() * 200);
let clients = 0;
export async function asOwnClient(page: Page) {
  clients += 1;
  await page.setExtraHTTPHeaders({
    'x-forwarded-for': `127.${addressBase}.${clients >> 8}.${clients & 255}`,
  });
}

export async function signIn(page: Page, email: string, password = 'echo-demo-password') {
  await asOwnClient(page);
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL(/\/inbox/);
}

/** Keeps a picture of the end state of a journey (tests/e2e/.artifacts, uploaded nowhere). */
export async function keepScreenshot(page: Page, name: string) {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}
