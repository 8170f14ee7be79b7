import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, invitations, members, sessions } from '../../db/schema';
import { auth } from '../../src/server/auth';
import { anonymousCaller, callerFor, db, seedDemo, signInCookie } from '../helpers';
import { authRequest, callerWithCookie, lastMailTo, linkIn, signInOverHttp, tokenOnly } from './support';

const TANDEM = 'org_tandem_demo';
const OTHER = 'org_other_brokerage';

beforeAll(async () => {
  await seedDemo();
});

async function audits(action: string) {
  return db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.organizationId, TANDEM), eq(auditEvents.action, action)));
}

async function invite(email: string, role: 'agent' | 'manager' | 'admin' = 'agent') {
  const admin = await callerFor('admin@echo.test');
  return admin.settings.invite({ email, role });
}

describe('an invitation, end to end', () => {
  it('emails the invitee through the development mailbox, signs them up and in with the invited role', async () => {
    const invitation = await invite('Rosa.Broker@tandem.example', 'agent');
    expect(invitation.delivery).toEqual({ isSent: true });

    const mail = await lastMailTo('rosa.broker@tandem.example', 'invitation');
    expect(mail).toMatchObject({
      organizationId: TANDEM,
      fromAddress: 'Tandem Brokerage <deals@tandem.echo.test>',
    });
    expect(mail?.subject).toBe('Avery Admin invited you to Tandem Demo on Echo');
    expect(mail?.body).toContain('as an agent');
    const link = linkIn(mail?.body ?? '', `/invite/${invitation.id}`);
    expect(link?.pathname).toBe(`/invite/${invitation.id}`);

    const anonymous = await anonymousCaller();
    await expect(anonymous.joining.invitation({ id: invitation.id })).resolves.toMatchObject({
      state: 'pending',
      email: 'rosa.broker@tandem.example',
      role: 'agent',
      organizationName: 'Tandem Demo',
      inviterName: 'Avery Admin',
      hasAccount: false,
    });
    await expect(
      anonymous.joining.acceptInvitation({ id: invitation.id, password: 'rosa-password' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('name') });
    await anonymous.joining.acceptInvitation({
      id: invitation.id,
      name: 'Rosa Broker',
      password: 'rosa-password',
    });

    const { response, cookie } = await signInOverHttp('rosa.broker@tandem.example', 'rosa-password');
    expect(response.status).toBe(200);
    const rosa = await callerWithCookie(cookie);
    await expect(rosa.me()).resolves.toMatchObject({ role: 'agent', organizationName: 'Tandem Demo' });
    await expect(rosa.drafts.list({})).resolves.toMatchObject({ items: expect.any(Array) });
    await expect(rosa.settings.members()).rejects.toMatchObject({ code: 'FORBIDDEN' });

    const [joined] = (await audits('member.joined')).slice(-1);
    expect(joined?.details).toMatchObject({ invitationId: invitation.id, role: 'agent', isNewAccount: true });
    expect((await audits('member.invited')).some((row) => row.details.invitationId === invitation.id)).toBe(
      true,
    );
  });

  it('refuses a link that was already used', async () => {
    const [used] = await db.select().from(invitations).where(eq(invitations.status, 'accepted'));
    if (!used) throw new Error('no accepted invitation');
    const anonymous = await anonymousCaller();
    await expect(anonymous.joining.invitation({ id: used.id })).resolves.toMatchObject({
      state: 'accepted',
      message: expect.stringContaining('already used'),
    });
    await expect(
      anonymous.joining.acceptInvitation({ id: used.id, name: 'Again', password: 'another-password' }),
    ).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: expect.stringContaining('already used'),
    });
  });

  it('joins an existing account with its own password, and refuses a wrong one', async () => {
    const invitation = await invite('agent@other.test', 'manager');
    const anonymous = await anonymousCaller();
    await expect(anonymous.joining.invitation({ id: invitation.id })).resolves.toMatchObject({
      hasAccount: true,
    });
    await expect(
      anonymous.joining.acceptInvitation({ id: invitation.id, password: 'not-the-password' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('password') });
    await anonymous.joining.acceptInvitation({ id: invitation.id, password: 'echo-demo-password' });
    const olive = await callerFor('agent@other.test');
    await expect(olive.me()).resolves.toMatchObject({ role: 'manager', organizationName: 'Tandem Demo' });
  });
});

