import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, dealSpaces, deals } from '../../db/schema';
import { callerFor, db, seedDemo } from '../helpers';
import { dealIdByCompany, spaceIdByName } from '../spaces/support';

beforeAll(async () => {
  await seedDemo();
});

const newDeal = (company: string) => ({
  seekerName: 'Dana Seeker',
  seekerEmail: 'Dana@Example.com',
  companyName: company,
  teamSize: 14,
  monthlyBudget: 18000,
  requirements: {
    neighborhoods: ['SoMa', 'Mission'],
    moveInDate: '2027-02-01',
    parking: true,
    parkingSpots: 2,
  },
});

async function dealAudit(dealId: number) {
  return db
    .select({ action: auditEvents.action, actorId: auditEvents.actorId, details: auditEvents.details })
    .from(auditEvents)
    .where(and(eq(auditEvents.entityType, 'deal'), eq(auditEvents.entityId, String(dealId))))
    .orderBy(auditEvents.id);
}

describe('deals.create', () => {
  it('creates a deal in inquiry at the end of the column with the fields given, audited', async () => {
    const manager = await callerFor('manager@echo.test');
    const deal = await manager.deals.create({ ...newDeal('Created Co'), ownerId: 'user_demo_agent' });
    expect(deal).toMatchObject({
      stage: 'inquiry',
      seekerEmail: 'dana@example.com',
      teamSize: 14,
      monthlyBudget: 18000,
      revision: 0,
      ownerId: 'user_demo_agent',
      requirements: { neighborhoods: ['SoMa', 'Mission'], moveInDate: '2027-02-01', parkingSpots: 2 },
    });
    const board = await manager.deals.board();
    const inquiry = board.columns.find((c) => c.stage === 'inquiry');
    expect(inquiry?.cards.at(-1)?.company).toBe('Created Co');
    expect(await dealAudit(deal.id)).toMatchObject([
      { action: 'deal.created', actorId: 'user_demo_manager' },
    ]);
  });

  it('refuses an agent with FORBIDDEN, bad fields naming the field, and an owner from another organization', async () => {
    const agent = await callerFor('agent@echo.test');
    await expect(agent.deals.create(newDeal('Agent Co'))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const manager = await callerFor('manager@echo.test');
    const bad = await manager.deals.create({ ...newDeal('Bad Co'), teamSize: 0 }).catch((e) => e);
    expect(bad).toMatchObject({ code: 'BAD_REQUEST' });
    expect(bad.cause.issues[0].path).toEqual(['teamSize']);
    const owner = await manager.deals
      .create({ ...newDeal('Bad Co'), ownerId: 'user_other_agent' })
      .catch((e) => e);
    expect(owner).toMatchObject({ code: 'BAD_REQUEST' });
    expect(owner.message).toContain('ownerId');
    expect(await db.select().from(deals).where(eq(deals.companyName, 'Bad Co'))).toHaveLength(0);
  });
});

describe('deals.update', () => {
  it('edits with the current revision and reassigns the owner, each audited; a stale revision is CONFLICT', async () => {
    const manager = await callerFor('manager@echo.test');
    const deal = await manager.deals.create(newDeal('Update Co'));
    const edited = await manager.deals.update({
      id: deal.id,
      revision: 0,
      teamSize: 20,
      monthlyBudget: 25000,
      requirements: { ...deal.requirements, dogFriendly: true },
    });
    expect(edited).toMatchObject({ revision: 1, teamSize: 20, monthlyBudget: 25000 });
    expect(edited.requirements.dogFriendly).toBe(true);
    const reassigned = await manager.deals.update({ id: deal.id, revision: 1, ownerId: 'user_demo_admin' });
    expect(reassigned).toMatchObject({ revision: 2, ownerId: 'user_demo_admin' });
    const stale = await manager.deals.update({ id: deal.id, revision: 1, teamSize: 3 }).catch((e) => e);
    expect(stale).toMatchObject({ code: 'CONFLICT' });
    const [row] = await db.select().from(deals).where(eq(deals.id, deal.id));
    expect(row).toMatchObject({ teamSize: 20, revision: 2 });
    const audit = await dealAudit(deal.id);
    expect(audit.map((a) => a.action)).toEqual(['deal.created', 'deal.updated', 'deal.owner_changed']);
    expect(audit[1]?.details).toMatchObject({ changes: { teamSize: { from: 14, to: 20 } } });
  });

  it('refuses an agent with FORBIDDEN and another organization’s deal with NOT_FOUND', async () => {
    const id = await dealIdByCompany('Northstar Labs');
    const agent = await callerFor('agent@echo.test');
    await expect(agent.deals.update({ id, revision: 0, teamSize: 2 })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const foreign = await dealIdByCompany('Confidential Client Co');
    const manager = await callerFor('manager@echo.test');
    await expect(manager.deals.update({ id: foreign, revision: 0, teamSize: 2 })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});

describe('deals.attachSpace / detachSpace', () => {
  it('attaches a space as shown (or with the status given), detaches it, each audited', async () => {
    const manager = await callerFor('manager@echo.test');
    const deal = await manager.deals.create(newDeal('Attach Co'));
    const spaceId = await spaceIdByName('Potrero Yard');
    expect(await manager.deals.attachSpace({ dealId: deal.id, spaceId })).toMatchObject({
      status: 'shown',
      attached: true,
    });
    expect(await manager.deals.attachSpace({ dealId: deal.id, spaceId, status: 'touring' })).toMatchObject({
      status: 'touring',
    });
    const detail = await manager.deals.get({ id: deal.id });
    expect(detail.spaces.map((s) => [s.id, s.dealStatus])).toEqual([[spaceId, 'touring']]);
    await manager.deals.detachSpace({ dealId: deal.id, spaceId });
    expect(await db.select().from(dealSpaces).where(eq(dealSpaces.dealId, deal.id))).toHaveLength(0);
    await expect(manager.deals.detachSpace({ dealId: deal.id, spaceId })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect((await dealAudit(deal.id)).map((a) => a.action)).toEqual([
      'deal.created',
      'deal.space_attached',
      'deal.space_status_changed',
      'deal.space_detached',
    ]);
  });

  it('refuses agents, another organization’s deal or space, and an archived space', async () => {
    const manager = await callerFor('manager@echo.test');
    const agent = await callerFor('agent@echo.test');
    const dealId = await dealIdByCompany('Northstar Labs');
    const spaceId = await spaceIdByName('Mission Loft');
    await expect(agent.deals.attachSpace({ dealId, spaceId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(agent.deals.detachSpace({ dealId, spaceId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const foreignSpace = await spaceIdByName('Oakland Warehouse Loft');
    const foreignDeal = await dealIdByCompany('Confidential Client Co');
    await expect(manager.deals.attachSpace({ dealId, spaceId: foreignSpace })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(manager.deals.attachSpace({ dealId: foreignDeal, spaceId })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(
      manager.deals.detachSpace({ dealId: foreignDeal, spaceId: foreignSpace }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const archived = await manager.spaces.create({
      name: 'Archived One',
      address: '1 Gone St',
      hostCompany: 'H',
      hostEmail: 'h@example.com',
      monthlyRate: 100,
    });
    await manager.spaces.archive({ id: archived.id });
    await expect(manager.deals.attachSpace({ dealId, spaceId: archived.id })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
    });
  });
});

describe('hand-entered requirements', () => {
  it('keeps a team size typed by the broker when a later email says otherwise, and offers the email’s figure', async () => {
    const manager = await callerFor('manager@echo.test');
    const deal = await manager.deals.create({
      ...newDeal('Handtyped Co'),
      seekerEmail: 'hana@handtyped.example',
    });
    const edited = await manager.deals.update({ id: deal.id, revision: deal.revision, teamSize: 9 });
    expect(edited.handEnteredFields).toEqual(expect.arrayContaining(['teamSize']));

    await manager.inbound.simulate({
      from: 'Hana <hana@handtyped.example>',
      subject: 'Re: our search',
      body: 'Quick update: we are now a team of 12 people, budget still around $18,000 a month.',
      dealId: deal.id,
    });

    const [row] = await db.select().from(deals).where(eq(deals.id, deal.id));
    expect(row?.teamSize).toBe(9);
    expect(row?.pendingRequirements).toMatchObject({ teamSize: { value: 12 } });
  });
});
