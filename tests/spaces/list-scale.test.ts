import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { onStatement } from '../../db/client';
import { callerFor, db, seedDemo } from '../helpers';
import { TANDEM } from './support';

// 10,000 spaces in one organization, analyzed, so the planner sees a real inventory.
beforeAll(async () => {
  await seedDemo();
  await db.execute(sql`
    insert into spaces (organization_id, name, address, neighborhood, host_company, host_email, monthly_rate, desks, square_feet, reference)
    select ${TANDEM}, 'Scale ' || lpad(g::text, 5, '0'), g || ' Scale St', 'Scale', 'Host', 'host@example.com',
           1000 + (g * 7919) % 20000, (g * 31) % 80, (g * 17) % 9000, 'scale-' || g
    from generate_series(1, 10000) as g`);
  await db.execute(sql`analyze spaces`);
}, 120_000);

async function listStatement(work: () => Promise<unknown>) {
  const seen: Array<{ sql: string; params: unknown[] }> = [];
  const stop = onStatement((text, params) => seen.push({ sql: text, params }));
  try {
    await work();
  } finally {
    stop();
  }
  const statement = seen.find((s) => s.sql.includes('from "spaces"') && s.sql.includes('limit'));
  if (!statement) throw new Error('no list statement seen');
  return statement;
}

describe('spaces.list at 10,000 spaces', () => {
  it('reads a deep page through an index for each sort, not by scanning and sorting the inventory', async () => {
    const manager = await callerFor('manager@echo.test');
    for (const sort of ['name', 'monthlyRate', 'desks', 'squareFeet'] as const) {
      let cursor: string | null = null;
      for (let page = 0; page < 3; page += 1) {
        const result: { nextCursor: string | null } = await manager.spaces.list({ sort, limit: 200, cursor });
        cursor = result.nextCursor;
      }
      const statement = await listStatement(() => manager.spaces.list({ sort, limit: 50, cursor }));
      const { rows } = await db.$client.query(`explain ${statement.sql}`, statement.params);
      const plan = rows.map((r: Record<string, string>) => Object.values(r)[0]).join('\n');
      expect(plan, plan).toMatch(/Index Scan|Index Only Scan/);
      expect(plan, plan).not.toMatch(/Sort\s+\(|Seq Scan on spaces/);
    }
  });

  it('answers a page deep in the inventory quickly', async () => {
    const manager = await callerFor('manager@echo.test');
    let cursor: string | null = null;
    for (let page = 0; page < 40; page += 1) {
      const result: { nextCursor: string | null } = await manager.spaces.list({ limit: 200, cursor });
      cursor = result.nextCursor;
    }
    const started = performance.now();
    const last = await manager.spaces.list({ limit: 50, cursor, sort: 'name' });
    expect(performance.now() - started).toBeLessThan(500);
    expect(last.items.length).toBeGreaterThan(0);
  });
});
