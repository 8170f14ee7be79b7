import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, dealSpaces, deals, spaces } from '../../db/schema';
import { callerFor, db, seedDemo } from '../helpers';

beforeAll(async () => {
  await seedDemo();
});

async function dealId(company: string) {
  const [row] = await db.select({ id: deals.id }).from(deals).where(eq(deals.companyName, company));
  if (!row) throw new Error(`seed has no deal for ${company}`);
  return row.id;
}

async function spaceId(name: string) {
  const [row] = await db.select({ id: spaces.id }).from(spaces).where(eq(spaces.name, name));
  if (!row) throw new Error(`seed has no space ${name}`);
  return row.id;
}

describe('deals.get', () => {
  it('answers the deal with its spaces and their status, the thread with delivery status, drafts and history', async () => {
    const id = await dealId('Harborline Freight');
    const deal = await (await callerFor('agent@echo.test')).deals.get({ id });
    expect(deal).toMatchObject({
      id,
      stage: 'closed',
      companyName: 'Harborline Freight',
      ownerName: 'Morgan Manager',
    });
    expect(deal.spaces.map((space) => [space.name, space.dealStatus])).toEqual([
      ['Presidio Officers House', 'selected'],
    ]);
    const outbound = deal.thread.filter((email) => email.direction === 'outbound');
    expect(outbound.at(-1)).toMatchObject({ deliveryStatus: 'delivered', isAiGenerated: true });
    expect(deal.drafts).toHaveLength(1);
    expect(deal.drafts[0]).toMatchObject({ status: 'sent', sentEmailId: outbound.at(-1)?.id });
    expect(deal.history.map((event) => event.action).sort()).toEqual(['draft.generated', 'email.received']);
  });

  it('answers NOT_FOUND for another organization’s deal, exactly as for a missing one', async () => {
    const foreign = await dealId('Confidential Client Co');
    const manager = await callerFor('manager@echo.test');
    const [foreignError, missingError] = await Promise.all([
      manager.deals.get({ id: foreign }).catch((e) => e),
      manager.deals.get({ id: 999_999 }).catch((e) => e),
    ]);
    expect(foreignError).toMatchObject({ code: 'NOT_FOUND' });
    expect(missingError).toMatchObject({ code: 'NOT_FOUND' });
    expect(String(foreignError.message).replace(String(foreign), 'ID')).toBe(
      String(missingError.message).replace('999999', 'ID'),
    );
    await expect(manager.deals.moveStage({ id: foreign, stage: 'closed' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const [row] = await db.select({ stage: deals.stage }).from(deals).where(eq(deals.id, foreign));
    expect(row?.stage).toBe('inquiry');
  });
});

describe('deals.setSpaceStatus', () => {
  it('changes how a space stands on the deal and audits it on the deal’s history', async () => {
    const id = await dealId('Acme Analytics');
    const soma = await spaceId('SoMa Studio');
    const agent = await callerFor('agent@echo.test');
    await expect(
      agent.deals.setSpaceStatus({ dealId: id, spaceId: soma, status: 'interested' }),
    ).resolves.toEqual({
      dealId: id,
      spaceId: soma,
      status: 'interested',
    });
    const deal = await agent.deals.get({ id });
    expect(deal.spaces.find((space) => space.id === soma)?.dealStatus).toBe('interested');
    expect(deal.history[0]).toMatchObject({
      action: 'deal.space_status_changed',
      actorName: 'Alex Agent',
      details: expect.objectContaining({ from: 'shown', to: 'interested', spaceName: 'SoMa Studio' }),
    });
  });

  it('answers NOT_FOUND for a space not on the deal and for another organization’s deal', async () => {
    const agent = await callerFor('agent@echo.test');
    const id = await dealId('Acme Analytics');
    await expect(
      agent.deals.setSpaceStatus({ dealId: id, spaceId: await spaceId('Potrero Yard'), status: 'touring' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const foreign = await dealId('Confidential Client Co');
    const [link] = await db.select().from(dealSpaces).where(eq(dealSpaces.dealId, foreign));
    if (!link) throw new Error('other deal has no space');
    await expect(
      agent.deals.setSpaceStatus({ dealId: foreign, spaceId: link.spaceId, status: 'rejected' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const [after] = await db.select().from(dealSpaces).where(eq(dealSpaces.id, link.id));
    expect(after?.status).toBe('shown');
    const foreignEvents = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, 'deal'), eq(auditEvents.entityId, String(foreign))));
    expect(foreignEvents).toEqual([]);
  });

  it('refuses a status that does not exist, naming the field', async () => {
    const agent = await callerFor('agent@echo.test');
    const input = { dealId: 1, spaceId: 1, status: 'loved' } as unknown as Parameters<
      typeof agent.deals.setSpaceStatus
    >[0];
    const error = await agent.deals.setSpaceStatus(input).catch((e) => e);
    expect(error).toMatchObject({ code: 'BAD_REQUEST' });
    expect(String(error.message)).toContain('status');
  });
});

describe('spaces.list', () => {
  it('lists only the organization’s inventory, with each space’s status on a given deal', async () => {
    const agent = await callerFor('agent@echo.test');
    const { items: all } = await agent.spaces.list({ limit: 200 });
    expect(all.length).toBeGreaterThanOrEqual(10);
    expect(all.map((space) => space.name)).not.toContain('Oakland Warehouse Loft');
    expect(all.every((space) => space.organizationId === 'org_tandem_demo')).toBe(true);

    const { items: forNorthstar } = await agent.spaces.list({
      dealId: await dealId('Northstar Labs'),
      limit: 200,
    });
    expect(forNorthstar).toHaveLength(all.length);
    const statuses = Object.fromEntries(
      forNorthstar.filter((space) => space.dealStatus).map((space) => [space.name, space.dealStatus]),
    );
    expect(statuses).toEqual({ 'Potrero Yard': 'selected', 'Dogpatch Works': 'rejected' });
  });

  it('answers NOT_FOUND for another organization’s deal', async () => {
    const agent = await callerFor('agent@echo.test');
    await expect(agent.spaces.list({ dealId: await dealId('Confidential Client Co') })).rejects.toMatchObject(
      {
        code: 'NOT_FOUND',
      },
    );
  });
});
