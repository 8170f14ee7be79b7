import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, deals, emailDrafts, members } from '../../db/schema';
import { loadDraftContext } from '../../src/server/ai/context';
import { draftOffline } from '../../src/server/ai/offline';
import { callerFor, db, seedDemo } from '../helpers';

const TANDEM = 'org_tandem_demo';

beforeAll(async () => {
  await seedDemo();
});

async function draftOnDealOf(ownerId: string) {
  const [row] = await db
    .select({ body: emailDrafts.body, inboundEmailId: emailDrafts.inboundEmailId, dealId: deals.id })
    .from(emailDrafts)
    .innerJoin(deals, eq(deals.id, emailDrafts.dealId))
    .where(and(eq(deals.organizationId, TANDEM), eq(deals.ownerId, ownerId)))
    .limit(1);
  if (!row) throw new Error(`no draft on a deal of ${ownerId}`);
  return row;
}

describe('who signs a draft', () => {
  it('signs a draft on Morgan’s deal as Morgan, not Alex', async () => {
    const draft = await draftOnDealOf('user_demo_manager');
    expect(draft.body).toContain('Morgan Manager');
    expect(draft.body).not.toContain('Alex');
    const context = await loadDraftContext(db, {
      organizationId: TANDEM,
      inboundEmailId: draft.inboundEmailId,
    });
    expect(context.signature).toBe('Best,\nMorgan Manager\nTandem Brokerage · (415) 555-0142');
  });

  it('uses the signature a member sets for themselves in Settings, audited', async () => {
    const morgan = await callerFor('manager@echo.test');
    await morgan.settings.updateMySignature({ signature: 'Warmly,\nMorgan' });
    await expect(morgan.settings.mySignature()).resolves.toMatchObject({ signature: 'Warmly,\nMorgan' });
    const draft = await draftOnDealOf('user_demo_manager');
    const context = await loadDraftContext(db, {
      organizationId: TANDEM,
      inboundEmailId: draft.inboundEmailId,
    });
    expect(draftOffline(context).body.endsWith('Warmly,\nMorgan')).toBe(true);
    const [audit] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.organizationId, TANDEM), eq(auditEvents.action, 'member.signature_changed')));
    expect(audit).toMatchObject({ actorId: 'user_demo_manager' });
    expect(audit?.details).toMatchObject({ after: 'Warmly,\nMorgan' });
  });

  it('lets an agent edit only their own signature', async () => {
    const alex = await callerFor('agent@echo.test');
    await alex.settings.updateMySignature({ signature: 'Thanks,\nAlex' });
    const rows = await db.select().from(members).where(eq(members.organizationId, TANDEM));
    expect(rows.find((row) => row.userId === 'user_demo_agent')?.signature).toBe('Thanks,\nAlex');
    expect(rows.find((row) => row.userId === 'user_demo_manager')?.signature).toBe('Warmly,\nMorgan');
    await expect(alex.settings.updateMySignature({ signature: 'x'.repeat(5000) })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('signature'),
    });
  });

  it('falls back to the organization’s signature when the owner has none', async () => {
    const morgan = await callerFor('manager@echo.test');
    await morgan.settings.updateMySignature({ signature: '' });
    const draft = await draftOnDealOf('user_demo_manager');
    const context = await loadDraftContext(db, {
      organizationId: TANDEM,
      inboundEmailId: draft.inboundEmailId,
    });
    expect(context.signature).toBe('Best,\nThe Tandem Brokerage team · (415) 555-0142');
  });
});
