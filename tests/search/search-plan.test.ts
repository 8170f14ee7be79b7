import { hashPassword } from 'better-auth/crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onStatement } from '../../db/client';
import { generateBenchData } from '../../scripts/bench/generate';
import { callerFor } from '../helpers';

// 100 organizations × 20 deals × 10 emails = 20,000 emails, analyzed, so the planner sees many
// organizations sharing every word: a plan that ignores the GIN index shows up here.
const SIZE = { organizations: 100, dealsPerOrg: 20, spacesPerOrg: 10 };
const SEARCH_INDEXES = [
  'email_drafts_search_idx',
  'emails_search_idx',
  'deals_search_idx',
  'spaces_search_idx',
];

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

describe('search query plan', () => {
  it('reads each kind through its GIN index on (organization, search vector), never a sequential scan', async () => {
    const agent = await callerFor('bench-agent-7@bench.test');
    const statements: Array<{ sql: string; params: unknown[] }> = [];
    const stop = onStatement((sql, params) => {
      if (sql.includes('websearch_to_tsquery')) statements.push({ sql, params });
    });
    let found: Awaited<ReturnType<typeof agent.search.query>>;
    try {
      found = await agent.search.query({ q: 'parking Tuesday' });
    } finally {
      stop();
    }
    expect(found.items.length).toBeGreaterThan(0);
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
    const usedIndexes = new Set(nodes.map((node) => node['Index Name']).filter(Boolean));
    for (const index of SEARCH_INDEXES) expect(usedIndexes, index).toContain(index);
    const seqScans = nodes
      .filter((node) => node['Node Type'] === 'Seq Scan')
      .map((node) => node['Relation Name']);
    expect(seqScans).toEqual([]);
  });
});
