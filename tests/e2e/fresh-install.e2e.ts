import type { ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { migrateDatabase } from '../../db/migrate';
import { ARTIFACTS, asOwnClient, keepScreenshot, launchBrowser } from './browser';
import { spawnWebServer } from './server';

// A fresh installation needs a database with no organization, which the shared seeded server
// cannot give: this file runs its own web server (no worker: account mail is sent in the request)
// on a free port (FRESH_E2E_PORT, or one the system hands out) against an empty, migrated database.
async function freePort(): Promise<number> {
  if (process.env.FRESH_E2E_PORT) return Number(process.env.FRESH_E2E_PORT);
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()));
    });
  });
}
const PORT = await freePort();
const freshUrl = `http://127.0.0.1:${PORT}`;
const adminUrl = new URL(inject('databaseUrl'));
adminUrl.pathname = '/postgres';
const database = `echo_e2e_fresh_${process.pid}`;

let admin: pg.Client;
let server: ChildProcess;
let browser: Browser;

async function waitForHealth(timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`The fresh app exited with code ${server.exitCode}`);
    const response = await fetch(`${freshUrl}/api/trpc/health`).catch(() => null);
    if (response?.ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('The fresh app did not become healthy');
}

/** The README shows these (docs/screenshots is committed). */
function publish(name: string) {
  mkdirSync('docs/screenshots', { recursive: true });
  copyFileSync(path.join(ARTIFACTS, `${name}.png`), path.join('docs/screenshots', `${name}.png`));
}

beforeAll(async () => {
  admin = new pg.Client({ connectionString: adminUrl.toString() });
  await admin.connect();
  await admin.query(`drop database if exists "${database}" with (force)`);
  await admin.query(`create database "${database}"`);
  const databaseUrl = new URL(adminUrl);
  databaseUrl.pathname = `/${database}`;
  await migrateDatabase(databaseUrl.toString());
  server = spawnWebServer({
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl.toString(),
    PORT: String(PORT),
    APP_URL: freshUrl,
    AUTH_SECRET: 'e2e-fresh-secret-e2e-fresh-secret-e2e-fresh',
    OPENAI_API_KEY: '',
    RESEND_API_KEY: '',
  });
  await waitForHealth();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  if (server && server.exitCode === null) {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
  }
  await admin?.query(`drop database if exists "${database}" with (force)`);
  await admin?.end();
});

describe('a fresh installation', () => {
  let adminPage: Page;
  let invitationLink: string;

  it('sends the first visitor to /setup, which creates the organization and signs its admin in', async () => {
    adminPage = await (await browser.newContext({ viewport: { width: 1280, height: 860 } })).newPage();
    await asOwnClient(adminPage);
    await adminPage.goto(`${freshUrl}/`);
    await adminPage.waitForURL(/\/setup$/);
    await adminPage.getByLabel('Organization', { exact: true }).fill('Harbor Brokerage');
    await adminPage.getByLabel('Name', { exact: true }).fill('Hana Harbor');
    await adminPage.getByLabel('Email', { exact: true }).fill('hana@harbor.example');
    await adminPage.getByLabel('Password', { exact: true }).fill('harbor-password-1');
    await keepScreenshot(adminPage, 'setup');
    publish('setup');
    await adminPage.getByRole('button', { name: 'Create organization' }).click();
    await adminPage.waitForURL(/\/settings$/);
    await adminPage.getByRole('button', { name: 'Account menu for Hana Harbor' }).waitFor();

    const again = await adminPage.context().newPage();
    await again.goto(`${freshUrl}/setup`);
    await again.waitForURL(/\/(login|inbox)$/);
    await again.close();
  });

  it('invites an agent by email; the invitation lands in the development mailbox', async () => {
    await adminPage.getByLabel('Invite by email').fill('rosa@harbor.example');
    await adminPage.getByRole('button', { name: 'Invite', exact: true }).click();
    await adminPage.getByText('Invitation sent to rosa@harbor.example').waitFor();
    await adminPage.getByText(/rosa@harbor\.example\s+as Agent/).waitFor();

    await adminPage.goto(`${freshUrl}/dev/mailbox`);
    const card = adminPage
      .getByRole('listitem')
      .filter({ hasText: 'Hana Harbor invited you to Harbor Brokerage' });
    await card.waitFor();
    expect(await card.textContent()).toContain('as an agent');
    const link = card.getByRole('link', { name: /\/invite\// });
    invitationLink = (await link.getAttribute('href')) ?? '';
    expect(invitationLink).toMatch(new RegExp(`^${freshUrl}/invite/[\\w-]+$`));
    await keepScreenshot(adminPage, 'invitation-email');
    publish('invitation-email');
  });

  it('lets the invitee accept in their own browser and work the inbox as an agent', async () => {
    const agentContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const agentPage = await agentContext.newPage();
    await asOwnClient(agentPage);
    await agentPage.goto(invitationLink);
    await agentPage.getByRole('heading', { name: 'Join Harbor Brokerage' }).waitFor();
    expect(await agentPage.getByLabel('Email', { exact: true }).inputValue()).toBe('rosa@harbor.example');
    await agentPage.getByLabel('Name', { exact: true }).fill('Rosa Broker');
    await agentPage.getByLabel('Password', { exact: true }).fill('rosa-password-1');
    await agentPage.getByRole('button', { name: 'Join', exact: true }).click();
    await agentPage.waitForURL(/\/inbox/);
    await agentPage.getByRole('button', { name: 'Account menu for Rosa Broker' }).waitFor();
    await keepScreenshot(agentPage, 'invited-agent-inbox');

    await agentPage.goto(`${freshUrl}/settings`);
    await agentPage.getByText('Only admins can change settings').waitFor();
    await agentPage.getByRole('heading', { name: 'Your signature' }).waitFor();

    // The link is spent: opening it again says so plainly.
    const stranger = await (await browser.newContext()).newPage();
    await stranger.goto(invitationLink);
    await stranger.getByRole('heading', { name: 'This invitation was already used' }).waitFor();
    await agentContext.close();
  });
});
