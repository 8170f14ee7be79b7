import { and, asc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, deals } from '../../db/schema';
import { callerFor, db, seedDemo } from '../helpers';

beforeAll(async () => {
  await seedDemo();
});

type Caller = Awaited<ReturnType<typeof callerFor>>;

async function dealId(company: string) {
  const [row] = await db.select({ id: deals.id }).from(deals).where(eq(deals.companyName, company));
  if (!row) throw new Error(`seed has no deal for ${company}`);
  return row.id;
}

async function column(caller: Caller, stage: string) {
  const board = await caller.deals.board({});
  const found = board.columns.find((c) => c.stage === stage);
  if (!found) throw new Error(`no column ${stage}`);
  return found;
}

describe('deals.board on the seed', () => {
  it('counts the deals and sums the monthly budgets of each stage', async () => {
    const board = await (await callerFor('manager@echo.test')).deals.board({});
    expect(
      board.columns.map(({ stage, count, totalMonthlyBudget }) => ({ stage, count, totalMonthlyBudget })),
    ).toEqual([
      { stage: 'inquiry', count: 4, totalMonthlyBudget: 7000 + 22000 + 5500 + 9000 },
      { stage: 'touring', count: 2, totalMonthlyBudget: 13000 + 12000 },
      { stage: 'negotiating', count: 2, totalMonthlyBudget: 16000 + 14000 },
      { stage: 'closed', count: 2, totalMonthlyBudget: 9500 + 8000 },
    ]);
    expect(board.columns[0]?.cards.map((card) => card.company)).toEqual([
      'Bluebird Health',
      'Orbit Care',
      'Fernwood Studio',
      'Fieldnote',
    ]);
  });

  it('puts the figures on each card: owner, drafts waiting, the worst reply-time level', async () => {
    const board = await (await callerFor('agent@echo.test')).deals.board({});
    const cards = board.columns.flatMap((c) => c.cards);
    const byCompany = new Map(cards.map((card) => [card.company, card]));
    expect(byCompany.get('Acme Analytics')).toMatchObject({
      seeker: expect.any(String),
      teamSize: 12,
      monthlyBudget: 13000,
      owner: 'Alex Agent',
      draftsWaiting: 1,
      slaLevel: 'BREACHED',
      daysInStage: 1,
    });
    expect(byCompany.get('Northstar Labs')).toMatchObject({ slaLevel: 'ORANGE', draftsWaiting: 1 });
    expect(byCompany.get('Quill Payments')).toMatchObject({ slaLevel: 'GREEN', owner: 'Morgan Manager' });
    // Approved but not sent: still owed, and overdue.
    expect(byCompany.get('Lattice AI')).toMatchObject({ slaLevel: 'BREACHED', draftsWaiting: 0 });
    // Answered, and archived (no reply coming): nothing owed.
    expect(byCompany.get('Harborline Freight')?.slaLevel).toBeNull();
    expect(byCompany.get('Kestrel Robotics')?.slaLevel).toBeNull();
    expect(cards.map((card) => card.company)).not.toContain('Confidential Client Co');
  });

  it('filters by owner, by reply-time level and by needing a reply', async () => {
    const caller = await callerFor('manager@echo.test');
    const companies = async (input: Parameters<Caller['deals']['board']>[0]) =>
      (await caller.deals.board(input)).columns.flatMap((c) => c.cards.map((card) => card.company)).sort();

    expect(await companies({ ownerId: 'user_demo_manager' })).toEqual([
      'Harborline Freight',
      'Lattice AI',
      'Orbit Care',
      'Quill Payments',
    ]);
    expect(await companies({ slaLevel: 'BREACHED' })).toEqual(['Acme Analytics', 'Lattice AI']);
    expect(await companies({ needsReply: true })).toEqual([
      'Acme Analytics',
      'Bluebird Health',
      'Fernwood Studio',
      'Fieldnote',
      'Lattice AI',
      'Northstar Labs',
      'Orbit Care',
      'Quill Payments',
    ]);
    const filtered = await caller.deals.board({ ownerId: 'user_demo_manager' });
    expect(filtered.columns.find((c) => c.stage === 'closed')).toMatchObject({
      count: 1,
      totalMonthlyBudget: 9500,
    });
  });

  it('refuses an unknown SLA level as a bad request naming the field', async () => {
    const caller = await callerFor('manager@echo.test');
    // @ts-expect-error: not a level
    const error = await caller.deals.board({ slaLevel: 'PURPLE' }).catch((e) => e);
    expect(error).toMatchObject({ code: 'BAD_REQUEST' });
    expect(String(error.message)).toContain('slaLevel');
  });
});

