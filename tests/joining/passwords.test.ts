import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, devMailbox, sessions } from '../../db/schema';
import { db, seedDemo } from '../helpers';
import { authRequest, callerWithCookie, lastMailTo, linkIn, signInOverHttp, tokenOnly } from './support';

const TANDEM = 'org_tandem_demo';

beforeAll(async () => {
  await seedDemo();
});

const passwordAudits = (action: string) =>
  db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.organizationId, TANDEM), eq(auditEvents.action, action)));

describe('forgotten password', () => {
  it('emails a reset link, sets the new password, and ends every old session', async () => {
    const old = await signInOverHttp('agent@echo.test', 'echo-demo-password');
    expect(old.response.status).toBe(200);
    await expect((await callerWithCookie(tokenOnly(old.cookie))).me()).resolves.toMatchObject({
      role: 'agent',
    });

    const requested = await authRequest('POST', '/request-password-reset', {
      body: { email: 'agent@echo.test', redirectTo: '/reset-password' },
    });
    expect(requested.status).toBe(200);
    const mail = await lastMailTo('agent@echo.test', 'password_reset');
    expect(mail).toMatchObject({ organizationId: TANDEM, subject: 'Reset your Echo password' });
    const link = linkIn(mail?.body ?? '', '/reset-password?token=');
    const token = link?.searchParams.get('token');
    expect(token).toBeTruthy();

    const reset = await authRequest('POST', '/reset-password', {
      body: { token, newPassword: 'a-brand-new-password' },
    });
    expect(reset.status).toBe(200);

    expect(await db.$count(sessions, eq(sessions.userId, 'user_demo_agent'))).toBe(0);
    await expect((await callerWithCookie(tokenOnly(old.cookie))).me()).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
    expect((await signInOverHttp('agent@echo.test', 'echo-demo-password')).response.status).toBe(401);
    expect((await signInOverHttp('agent@echo.test', 'a-brand-new-password')).response.status).toBe(200);
    expect((await passwordAudits('user.password_reset')).at(-1)).toMatchObject({
      actorType: 'user',
      actorId: 'user_demo_agent',
    });

    const again = await authRequest('POST', '/reset-password', {
      body: { token, newPassword: 'third-password' },
    });
    expect(again.status).toBe(400);
  });

  it('sends nothing for an unknown address and answers the same', async () => {
    const before = await db.$count(devMailbox);
    const response = await authRequest('POST', '/request-password-reset', {
      body: { email: 'nobody@nowhere.example', redirectTo: '/reset-password' },
    });
    expect(response.status).toBe(200);
    expect(await db.$count(devMailbox)).toBe(before);
  });
});

describe('changing a password while signed in', () => {
  it('refuses a wrong current password and changes it with the right one, audited', async () => {
    const { cookie } = await signInOverHttp('manager@echo.test', 'echo-demo-password');
    const wrong = await authRequest('POST', '/change-password', {
      cookie,
      body: { currentPassword: 'nope-nope-nope', newPassword: 'morgan-new-password' },
    });
    expect(wrong.status).toBe(400);
    const changed = await authRequest('POST', '/change-password', {
      cookie,
      body: {
        currentPassword: 'echo-demo-password',
        newPassword: 'morgan-new-password',
        revokeOtherSessions: true,
      },
    });
    expect(changed.status).toBe(200);
    expect((await signInOverHttp('manager@echo.test', 'morgan-new-password')).response.status).toBe(200);
    expect((await passwordAudits('user.password_changed')).at(-1)).toMatchObject({
      actorId: 'user_demo_manager',
    });
  });
});
