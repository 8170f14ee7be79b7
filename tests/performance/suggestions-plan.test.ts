import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { onStatement } from '../../db/client';
import { deals } from '../../db/schema';
import { addSuggestionBenchSpaces } from '../../scripts/bench/suggestions-data';
import { pool } from '../../src/server/db';
import { suggestSpaces } from '../../src/server/deals/shortlist/query';
import { db, seedDemo } from '../helpers';

// A few thousand spaces in one organization, analyzed, so the planner sees a real inventory.
const SPACES = 4_000;
const ORGANIZATION = 'org_tandem_demo';

beforeAll(async () => {
  await seedDemo();
  await addSuggestionBenchSpaces(SPACES);
}, 120_000);

type PlanNode = { 'Node Type': string; 'Relation Name'?: string; 'Index Name'?: string; Plans?: PlanNode[] };
const walk = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(walk)];

async function plansOfSuggestions(dealId: number) {
  const seen: Array<{ sql: string; params: unknown[] }> = [];
  const stop = onStatement((sql, params) => seen.push({ sql, params }));
  try {
    await suggestSpaces(db, { organizationId: ORGANIZATION, dealId });
  } finally {
    stop();
  }
  const plans: PlanNode[][] = [];
  for (const statement of seen) {
    // ANALYZE: only the branches that really run count (the near-miss branch runs only when few fit).
    const { rows } = await pool.query(`explain (analyze, format json) ${statement.sql}`, statement.params);
    const plan = (rows[0] as { 'QUERY PLAN': Array<{ Plan: PlanNode }> })['QUERY PLAN'][0]?.Plan;
    if (!plan) throw new Error('no plan');
    plans.push(
      walk(plan).filter(
        (node) => !('Actual Loops' in node) || (node as { 'Actual Loops': number })['Actual Loops'] > 0,
      ),
    );
  }
  return plans;
}

describe('the suggestions query plan at a few thousand spaces', () => {
  it('reads spaces through indexes, never a sequential scan, for every seeded deal', async () => {
    const rows = await db.select({ id: deals.id }).from(deals).where(eq(deals.organizationId, ORGANIZATION));
    expect(rows.length).toBeGreaterThan(5);
    for (const { id } of rows) {
      const plans = await plansOfSuggestions(id);
      const onSpaces = plans.flat().filter((node) => node['Relation Name'] === 'spaces');
      expect(onSpaces.length).toBeGreaterThan(0);
      expect(
        onSpaces
          .filter((node) => node['Node Type'] === 'Seq Scan')
          .map((node) => `deal ${id}: ${JSON.stringify(node).slice(0, 400)}`),
      ).toEqual([]);
    }
  });
});
