import { hashPassword } from 'better-auth/crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onStatement } from '../../db/client';
import { emailDrafts } from '../../db/schema';
import { generateBenchData } from '../../scripts/bench/generate';
import { callerFor, db } from '../helpers';

// ~20,000 drafts (200 organizations × 20 deals × 5), generated in SQL and analyzed, so the planner
// sees the shape of a real brokerage rather than a handful of seeded rows.
const SIZE = { organizations: 200, dealsPerOrg: 20, spacesPerOrg: 10 };
const GUARDED = new Set(['email_drafts', 'emails', 'draft_versions', 'audit_events']);

let client: pg.Client;

beforeAll(async () => {
  client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  await generateBenchData(client, SIZE, { passwordHash: await hashPassword('echo-demo-password') });
}, 300_000);

afterAll(async () => {
  await client?.end();
});

type Statement = { sql: string; params: unknown[] };

async function statementsOf(work: () => Promise<unknown>): Promise<Statement[]> {
  const seen: Statement[] = [];
  const stop = onStatement((sql, params) => seen.push({ sql, params }));
  try {
    await work();
  } finally {
    stop();
  }
  return seen;
}

type PlanNode = { 'Node Type': string; 'Relation Name'?: string; Plans?: PlanNode[] };

function seqScans(node: PlanNode): string[] {
  const own = node['Node Type'] === 'Seq Scan' && node['Relation Name'] ? [node['Relation Name']] : [];
  return [...own, ...(node.Plans ?? []).flatMap(seqScans)];
}

type Explained = { 'QUERY PLAN': Array<{ Plan: PlanNode }> };

/**
 * The plan PostgreSQL may settle on for a prepared statement after its first five runs: one made
 * without the parameters' values (the inbox's and the draft's statements are prepared,
 * src/server/drafts/queries.ts).
 */
async function genericPlan(statement: Statement) {
  await client.query(`prepare guarded_statement as ${statement.sql}`);
  try {
    await client.query('set plan_cache_mode = force_generic_plan');
    // EXECUTE takes its arguments as literals, not as bound parameters.
    const values = statement.params.map((value) =>
      value === null || value === undefined
        ? 'null'
        : client.escapeLiteral(value instanceof Date ? value.toISOString() : String(value)),
    );
    return await client.query<Explained>(
      `explain (format json) execute guarded_statement${values.length ? `(${values.join(', ')})` : ''}`,
    );
  } finally {
    await client.query('reset plan_cache_mode');
    await client.query('deallocate guarded_statement');
  }
}

/** The guarded tables read by a sequential scan in any of these statements' plans. */
async function sequentialScansIn(statements: Statement[], options: { generic?: boolean } = {}) {
  const found: string[] = [];
  for (const statement of statements) {
    const { rows } = options.generic
      ? await genericPlan(statement)
      : await client.query<Explained>(`explain (format json) ${statement.sql}`, statement.params);
    const plan = rows[0]?.['QUERY PLAN'][0]?.Plan;
    if (!plan) throw new Error(`No plan for ${statement.sql}`);
    for (const table of seqScans(plan))
      if (GUARDED.has(table)) found.push(`${table} in: ${statement.sql.slice(0, 120)}`);
  }
  return found;
}

async function draftOf(organizationId: string) {
  const [row] = (
    await client.query<{ id: string; deal_id: string }>(
      `select id, deal_id from email_drafts where organization_id = $1 order by id limit 1`,
      [organizationId],
    )
  ).rows;
  if (!row) throw new Error('bench data has no draft');
  return { id: Number(row.id), dealId: Number(row.deal_id) };
}

describe('query plans at scale', () => {
  it('plans against the 20,000 drafts the guards are about', async () => {
    expect(await db.$count(emailDrafts)).toBe(SIZE.organizations * SIZE.dealsPerOrg * 5);
  });

  it('reads the inbox, its filters and a deep page without a sequential scan', async () => {
    const agent = await callerFor('bench-agent-7@bench.test');
    const first = await agent.drafts.list({ limit: 25 });
    const statements = await statementsOf(async () => {
      await agent.drafts.list({ status: 'pending', limit: 25 });
      await agent.drafts.list({ validation: 'failed', limit: 25 });
      await agent.drafts.list({ limit: 25, cursor: first.nextCursor });
    });
    expect(statements.length).toBeGreaterThan(0);
    expect(await sequentialScansIn(statements)).toEqual([]);
    expect(await sequentialScansIn(statements, { generic: true })).toEqual([]);
  });

  it('reads a draft, its thread and its deal without a sequential scan', async () => {
    const agent = await callerFor('bench-agent-8@bench.test');
    const draft = await draftOf('bench_org_8');
    const statements = await statementsOf(async () => {
      await agent.drafts.get({ id: draft.id });
      await agent.deals.get({ id: draft.dealId });
    });
    expect(await sequentialScansIn(statements)).toEqual([]);
    const draftStatements = await statementsOf(() => agent.drafts.get({ id: draft.id }));
    expect(await sequentialScansIn(draftStatements, { generic: true })).toEqual([]);
  });

  it('builds the board and the 30-day metrics without a sequential scan', async () => {
    const manager = await callerFor('bench-manager-9@bench.test');
    const from = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
    const statements = await statementsOf(async () => {
      await manager.deals.board({});
      await manager.metrics.summary({ from });
    });
    expect(await sequentialScansIn(statements)).toEqual([]);
  });
});

describe('statement counts', () => {
  it('runs the same number of statements for drafts.get whatever the number of versions and emails', async () => {
    const agent = await callerFor('bench-agent-11@bench.test');
    const draft = await draftOf('bench_org_11');
    const before = await statementsOf(() => agent.drafts.get({ id: draft.id }));

    // Thirty more versions and forty more emails on the same draft and deal.
    await client.query(
      `insert into draft_versions (organization_id, draft_id, version, body, confidence, reasoning, model, validation_status, validation)
       select organization_id, id, 2 + v, body, 50, '{"questionsAddressed": [], "dataUsed": []}', 'echo-offline-1', 'passed',
              '{"status": "passed", "issues": []}'
       from email_drafts cross join generate_series(1, 30) v where id = $1`,
      [draft.id],
    );
    await client.query(
      `insert into emails (organization_id, deal_id, direction, from_address, to_address, subject, body, message_id)
       select organization_id, deal_id, 'inbound', 'a@bench.test', 'b@bench.test', 'More', 'More mail', '<more-' || n || '@bench.test>'
       from email_drafts cross join generate_series(1, 40) n where id = $1`,
      [draft.id],
    );
    const after = await statementsOf(async () => {
      const loaded = await agent.drafts.get({ id: draft.id });
      expect(loaded.versions.length).toBe(33);
    });
    expect(after.length).toBe(before.length);
    expect(before.length).toBeLessThanOrEqual(6);
  });

  it('runs the same number of statements for drafts.list whatever the page size', async () => {
    const agent = await callerFor('bench-agent-12@bench.test');
    const small = await statementsOf(() => agent.drafts.list({ limit: 5 }));
    const large = await statementsOf(async () => {
      const page = await agent.drafts.list({ limit: 60 });
      expect(page.items.length).toBe(60);
    });
    expect(large.length).toBe(small.length);
  });
});