describe('links that no longer work', () => {
  it('refuses a cancelled invitation and says so', async () => {
    const invitation = await invite('cancelled@tandem.example');
    const admin = await callerFor('admin@echo.test');
    await admin.settings.cancelInvitation({ invitationId: invitation.id });
    const anonymous = await anonymousCaller();
    await expect(anonymous.joining.invitation({ id: invitation.id })).resolves.toMatchObject({
      state: 'cancelled',
      message: expect.stringContaining('cancelled'),
    });
    await expect(
      anonymous.joining.acceptInvitation({ id: invitation.id, name: 'Cara', password: 'cara-password' }),
    ).rejects.toMatchObject({ code: 'PRECONDITION_FAILED', message: expect.stringContaining('cancelled') });
    await expect(admin.settings.cancelInvitation({ invitationId: invitation.id })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
    });
    expect((await audits('member.invitation_cancelled')).at(-1)?.details).toMatchObject({
      invitationId: invitation.id,
    });
  });

  it('refuses an expired invitation, and a resend makes it work again with a new email', async () => {
    const invitation = await invite('late@tandem.example');
    await db
      .update(invitations)
      .set({ expiresAt: new Date(Date.now() - 60_000) })
      .where(eq(invitations.id, invitation.id));
    const anonymous = await anonymousCaller();
    await expect(anonymous.joining.invitation({ id: invitation.id })).resolves.toMatchObject({
      state: 'expired',
    });
    await expect(
      anonymous.joining.acceptInvitation({ id: invitation.id, name: 'Lee', password: 'lee-password' }),
    ).rejects.toMatchObject({ code: 'PRECONDITION_FAILED', message: expect.stringContaining('expired') });

    const firstMail = await lastMailTo('late@tandem.example', 'invitation');
    const admin = await callerFor('admin@echo.test');
    const resent = await admin.settings.resendInvitation({ invitationId: invitation.id });
    expect(resent.delivery).toEqual({ isSent: true });
    expect(resent.expiresAt.getTime()).toBeGreaterThan(Date.now());
    const secondMail = await lastMailTo('late@tandem.example', 'invitation');
    expect(secondMail?.id).not.toBe(firstMail?.id);
    expect((await audits('member.invitation_resent')).at(-1)?.details).toMatchObject({
      invitationId: invitation.id,
    });
    await anonymous.joining.acceptInvitation({ id: invitation.id, name: 'Lee', password: 'lee-password' });
  });

  it('answers NOT_FOUND for an unknown link and for another organization’s invitation', async () => {
    const anonymous = await anonymousCaller();
    await expect(anonymous.joining.invitation({ id: 'no-such-invitation' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const invitation = await invite('tenancy@tandem.example');
    const olive = await callerFor('agent@other.test');
    await expect(olive.settings.cancelInvitation({ invitationId: invitation.id })).rejects.toMatchObject({
      code: expect.stringMatching(/FORBIDDEN|NOT_FOUND/),
    });
  });
});

describe('members', () => {
  it('never removes the last admin, even when two admins remove each other at once', async () => {
    const avery = await callerFor('admin@echo.test');
    const { members: list } = await avery.settings.members();
    const memberId = (email: string) => list.find((member) => member.email === email)?.memberId ?? '';
    await expect(
      avery.settings.removeMember({ memberId: memberId('admin@echo.test') }),
    ).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
    });
    await avery.settings.changeRole({ memberId: memberId('manager@echo.test'), role: 'admin' });
    const morgan = await callerFor('manager@echo.test');

    const results = await Promise.allSettled([
      avery.settings.removeMember({ memberId: memberId('manager@echo.test') }),
      morgan.settings.removeMember({ memberId: memberId('admin@echo.test') }),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
    const admins = await db
      .select()
      .from(members)
      .where(and(eq(members.organizationId, TANDEM), eq(members.role, 'admin')));
    expect(admins).toHaveLength(1);
    const [removed] = (await audits('member.removed')).slice(-1);
    expect(removed?.details).toMatchObject({ role: 'admin' });
  });

  it('ends the removed member’s sessions in the organization, and their calls are refused', async () => {
    const [admin] = await db
      .select({ userId: members.userId })
      .from(members)
      .where(and(eq(members.organizationId, TANDEM), eq(members.role, 'admin')));
    const adminEmail = admin?.userId === 'user_demo_admin' ? 'admin@echo.test' : 'manager@echo.test';
    const remover = await callerFor(adminEmail);
    const cookie = await signInCookie('agent@echo.test');
    const alex = await callerWithCookie(cookie);
    await expect(alex.me()).resolves.toMatchObject({ role: 'agent' });
    const { members: list } = await remover.settings.members();
    const alexMember = list.find((member) => member.email === 'agent@echo.test');
    await remover.settings.removeMember({ memberId: alexMember?.memberId ?? '' });
    expect(await db.$count(sessions, eq(sessions.userId, 'user_demo_agent'))).toBe(0);
    await expect((await callerWithCookie(cookie)).drafts.list({})).rejects.toMatchObject({
      code: expect.stringMatching(/UNAUTHORIZED|FORBIDDEN/),
    });
  });

  it('refuses a role that is not one of agent, manager, admin (no arrays)', async () => {
    const admin = await callerFor('admin@echo.test').catch(() => callerFor('manager@echo.test'));
    await expect(
      admin.settings.changeRole({ memberId: 'member_user_demo_admin', role: ['manager', 'admin'] as never }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('role') });
  });
});

describe("better-auth's organization endpoints", () => {
  it('are not exposed: role changes and removals over HTTP answer 404 and change nothing', async () => {
    const cookie = await signInCookie('agent@other.test');
    const rolesBefore = await db.select().from(members).orderBy(members.id);
    for (const [path, body] of [
      [
        '/organization/update-member-role',
        { memberId: 'member_user_other_agent', role: ['manager', 'admin'] },
      ],
      ['/organization/remove-member', { memberIdOrEmail: 'admin@echo.test', organizationId: TANDEM }],
      ['/organization/set-active', { organizationId: 'org_nobody' }],
      ['/organization/create', { name: 'Mine', slug: 'mine' }],
      ['/organization/accept-invitation', { invitationId: 'x' }],
    ] as const) {
      const response = await authRequest('POST', path, { body, cookie });
      expect(response.status, path).toBe(404);
    }
    expect(await db.select().from(members).orderBy(members.id)).toEqual(rolesBefore);
  });

  it('refuse server-side calls too', async () => {
    const cookie = await signInCookie('agent@other.test');
    await expect(
      auth.api.updateMemberRole({
        headers: new Headers({ cookie }),
        body: { memberId: 'member_user_other_agent', role: ['manager', 'admin'] },
      }),
    ).rejects.toMatchObject({ status: 'NOT_FOUND' });
    const [row] = await db.select().from(members).where(eq(members.id, 'member_user_other_agent'));
    expect(row?.role).toBe('agent');
  });

  it('a refused GET leaves the active organization alone', async () => {
    const { cookie } = await signInOverHttp('agent@other.test', 'echo-demo-password');
    const before = await db.select().from(sessions).where(eq(sessions.userId, 'user_other_agent'));
    const response = await authRequest(
      'GET',
      `/organization/get-full-organization?organizationId=${TANDEM}`,
      {
        cookie,
      },
    );
    expect(response.status).toBe(404);
    const after = await db.select().from(sessions).where(eq(sessions.userId, 'user_other_agent'));
    expect(after.map((row) => row.activeOrganizationId)).toEqual(
      before.map((row) => row.activeOrganizationId),
    );
    expect(after.every((row) => row.activeOrganizationId !== null)).toBe(true);
  });

  it('a session without an active organization recovers to the user’s own', async () => {
    const { cookie } = await signInOverHttp('agent@other.test', 'echo-demo-password');
    const token = decodeURIComponent(tokenOnly(cookie).split('=')[1] ?? '').split('.')[0] ?? '';
    const cleared = await db
      .update(sessions)
      .set({ activeOrganizationId: null })
      .where(eq(sessions.token, token))
      .returning({ id: sessions.id });
    expect(cleared).toHaveLength(1);
    const caller = await callerWithCookie(tokenOnly(cookie));
    await expect(caller.me()).resolves.toMatchObject({ email: 'agent@other.test' });
    const [row] = await db.select().from(sessions).where(eq(sessions.token, token));
    expect([TANDEM, OTHER]).toContain(row?.activeOrganizationId);
    expect(await db.$count(sessions, sql`${sessions.activeOrganizationId} is null`)).toBe(0);
  });
});