describe('deals.moveStage', () => {
  it('is FORBIDDEN for an agent, and the deal stays where it was', async () => {
    const id = await dealId('Bluebird Health');
    const agent = await callerFor('agent@echo.test');
    await expect(agent.deals.moveStage({ id, stage: 'touring' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const [row] = await db.select({ stage: deals.stage }).from(deals).where(eq(deals.id, id));
    expect(row?.stage).toBe('inquiry');
  });

  it('moves a deal to another stage for a manager, at the asked index, and audits deal.stage_moved', async () => {
    const id = await dealId('Bluebird Health');
    const manager = await callerFor('manager@echo.test');
    const before = new Date();
    await manager.deals.moveStage({ id, stage: 'touring', position: 0 });

    const touring = await column(manager, 'touring');
    expect(touring.cards.map((card) => card.company)).toEqual([
      'Bluebird Health',
      'Acme Analytics',
      'Quill Payments',
    ]);
    expect(touring.count).toBe(3);
    expect(touring.cards[0]?.daysInStage).toBe(0);
    const [row] = await db.select().from(deals).where(eq(deals.id, id));
    expect(row?.stageChangedAt.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);

    const events = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, 'deal'), eq(auditEvents.entityId, String(id))));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: 'deal.stage_moved',
      actorType: 'user',
      actorId: 'user_demo_manager',
      organizationId: 'org_tandem_demo',
      details: expect.objectContaining({ from: 'inquiry', to: 'touring', index: 0 }),
    });
  });

  it('reorders inside a column, keeps the order across reads, and audits deal.reordered', async () => {
    const id = await dealId('Quill Payments');
    const admin = await callerFor('admin@echo.test');
    await admin.deals.moveStage({ id, stage: 'touring', position: 1 });
    const touring = await column(admin, 'touring');
    expect(touring.cards.map((card) => card.company)).toEqual([
      'Bluebird Health',
      'Quill Payments',
      'Acme Analytics',
    ]);
    const [event] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'deal.reordered'), eq(auditEvents.entityId, String(id))));
    expect(event?.details).toMatchObject({ from: 'touring', to: 'touring', index: 1 });
  });

  it('puts a deal at the end of the column when no position is given', async () => {
    const id = await dealId('Orbit Care');
    const manager = await callerFor('manager@echo.test');
    await manager.deals.moveStage({ id, stage: 'closed' });
    const closed = await column(manager, 'closed');
    expect(closed.cards.at(-1)?.company).toBe('Orbit Care');
  });

  it('renumbers a column whose neighbours are too close to split, keeping the order', async () => {
    const manager = await callerFor('manager@echo.test');
    const [first, second] = (await column(manager, 'negotiating')).cards;
    if (!first || !second) throw new Error('negotiating needs two deals');
    await db.update(deals).set({ position: 5 }).where(eq(deals.id, first.id));
    await db
      .update(deals)
      .set({ position: 5 + 1e-9 })
      .where(eq(deals.id, second.id));
    const moved = await dealId('Fernwood Studio');

    await manager.deals.moveStage({ id: moved, stage: 'negotiating', position: 1 });
    const negotiating = await column(manager, 'negotiating');
    expect(negotiating.cards.map((card) => card.id)).toEqual([first.id, moved, second.id]);
    expect(negotiating.cards.map((card) => card.position)).toEqual([1024, 2048, 3072]);
  });

  it('keeps a consistent order when ten managers move deals into one column at once', async () => {
    const inserted = await db
      .insert(deals)
      .values(
        Array.from({ length: 10 }, (_, n) => ({
          organizationId: 'org_tandem_demo',
          seekerName: `Seeker ${n}`,
          seekerEmail: `seeker${n}@example.com`,
          companyName: `Concurrent ${n}`,
          teamSize: 5,
          monthlyBudget: 1000,
          stage: 'inquiry' as const,
          position: 100_000 + n,
        })),
      )
      .returning({ id: deals.id });
    const callers = await Promise.all(
      inserted.map((_, n) => callerFor(n % 2 === 0 ? 'manager@echo.test' : 'admin@echo.test')),
    );
    const reader = await callerFor('manager@echo.test');
    const before = (await column(reader, 'closed')).cards.map((card) => card.id);
    expect(before.length).toBeGreaterThanOrEqual(2);

    // Every one asks for index 1: between the column's first card and the rest.
    const results = await Promise.allSettled(
      inserted.map(({ id }, n) => callers[n]?.deals.moveStage({ id, stage: 'closed', position: 1 })),
    );
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);

    const closed = await column(reader, 'closed');
    const ids = closed.cards.map((card) => card.id);
    const positions = closed.cards.map((card) => card.position);
    expect(new Set(positions).size).toBe(positions.length);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(ids).toHaveLength(before.length + 10);
    expect(ids[0]).toBe(before[0]);
    expect(ids.slice(-(before.length - 1))).toEqual(before.slice(1));
    expect(new Set(ids.slice(1, 11))).toEqual(new Set(inserted.map((row) => row.id)));

    const again = await db
      .select({ id: deals.id })
      .from(deals)
      .where(and(eq(deals.organizationId, 'org_tandem_demo'), eq(deals.stage, 'closed')))
      .orderBy(asc(deals.position), asc(deals.id));
    expect(again.map((row) => row.id)).toEqual(ids);
  });
});
