import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, keepScreenshot, launchBrowser, signIn } from './browser';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('security headers', () => {
  it('serves every page with a nonce CSP, no framing, nosniff and a referrer policy', async () => {
    for (const path of ['/login', '/inbox', '/']) {
      const response = await fetch(`${baseUrl}${path}`, { redirect: 'manual' });
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'/);
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).not.toContain('unsafe-eval');
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(response.headers.get('referrer-policy'), path).toBe('strict-origin-when-cross-origin');
      expect(response.headers.get('x-frame-options'), path).toBe('DENY');
    }
    const api = await fetch(`${baseUrl}/api/trpc/health`);
    expect(api.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('gives each response its own nonce, and puts it on the page scripts', async () => {
    const [first, second] = await Promise.all([fetch(`${baseUrl}/login`), fetch(`${baseUrl}/login`)]);
    const nonceOf = (response: Response) =>
      /'nonce-([^']+)'/.exec(response.headers.get('content-security-policy') ?? '')?.[1];
    expect(nonceOf(first)).toBeTruthy();
    expect(nonceOf(first)).not.toBe(nonceOf(second));
    const html = await first.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) expect(script).toContain(`nonce="${nonceOf(first)}"`);
  });

  it('runs the app under the policy with no violation, and refuses to be framed', async () => {
    const page = await browser.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
    });
    await signIn(page, 'admin@echo.test');
    await page.getByRole('list', { name: 'Drafts waiting for review' }).waitFor();
    await page.goto(`${baseUrl}/settings`);
    // Filled in by a client component over tRPC: the scripts ran under the policy.
    await page.getByLabel('Reply-time target (hours)').waitFor();
    expect(violations).toEqual([]);

    await page.setContent(`<iframe id="frame" src="${baseUrl}/login"></iframe>`);
    const frame = await (await page.$('#frame'))?.contentFrame();
    const framedText = await frame?.evaluate(() => document.body?.textContent ?? '').catch(() => '');
    expect(framedText ?? '').not.toContain('Sign in to Echo');
    await page.close();
  });
});

describe('after sign-in', () => {
  it.each(['/%5Cevil.invalid/', '/%09/evil.invalid/', '/%5C/evil.invalid/'])(
    'stays on this site for next=%s',
    async (next) => {
      const page = await browser.newPage();
      await page.route(
        (url) => url.hostname.endsWith('evil.invalid'),
        (route) => route.abort(),
      );
      await page.goto(`${baseUrl}/login?next=${next}`);
      await page.getByLabel('Email').fill('agent@other.test');
      await page.getByLabel('Password').fill('echo-demo-password');
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.waitForURL(/\/inbox/);
      expect(new URL(page.url()).origin).toBe(baseUrl);
      await keepScreenshot(page, 'redirect-stays-on-site');
      await page.close();
    },
  );
});

describe('rate limits', () => {
  it('key on the connection, not on an X-Forwarded-For the client made up', async () => {
    // better-auth's general limit: 100 calls per 10 s per address and path. A path the app does
    // not call, so the journeys' own sign-ins are untouched.
    const statuses: number[] = [];
    for (let call = 0; call < 101; call += 1) {
      const response = await fetch(`${baseUrl}/api/auth/get-session`, {
        headers: { 'x-forwarded-for': `10.9.${call >> 8}.${call & 255}` },
      });
      statuses.push(response.status);
    }
    expect(statuses.slice(0, 100).every((status) => status === 200)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });
});

describe('signing out', () => {
  it('ends the session at once: the old cookies replayed get 401', async () => {
    const signInResponse = await fetch(`${baseUrl}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: baseUrl },
      body: JSON.stringify({ email: 'manager@echo.test', password: 'echo-demo-password' }),
    });
    expect(signInResponse.status).toBe(200);
    const cookie = signInResponse.headers
      .getSetCookie()
      .map((value) => value.split(';')[0])
      .join('; ');
    const me = () => fetch(`${baseUrl}/api/trpc/me`, { headers: { cookie } });
    expect((await me()).status).toBe(200);

    const signOut = await fetch(`${baseUrl}/api/auth/sign-out`, {
      method: 'POST',
      headers: { cookie, origin: baseUrl, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(signOut.status).toBe(200);
    expect((await me()).status).toBe(401);
  });
});
