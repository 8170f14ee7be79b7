import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { members, sessions, users } from '../../db/schema';
import { auth } from '../../src/server/auth';
import { env } from '../../src/server/env';
import { createCaller } from '../../src/server/root';
import { createTRPCContext } from '../../src/server/trpc';
import { db, seedDemo, signInCookie } from '../helpers';

beforeAll(async () => {
  await seedDemo();
});

async function callerWith(cookie: string) {
  return createCaller(await createTRPCContext({ headers: new Headers({ cookie }) }));
}

/** Signs in through the HTTP endpoint, as the browser does, keeping every cookie it is given. */
async function browserSignIn(email: string) {
  const response = await auth.handler(
    new Request(`${env.APP_URL}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: env.APP_URL },
      body: JSON.stringify({ email, password: 'echo-demo-password' }),
    }),
  );
  expect(response.status).toBe(200);
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0])
    .join('; ');
}

describe('a session ends at once', () => {
  it('answers UNAUTHORIZED to cookies replayed after sign-out, for reads and writes', async () => {
    const cookie = await browserSignIn('manager@echo.test');
    await expect((await callerWith(cookie)).me()).resolves.toMatchObject({ email: 'manager@echo.test' });

    const signOut = await auth.handler(
      new Request(`${env.APP_URL}/api/auth/sign-out`, {
        method: 'POST',
        headers: { cookie, origin: env.APP_URL, 'content-type': 'application/json' },
        body: '{}',
      }),
    );
    expect(signOut.status).toBe(200);

    // The old session_token (and any session_data cookie cache) replayed straight away.
    const replay = await callerWith(cookie);
    await expect(replay.me()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(replay.drafts.list({})).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(replay.settings.update({ signature: 'replayed' })).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
  });

  it('ends every session of a user whose password is reset', async () => {
    const first = await signInCookie('agent@echo.test');
    const second = await signInCookie('agent@echo.test');
    await expect((await callerWith(first)).me()).resolves.toMatchObject({ email: 'agent@echo.test' });

    const [agent] = await db.select({ id: users.id }).from(users).where(eq(users.email, 'agent@echo.test'));
    if (!agent) throw new Error('seed has no agent');
    const token = randomBytes(16).toString('hex');
    const context = await auth.$context;
    await context.internalAdapter.createVerificationValue({
      identifier: `reset-password:${token}`,
      value: agent.id,
      expiresAt: new Date(Date.now() + 60_000),
    });
    await auth.api.resetPassword({ body: { token, newPassword: 'echo-demo-password' } });

    await expect((await callerWith(first)).me()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect((await callerWith(second)).me()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('refuses a removed member on the next request', async () => {
    const cookie = await signInCookie('agent@other.test');
    await expect((await callerWith(cookie)).me()).resolves.toMatchObject({ role: 'agent' });
    const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, 'agent@other.test'));
    if (!user) throw new Error('seed has no agent in Other Brokerage');
    await db
      .delete(members)
      .where(and(eq(members.userId, user.id), eq(members.organizationId, 'org_other_brokerage')));
    await expect((await callerWith(cookie)).drafts.list({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('applies a role change on the next request', async () => {
    const managerCookie = await signInCookie('manager@echo.test');
    const manager = await callerWith(managerCookie);
    await expect(manager.metrics.summary({})).resolves.toBeTruthy();

    const admin = await callerWith(await signInCookie('admin@echo.test'));
    const { members: list } = await admin.settings.members();
    const target = list.find((member) => member.email === 'manager@echo.test');
    if (!target) throw new Error('seed has no manager');
    await admin.settings.changeRole({ memberId: target.memberId, role: 'agent' });

    await expect((await callerWith(managerCookie)).metrics.summary({})).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect((await callerWith(managerCookie)).me()).resolves.toMatchObject({ role: 'agent' });
  });

  it('refuses a session token whose signature does not match', async () => {
    const cookie = await signInCookie('agent@echo.test');
    const tampered = cookie.replace(
      /(better-auth\.session_token=[^.;]+)\.[^;]+/,
      '$1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA%3D',
    );
    expect(tampered).not.toBe(cookie);
    await expect((await callerWith(tampered)).me()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    const unsigned = cookie.replace(/(better-auth\.session_token=[^.;]+)\.[^;]+/, '$1');
    await expect((await callerWith(unsigned)).me()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });
});

describe('a session in use', () => {
  it('slides its expiry once a day, and hands the refreshed cookie to the response', async () => {
    const cookie = await signInCookie('agent@echo.test');
    const token =
      decodeURIComponent(/better-auth\.session_token=([^;]+)/.exec(cookie)?.[1] ?? '').split('.')[0] ?? '';
    const context = await auth.$context;
    // As if signed in two days ago: past better-auth's `updateAge`, still before `expiresIn`.
    const twoDaysAgo = Date.now() - 2 * 24 * 60 * 60 * 1000;
    const staleExpiry = new Date(twoDaysAgo + context.sessionConfig.expiresIn * 1000);
    await db.update(sessions).set({ expiresAt: staleExpiry }).where(eq(sessions.token, token));

    const responseHeaders = new Headers();
    const caller = createCaller(
      await createTRPCContext({ headers: new Headers({ cookie }), responseHeaders }),
    );
    await expect(caller.me()).resolves.toMatchObject({ email: 'agent@echo.test' });
    const [row] = await db
      .select({ expiresAt: sessions.expiresAt })
      .from(sessions)
      .where(eq(sessions.token, token));
    expect(row?.expiresAt.getTime()).toBeGreaterThan(staleExpiry.getTime() + 24 * 60 * 60 * 1000);
    expect(
      responseHeaders.getSetCookie().some((value) => value.startsWith('better-auth.session_token=')),
    ).toBe(true);
  });
});
