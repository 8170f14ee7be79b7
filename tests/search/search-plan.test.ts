import { hashPassword } from 'better-auth/crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onStatement } from '../../db/client';
import { generateBenchData } from '../../scripts/bench/generate';
import { callerFor } from '../helpers';

// 100 organizations × 20 deals × 10 emails = 20,000 emails, analyzed: an organization holds what
// one holds in the bench (200 emails, 100 drafts, 20 deals, 10 spaces) and every word is shared by
// all organizations, so a plan that ignores the organization or the GIN index shows up here.
const SIZE = { organizations: 100, dealsPerOrg: 20, spacesPerOrg: 10 };

type PlanNode = { 'Node Type': string; 'Relation Name'?: string; 'Index Name'?: string; Plans?: PlanNode[] };
const walk = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(walk)];

let client: pg.Client;

beforeAll(async () => {
  client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  await generateBenchData(client, SIZE, { passwordHash: await hashPassword('echo-demo-password') });
}, 300_000);

afterAll(async () => {
  await client?.end();
});

type Caller = Awaited<ReturnType<typeof callerFor>>;

/** The plan of the one statement search.query sends for `q`. */
async function planOf(agent: Caller, q: string) {
  const statements: Array<{ sql: string; params: unknown[] }> = [];
  const stop = onStatement((sql, params) => {
    if (sql.includes('websearch_to_tsquery')) statements.push({ sql, params });
  });
  try {
    await agent.search.query({ q });
  } finally {
    stop();
  }
  expect(statements).toHaveLength(1);
  const [statement] = statements;
  if (!statement) throw new Error('no search statement');
  const { rows } = await client.query<{ 'QUERY PLAN': Array<{ Plan: PlanNode }> }>(
    `explain (format json) ${statement.sql}`,
    statement.params,
  );
  const root = rows[0]?.['QUERY PLAN'][0]?.Plan;
  if (!root) throw new Error('no plan');
  const nodes = walk(root);
  return {
    indexes: new Set(nodes.map((node) => node['Index Name']).filter(Boolean)),
    seqScans: nodes.filter((node) => node['Node Type'] === 'Seq Scan').map((node) => node['Relation Name']),
  };
}

describe('search query plan', () => {
  it('finds a selective word in emails through the GIN index on (organization, search vector)', async () => {
    const agent = await callerFor('bench-agent-7@bench.test');
    // seeker-140@bench.test is the seeker of a deal of bench_org_7 and the sender of its emails.
    const found = await agent.search.query({ q: 'seeker-140@bench.test' });
    expect(found.items.some((item) => item.kind === 'deal')).toBe(true);
    const plan = await planOf(agent, 'seeker-140@bench.test');
    // Emails, the table that grows most, through its GIN index. An organization's drafts, deals and
    // spaces are at most a hundred rows here: the planner may rightly read those by organization
    // instead (at the bench's 1,000 organizations it picks the drafts' GIN index too). Never a seq scan.
    expect(plan.indexes).toContain('emails_search_idx');
    expect(plan.seqScans).toEqual([]);
  });

  it('never reads a table sequentially, even for a word in every row of the organization', async () => {
    const agent = await callerFor('bench-agent-7@bench.test');
    for (const q of ['parking', 'parking Tuesday', '"cost per month"', 'parking or dogs -tuesday']) {
      const plan = await planOf(agent, q);
      expect(plan.seqScans, q).toEqual([]);
    }
  });
});
