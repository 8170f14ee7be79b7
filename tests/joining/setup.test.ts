import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { accounts, auditEvents, members, organizationSettings, organizations, users } from '../../db/schema';
import { auth } from '../../src/server/auth';
import { env } from '../../src/server/env';
import { anonymousCaller, db } from '../helpers';
import { authRequest, callerWithCookie, signInOverHttp } from './support';

const admin = {
  organizationName: 'Harbor Brokerage',
  name: 'Hana Harbor',
  email: 'Hana@Harbor.example',
  password: 'harbor-password-1',
};

const mutableEnv = env as { isOpenSignup: boolean };
afterEach(() => {
  mutableEnv.isOpenSignup = false;
});

describe('first-run setup', () => {
  it('says setup is needed while the database has no organization', async () => {
    const caller = await anonymousCaller();
    await expect(caller.joining.status()).resolves.toEqual({ needsSetup: true, isSignupOpen: false });
  });

  it('refuses a short password naming the field, and writes nothing', async () => {
    const caller = await anonymousCaller();
    await expect(caller.joining.setup({ ...admin, password: 'short' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('password'),
    });
    expect(await db.$count(organizations)).toBe(0);
  });

  it('creates exactly one organization when two setups race', async () => {
    const [first, second] = await Promise.allSettled([
      (await anonymousCaller()).joining.setup(admin),
      (await anonymousCaller()).joining.setup({
        ...admin,
        organizationName: 'Rival',
        email: 'rival@rival.example',
      }),
    ]);
    const outcomes = [first, second].map((result) => result.status).sort();
    expect(outcomes).toEqual(['fulfilled', 'rejected']);
    const refused = [first, second].find((result) => result.status === 'rejected');
    expect(refused?.status === 'rejected' && refused.reason).toMatchObject({ code: 'FORBIDDEN' });

    const orgs = await db.select().from(organizations);
    expect(orgs).toHaveLength(1);
    const organizationId = orgs[0]?.id ?? '';
    expect(await db.$count(users)).toBe(1);
    expect(await db.$count(accounts)).toBe(1);
    const [membership] = await db.select().from(members);
    expect(membership).toMatchObject({ organizationId, role: 'admin' });
    expect(
      await db.$count(organizationSettings, eq(organizationSettings.organizationId, organizationId)),
    ).toBe(1);
    const [audit] = await db.select().from(auditEvents).where(eq(auditEvents.action, 'organization.created'));
    expect(audit).toMatchObject({ organizationId, actorType: 'user', actorId: membership?.userId });
  });

  it('lets the admin sign in as admin of the new organization', async () => {
    const orgName = (await db.select().from(organizations))[0]?.name;
    const { response, cookie } = await signInOverHttp('hana@harbor.example', admin.password);
    expect(response.status).toBe(200);
    const me = await (await callerWithCookie(cookie)).me();
    expect(me).toMatchObject({ email: 'hana@harbor.example', role: 'admin', organizationName: orgName });
  });

  it('refuses a second setup once an organization exists', async () => {
    const caller = await anonymousCaller();
    await expect(caller.joining.status()).resolves.toMatchObject({ needsSetup: false });
    await expect(
      caller.joining.setup({ ...admin, organizationName: 'Late', email: 'late@late.example' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await db.$count(organizations)).toBe(1);
    expect(await db.$count(users)).toBe(1);
  });
});

describe('sign-up', () => {
  const newcomer = {
    organizationName: 'Newcomer Offices',
    name: 'Nia New',
    email: 'nia@newcomer.example',
    password: 'newcomer-password',
  };

  it('is closed without ECHO_OPEN_SIGNUP=1', async () => {
    const caller = await anonymousCaller();
    await expect(caller.joining.signup(newcomer)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await db.$count(users)).toBe(1);
  });

  it("never creates an account through better-auth's own sign-up endpoint", async () => {
    const body = { name: 'Sneaky', email: 'sneaky@evil.example', password: 'sneaky-password' };
    const overHttp = await authRequest('POST', '/sign-up/email', { body });
    expect(overHttp.status).toBe(404);
    await expect(auth.api.signUpEmail({ body })).rejects.toBeTruthy();
    mutableEnv.isOpenSignup = true;
    expect((await authRequest('POST', '/sign-up/email', { body })).status).toBe(404);
    await expect(auth.api.signUpEmail({ body })).rejects.toBeTruthy();
    expect(await db.$count(users, eq(users.email, 'sneaky@evil.example'))).toBe(0);
    const { response } = await signInOverHttp(body.email, body.password);
    expect(response.status).toBe(401);
  });

  it('creates a new organization and its admin with ECHO_OPEN_SIGNUP=1', async () => {
    mutableEnv.isOpenSignup = true;
    const caller = await anonymousCaller();
    await expect(caller.joining.status()).resolves.toMatchObject({ isSignupOpen: true });
    const created = await caller.joining.signup(newcomer);
    expect(await db.$count(organizations)).toBe(2);
    const [membership] = await db.select().from(members).where(eq(members.userId, created.userId));
    expect(membership).toMatchObject({ organizationId: created.organizationId, role: 'admin' });
    const { cookie } = await signInOverHttp(newcomer.email, newcomer.password);
    await expect((await callerWithCookie(cookie)).me()).resolves.toMatchObject({
      role: 'admin',
      organizationName: 'Newcomer Offices',
    });
  });

  it('refuses an email that already has an account with CONFLICT naming the field', async () => {
    mutableEnv.isOpenSignup = true;
    const caller = await anonymousCaller();
    await expect(
      caller.joining.signup({ ...newcomer, organizationName: 'Again', email: 'NIA@newcomer.example' }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('email') });
    expect(await db.$count(organizations)).toBe(2);
  });
});
