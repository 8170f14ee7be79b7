import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, invitations, members, organizationSettings } from '../../db/schema';
import { callerFor, db, seedDemo } from '../helpers';

const TANDEM = 'org_tandem_demo';

beforeAll(async () => {
  await seedDemo(new Date());
});

async function settingsAudits() {
  return db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.organizationId, TANDEM), eq(auditEvents.action, 'settings.changed')));
}

describe('settings.get', () => {
  it('shows an admin the settings and the webhook URL to give Resend', async () => {
    const admin = await callerFor('admin@echo.test');
    const overview = await admin.settings.get();
    expect(overview.settings).toMatchObject({
      replyTargetHours: 4,
      regenerationLimit: 3,
      regenerationCooldownHours: 24,
      undoWindowSeconds: 10,
      inboundAddress: 'inbox@tandem.echo.test',
    });
    expect(overview.webhookUrl).toMatch(/\/api\/webhooks\/resend$/);
  });

  it.each(['agent@echo.test', 'manager@echo.test'])('is FORBIDDEN for %s', async (email) => {
    const caller = await callerFor(email);
    await expect(caller.settings.get()).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('settings.update', () => {
  it.each(['agent@echo.test', 'manager@echo.test'])(
    'is FORBIDDEN for %s and changes nothing',
    async (email) => {
      const caller = await callerFor(email);
      const auditsBefore = (await settingsAudits()).length;
      await expect(caller.settings.update({ replyTargetHours: 1 })).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
      const [row] = await db
        .select()
        .from(organizationSettings)
        .where(eq(organizationSettings.organizationId, TANDEM));
      expect(row?.replyTargetHours).toBe(4);
      expect(await settingsAudits()).toHaveLength(auditsBefore);
    },
  );

  it('lets an admin change settings and audits each changed field before and after', async () => {
    const admin = await callerFor('admin@echo.test');
    const result = await admin.settings.update({
      replyTargetHours: 2,
      regenerationLimit: 5,
      signature: 'Thanks,\nTandem',
      undoWindowSeconds: 10, // unchanged: not audited
    });
    expect(result.settings).toMatchObject({
      replyTargetHours: 2,
      regenerationLimit: 5,
      signature: 'Thanks,\nTandem',
    });
    expect(result.changed.sort()).toEqual(['regenerationLimit', 'replyTargetHours', 'signature']);

    const [audit] = (await settingsAudits()).slice(-1);
    expect(audit).toMatchObject({
      actorType: 'user',
      actorId: 'user_demo_admin',
      entityType: 'organization',
    });
    expect(audit?.details).toEqual({
      before: {
        replyTargetHours: 4,
        regenerationLimit: 3,
        signature: 'Best,\nThe Tandem Brokerage team · (415) 555-0142',
      },
      after: { replyTargetHours: 2, regenerationLimit: 5, signature: 'Thanks,\nTandem' },
    });
    expect((await admin.settings.get()).settings.replyTargetHours).toBe(2);
  });

  it('writes no audit event when nothing changed', async () => {
    const admin = await callerFor('admin@echo.test');
    const before = (await settingsAudits()).length;
    const current = (await admin.settings.get()).settings;
    await admin.settings.update({ replyTargetHours: current.replyTargetHours });
    expect(await settingsAudits()).toHaveLength(before);
  });

  it.each([
    ['replyTargetHours', { replyTargetHours: 0 }],
    ['replyTargetHours', { replyTargetHours: 2.5 }],
    ['regenerationLimit', { regenerationLimit: -1 }],
    ['regenerationCooldownHours', { regenerationCooldownHours: 100000 }],
    ['undoWindowSeconds', { undoWindowSeconds: -5 }],
    ['senderEmail', { senderEmail: 'not-an-email' }],
    ['inboundAddress', { inboundAddress: 'nope' }],
    ['signature', { signature: 'x'.repeat(5000) }],
  ])('refuses a bad %s with BAD_REQUEST naming the field', async (field, input) => {
    const admin = await callerFor('admin@echo.test');
    await expect(admin.settings.update(input as never)).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining(field),
    });
  });

  it("refuses another organization's inbound address with CONFLICT", async () => {
    const admin = await callerFor('admin@echo.test');
    await expect(admin.settings.update({ inboundAddress: 'INBOX@other.echo.test' })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('inboundAddress'),
    });
  });

  it("says only that an address is taken, not whose it is (another organization's is not ours to tell)", async () => {
    const admin = await callerFor('admin@echo.test');
    const error = await admin.settings
      .update({ inboundAddress: 'inbox@other.echo.test' })
      .catch((caught) => caught);
    expect(error).toMatchObject({ code: 'CONFLICT', message: 'inboundAddress: that address is taken' });
    expect(error.message).not.toMatch(/organi[sz]ation|other\.echo\.test/i);
  });

  it('clears the inbound address when given an empty one', async () => {
    const admin = await callerFor('admin@echo.test');
    await admin.settings.update({ inboundAddress: '' });
    expect((await admin.settings.get()).settings.inboundAddress).toBeNull();
    await admin.settings.update({ inboundAddress: 'inbox@tandem.echo.test' });
  });
});

describe('members and invitations', () => {
  it('lists the members of the organization only', async () => {
    const admin = await callerFor('admin@echo.test');
    const { members: list } = await admin.settings.members();
    expect(list.map((member) => member.email).sort()).toEqual([
      'admin@echo.test',
      'agent@echo.test',
      'manager@echo.test',
    ]);
  });

  it('lets an admin change a role, audited, and refuses it to a manager', async () => {
    const admin = await callerFor('admin@echo.test');
    const manager = await callerFor('manager@echo.test');
    const { members: list } = await admin.settings.members();
    const agent = list.find((member) => member.email === 'agent@echo.test');
    if (!agent) throw new Error('no agent');
    await expect(
      manager.settings.changeRole({ memberId: agent.memberId, role: 'admin' }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await admin.settings.changeRole({ memberId: agent.memberId, role: 'manager' });
    const [row] = await db.select().from(members).where(eq(members.id, agent.memberId));
    expect(row?.role).toBe('manager');
    const audits = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.organizationId, TANDEM), eq(auditEvents.action, 'member.role_changed')));
    expect(audits.at(-1)?.details).toMatchObject({ before: 'agent', after: 'manager' });
    await admin.settings.changeRole({ memberId: agent.memberId, role: 'agent' });
  });

  it('keeps at least one admin', async () => {
    const admin = await callerFor('admin@echo.test');
    const { members: list } = await admin.settings.members();
    const self = list.find((member) => member.email === 'admin@echo.test');
    if (!self) throw new Error('no admin');
    await expect(admin.settings.changeRole({ memberId: self.memberId, role: 'agent' })).rejects.toMatchObject(
      {
        code: 'PRECONDITION_FAILED',
      },
    );
  });

  it("answers NOT_FOUND for another organization's member", async () => {
    const admin = await callerFor('admin@echo.test');
    await expect(
      admin.settings.changeRole({ memberId: 'member_user_other_agent', role: 'manager' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('invites by email, lists the invitation and cancels it', async () => {
    const admin = await callerFor('admin@echo.test');
    const invitation = await admin.settings.invite({ email: 'New.Broker@Tandem.example', role: 'agent' });
    expect(invitation.email).toBe('new.broker@tandem.example');
    const [row] = await db.select().from(invitations).where(eq(invitations.id, invitation.id));
    expect(row).toMatchObject({
      organizationId: TANDEM,
      status: 'pending',
      role: 'agent',
      inviterId: 'user_demo_admin',
    });
    expect((await admin.settings.members()).invitations.map((item) => item.email)).toContain(
      'new.broker@tandem.example',
    );

    await expect(
      admin.settings.invite({ email: 'new.broker@tandem.example', role: 'agent' }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await expect(admin.settings.invite({ email: 'agent@echo.test', role: 'agent' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });

    await admin.settings.cancelInvitation({ invitationId: invitation.id });
    expect((await admin.settings.members()).invitations).toHaveLength(0);
  });

  it('refuses an invitation with a bad email, naming the field', async () => {
    const admin = await callerFor('admin@echo.test');
    await expect(admin.settings.invite({ email: 'nope', role: 'agent' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('email'),
    });
  });
});
