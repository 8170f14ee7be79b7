import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { spaces } from '../../db/schema';
import { callerFor, db, seedDemo } from '../helpers';
import { auditActions, spaceIdByName, spaceInput } from './support';

/** The fields a BAD_REQUEST names (the HTTP error formatter prints the same paths). */
const fieldsOf = (error: { cause?: { issues?: Array<{ path: PropertyKey[] }> } }) =>
  (error.cause?.issues ?? []).map((issue) => issue.path.join('.'));

beforeAll(async () => {
  await seedDemo();
});

describe('spaces.create / get / update', () => {
  it('lets a manager create a space with every field, answers it with revision 0 and audits it', async () => {
    const manager = await callerFor('manager@echo.test');
    const created = await manager.spaces.create(spaceInput('create'));
    expect(created).toMatchObject({
      reference: 'test-create',
      monthlyRate: 4200,
      desks: 12,
      squareFeet: 1500,
      availableFrom: '2027-01-15',
      revision: 0,
      archivedAt: null,
      availability: { tuesday: ['10am', '2pm'], thursday: ['10:30am'] },
    });
    const got = await (await callerFor('agent@echo.test')).spaces.get({ id: created.id });
    expect(got.detailedAmenities).toEqual(spaceInput('create').detailedAmenities);
    expect(got.revision).toBe(0);
    const audit = await auditActions('space', created.id);
    expect(audit).toMatchObject([{ action: 'space.created', actorId: 'user_demo_manager' }]);
  });

  it('lets an admin write too, and refuses every write from an agent with FORBIDDEN', async () => {
    const admin = await callerFor('admin@echo.test');
    const space = await admin.spaces.create(spaceInput('admin'));
    const agent = await callerFor('agent@echo.test');
    await expect(agent.spaces.create(spaceInput('agent'))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(agent.spaces.update({ id: space.id, revision: 0, monthlyRate: 1 })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(agent.spaces.archive({ id: space.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(agent.spaces.restore({ id: space.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(agent.spaces.import({ csv: 'name\nx' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const [row] = await db.select().from(spaces).where(eq(spaces.id, space.id));
    expect(row?.monthlyRate).toBe(4200);
  });

  it('refuses a rate of "abc" and a slot "25pm", naming the field', async () => {
    const manager = await callerFor('manager@echo.test');
    const rate = await manager.spaces
      .create({ ...spaceInput('bad'), monthlyRate: 'abc' as never })
      .catch((e) => e);
    expect(rate).toMatchObject({ code: 'BAD_REQUEST' });
    expect(fieldsOf(rate)).toEqual(['monthlyRate']);
    const slot = await manager.spaces
      .create(spaceInput('bad2', { availability: { friday: ['25pm'] } }))
      .catch((e) => e);
    expect(slot).toMatchObject({ code: 'BAD_REQUEST' });
    expect(fieldsOf(slot)).toEqual(['availability.friday.0']);
    const date = await manager.spaces
      .create(spaceInput('bad3', { availableFrom: '2027-02-30' }))
      .catch((e) => e);
    expect(fieldsOf(date)).toEqual(['availableFrom']);
    const nested = await manager.spaces
      .create(spaceInput('bad4', { detailedAmenities: { parking: { costMonthly: -5 } } }))
      .catch((e) => e);
    expect(fieldsOf(nested)).toEqual(['detailedAmenities.parking.costMonthly']);
  });

  it('updates with the current revision, bumps it, audits the change, and refuses the stale one with CONFLICT', async () => {
    const manager = await callerFor('manager@echo.test');
    const space = await manager.spaces.create(spaceInput('update'));
    const updated = await manager.spaces.update({ id: space.id, revision: 0, monthlyRate: 5100 });
    expect(updated).toMatchObject({ revision: 1, monthlyRate: 5100, desks: 12 });
    const stale = await manager.spaces.update({ id: space.id, revision: 0, desks: 3 }).catch((e) => e);
    expect(stale).toMatchObject({ code: 'CONFLICT' });
    expect(stale.message).toContain('changed by someone else');
    const [row] = await db.select().from(spaces).where(eq(spaces.id, space.id));
    expect(row).toMatchObject({ desks: 12, monthlyRate: 5100, revision: 1 });
    const audit = await auditActions('space', space.id);
    expect(audit.map((a) => a.action)).toEqual(['space.created', 'space.updated']);
    expect(audit[1]?.details).toMatchObject({ changes: { monthlyRate: { from: 4200, to: 5100 } } });
  });

  it('lets only one of two simultaneous saves from the same revision win', async () => {
    const manager = await callerFor('manager@echo.test');
    const space = await manager.spaces.create(spaceInput('race'));
    const results = await Promise.allSettled([
      manager.spaces.update({ id: space.id, revision: 0, monthlyRate: 1000 }),
      manager.spaces.update({ id: space.id, revision: 0, monthlyRate: 2000 }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(
      results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason.code),
    ).toEqual(['CONFLICT']);
  });

  it('refuses a second space with the same reference with CONFLICT naming the reference', async () => {
    const manager = await callerFor('manager@echo.test');
    await manager.spaces.create(spaceInput('dup'));
    const error = await manager.spaces.create(spaceInput('dup', { name: 'Other' })).catch((e) => e);
    expect(error).toMatchObject({ code: 'CONFLICT' });
    expect(error.message).toContain('reference');
  });

  it('archives and restores (audited), hides archived spaces from the list unless asked', async () => {
    const manager = await callerFor('manager@echo.test');
    const space = await manager.spaces.create(spaceInput('archive'));
    const archived = await manager.spaces.archive({ id: space.id });
    expect(archived.archivedAt).toBeInstanceOf(Date);
    expect(archived.revision).toBe(1);
    const listed = await manager.spaces.list({ query: 'Test Space archive' });
    expect(listed.items).toHaveLength(0);
    const withArchived = await manager.spaces.list({ query: 'Test Space archive', includeArchived: true });
    expect(withArchived.items.map((s) => s.id)).toEqual([space.id]);
    const restored = await manager.spaces.restore({ id: space.id });
    expect(restored.archivedAt).toBeNull();
    expect((await auditActions('space', space.id)).map((a) => a.action)).toEqual([
      'space.created',
      'space.archived',
      'space.restored',
    ]);
  });
});

describe('tenancy', () => {
  it('answers NOT_FOUND for another organization’s space on every procedure, and changes nothing', async () => {
    const foreign = await spaceIdByName('Oakland Warehouse Loft');
    const manager = await callerFor('manager@echo.test');
    for (const call of [
      () => manager.spaces.get({ id: foreign }),
      () => manager.spaces.update({ id: foreign, revision: 0, monthlyRate: 1 }),
      () => manager.spaces.archive({ id: foreign }),
      () => manager.spaces.restore({ id: foreign }),
    ]) {
      await expect(call()).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
    const [row] = await db.select().from(spaces).where(eq(spaces.id, foreign));
    expect(row).toMatchObject({ revision: 0, archivedAt: null });
    expect(row?.monthlyRate).not.toBe(1);
    const other = await callerFor('agent@other.test');
    const theirs = await other.spaces.list({ limit: 200 });
    expect(theirs.items.map((s) => s.name)).toEqual(['Oakland Warehouse Loft']);
  });
});

describe('spaces.list', () => {
  it('searches by name or address, filters by neighbourhood, desks, rate and amenities, and sorts', async () => {
    const manager = await callerFor('manager@echo.test');
    await manager.spaces.create(
      spaceInput('filter-a', {
        name: 'Zephyr Filter A',
        neighborhood: 'Presidio',
        desks: 40,
        monthlyRate: 9000,
      }),
    );
    await manager.spaces.create(
      spaceInput('filter-b', {
        name: 'Zephyr Filter B',
        address: '77 Zephyr Alley',
        neighborhood: 'presidio',
        desks: 5,
        monthlyRate: 3000,
        amenities: { dogFriendly: true },
      }),
    );
    const byName = await manager.spaces.list({ query: 'zephyr filter' });
    expect(byName.items.map((s) => s.name)).toEqual(['Zephyr Filter A', 'Zephyr Filter B']);
    expect((await manager.spaces.list({ query: '77 zephyr' })).items.map((s) => s.name)).toEqual([
      'Zephyr Filter B',
    ]);
    expect((await manager.spaces.list({ query: '%' })).items).toHaveLength(0);
    const inPresidio = await manager.spaces.list({ query: 'Zephyr', neighborhood: 'PRESIDIO' });
    expect(inPresidio.items).toHaveLength(2);
    expect((await manager.spaces.list({ query: 'Zephyr', minDesks: 10 })).items.map((s) => s.name)).toEqual([
      'Zephyr Filter A',
    ]);
    expect((await manager.spaces.list({ query: 'Zephyr', maxRate: 5000 })).items.map((s) => s.name)).toEqual([
      'Zephyr Filter B',
    ]);
    expect(
      (await manager.spaces.list({ query: 'Zephyr', amenities: ['dogFriendly'] })).items.map((s) => s.name),
    ).toEqual(['Zephyr Filter B']);
    const byRate = await manager.spaces.list({ query: 'Zephyr', sort: 'monthlyRate', order: 'desc' });
    expect(byRate.items.map((s) => s.monthlyRate)).toEqual([9000, 3000]);
  });

  it('pages with a cursor through every space exactly once, in order, for each sort', async () => {
    const manager = await callerFor('manager@echo.test');
    for (const sort of ['name', 'monthlyRate', 'desks', 'squareFeet'] as const) {
      const all = (await manager.spaces.list({ sort, limit: 200, includeArchived: true })).items.map(
        (s) => s.id,
      );
      const paged: number[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: Array<{ id: number }>; nextCursor: string | null } = await manager.spaces.list({
          sort,
          limit: 3,
          cursor,
          includeArchived: true,
        });
        paged.push(...page.items.map((s) => s.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(paged).toEqual(all);
    }
  });

  it('refuses a cursor it did not make with BAD_REQUEST', async () => {
    const manager = await callerFor('manager@echo.test');
    await expect(manager.spaces.list({ cursor: 'not-a-cursor' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
  });
});
