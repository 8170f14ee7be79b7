import { beforeAll, describe, expect, it } from 'vitest';
import { callerFor, seedDemo } from '../helpers';

beforeAll(async () => {
  await seedDemo(new Date());
});

describe('drafts.list', () => {
  it('shows the seeded pending drafts, most urgent reply first', async () => {
    const caller = await callerFor('agent@echo.test');
    const page = await caller.drafts.list({ status: 'pending' });
    expect(page.items.length).toBeGreaterThanOrEqual(6);
    const deadlines = page.items.map((item) => item.replyDeadlineAt?.getTime() ?? Number.POSITIVE_INFINITY);
    expect(deadlines).toEqual([...deadlines].sort((a, b) => a - b));
    expect(page.items[0]).toMatchObject({ company: 'Acme Analytics', status: 'pending', isOffline: true });
    expect(page.items[0]?.slaLevel).toBe('BREACHED');
  });

  it('walks every draft exactly once through cursor pages', async () => {
    const caller = await callerFor('agent@echo.test');
    const all = await caller.drafts.list({ limit: 100 });
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof caller.drafts.list>> = await caller.drafts.list({
        limit: 2,
        cursor,
      });
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.items.map((item) => item.id));
  });

  it('filters by validation outcome', async () => {
    const caller = await callerFor('agent@echo.test');
    const failed = await caller.drafts.list({ validation: 'failed' });
    expect(failed.items.map((item) => item.company)).toEqual(['Northstar Labs']);
  });

  it('keeps archived drafts out of the default view and shows them when asked', async () => {
    const caller = await callerFor('agent@echo.test');
    const open = await caller.drafts.list({ limit: 100 });
    const archived = await caller.drafts.list({ status: 'archived' });
    expect(open.items.some((item) => item.status === 'archived')).toBe(false);
    expect(archived.items.map((item) => item.company)).toEqual(['Kestrel Robotics']);
  });
});
