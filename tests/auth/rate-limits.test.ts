import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { hashPassword } from 'better-auth/crypto';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { accounts, users } from '../../db/schema';
import { CLIENT_ADDRESS_HEADER } from '../../src/lib/client-address';
import { auth } from '../../src/server/auth';
import { db } from '../../src/server/db';
import { env } from '../../src/server/env';
import { appendPeerToForwardedFor } from '../../src/server/forwarded-for';
import {
  SIGN_IN_PER_ACCOUNT,
  SIGN_IN_PER_ADDRESS,
  signInAttemptsPerAccount,
} from '../../src/server/rate-limit';
import { seedDemo } from '../helpers';

// better-auth turns its rate limit on in production only; these tests turn it on for themselves.
beforeAll(async () => {
  await seedDemo();
  (await auth.$context).rateLimit.enabled = true;
});

let office = 1;
beforeEach(() => {
  signInAttemptsPerAccount.reset();
  office += 1; // a fresh address per test: better-auth's per-address counts outlive a test
});

/** A sign-in as it reaches better-auth after src/proxy.ts resolved the client's address. */
function signIn(body: { email: string; password?: string }, headers: Record<string, string>) {
  return auth.handler(
    new Request(`${env.APP_URL}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: env.APP_URL, ...headers },
      body: JSON.stringify(body),
    }),
  );
}

describe('sign-in rate limits', () => {
  it(`refuses the guess after ${SIGN_IN_PER_ACCOUNT.max} on one account, from however many addresses`, async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt <= SIGN_IN_PER_ACCOUNT.max; attempt += 1) {
      const address = `198.51.${office}.${attempt + 1}`;
      const response = await signIn(
        { email: 'agent@echo.test', password: `guess-${attempt}` },
        { 'x-forwarded-for': address, [CLIENT_ADDRESS_HEADER]: address },
      );
      statuses.push(response.status);
    }
    expect(statuses.slice(0, SIGN_IN_PER_ACCOUNT.max).every((status) => status === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    // The account stays shut for the real password too, until the window passes.
    const real = await signIn(
      { email: 'AGENT@echo.test', password: 'echo-demo-password' },
      { [CLIENT_ADDRESS_HEADER]: `198.51.${office}.250` },
    );
    expect(real.status).toBe(429);
  });

  it('never locks out an account that signs in successfully, however often', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < SIGN_IN_PER_ACCOUNT.max * 2; attempt += 1) {
      const address = `198.51.${office}.${attempt + 1}`;
      const response = await signIn(
        { email: 'manager@echo.test', password: 'echo-demo-password' },
        { [CLIENT_ADDRESS_HEADER]: address },
      );
      statuses.push(response.status);
    }
    expect(new Set(statuses)).toEqual(new Set([200]));
    // A success clears the guesses before it: the next guesses start from nothing.
    for (let attempt = 0; attempt < SIGN_IN_PER_ACCOUNT.max - 1; attempt += 1) {
      await signIn(
        { email: 'manager@echo.test', password: `guess-${attempt}` },
        { [CLIENT_ADDRESS_HEADER]: `198.51.${office}.200` },
      );
    }
    const real = await signIn(
      { email: 'manager@echo.test', password: 'echo-demo-password' },
      { [CLIENT_ADDRESS_HEADER]: `198.51.${office}.201` },
    );
    expect(real.status).toBe(200);
  });

  it('lets thirty brokers behind one office address sign in at 9 am', async () => {
    const address = `203.0.${office}.10`;
    const emails = Array.from({ length: 30 }, (_, index) => `broker${index}.${office}@echo.test`);
    // Accounts come from invitations, not sign-up: write the users and their passwords directly.
    const password = await hashPassword('broker-password');
    for (const email of emails) {
      const id = `user_${email}`;
      await db.insert(users).values({ id, name: email, email, emailVerified: false });
      await db
        .insert(accounts)
        .values({ id: `acct_${email}`, accountId: id, providerId: 'credential', userId: id, password });
    }
    const statuses: number[] = [];
    for (const email of emails) {
      statuses.push(
        (await signIn({ email, password: 'broker-password' }, { [CLIENT_ADDRESS_HEADER]: address })).status,
      );
    }
    expect(statuses).toEqual(emails.map(() => 200));
  });

  it('keys on the resolved address, not on a spoofed X-Forwarded-For', async () => {
    const address = `192.0.${office}.99`;
    let lastStatus = 0;
    // No password: counted by the limit before anything is hashed, so the probe stays quick.
    for (let attempt = 0; attempt <= SIGN_IN_PER_ADDRESS.max; attempt += 1) {
      const response = await signIn(
        { email: `nobody${attempt}@echo.test` },
        { 'x-forwarded-for': `10.${attempt >> 8}.${attempt & 255}.1`, [CLIENT_ADDRESS_HEADER]: address },
      );
      lastStatus = response.status;
    }
    expect(lastStatus).toBe(429);
  });
});

describe('the socket address in X-Forwarded-For', () => {
  it('is appended to whatever the client sent, so the last entry is the connection', async () => {
    appendPeerToForwardedFor();
    const seen: (string | undefined)[] = [];
    const server = http.createServer((request, response) => {
      seen.push(request.headers['x-forwarded-for'] as string | undefined);
      response.end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      await fetch(`http://127.0.0.1:${port}/`, { headers: { 'x-forwarded-for': '6.6.6.6' } });
      await fetch(`http://127.0.0.1:${port}/`);
    } finally {
      server.close();
    }
    expect(seen).toEqual(['6.6.6.6, 127.0.0.1', '127.0.0.1']);
  });
});
