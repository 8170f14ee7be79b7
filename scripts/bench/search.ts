/**
 * `npm run bench:search` (in `make bench`): search.query's SQL on the bench data (`make bench-seed`:
 * 200,000 emails, 100,000 drafts, 20,000 deals, 10,000 spaces in 1,000 organizations), as an
 * agent of a random organization types it: common words that match every email of the
 * organization, a phrase, a seeker's address, a company, a word found nowhere. Prints p50/p95/p99
 * per query and overall — as the app sees it (wall clock, this process) and inside PostgreSQL
 * (planning + execution, from EXPLAIN ANALYZE of the same statement), since on a loaded machine the
 * first is mostly waiting for a CPU. Writes bench/search.json. Target: p95 ≤ 30 ms.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { createDatabase, onStatement } from '../../db/client';
import { DEV_DATABASE, startEmbeddedPostgres } from '../../db/embedded';
import { EMBEDDED_DATABASE_URL } from '../../src/server/env';
import { searchOrganization } from '../../src/server/search/queries';

const ROUNDS = Number(process.env.BENCH_SEARCH_ROUNDS ?? 60);
const TARGET_P95_MS = 30;

const embedded = process.env.DATABASE_URL ? null : await startEmbeddedPostgres(DEV_DATABASE);
const { db, pool } = createDatabase(process.env.DATABASE_URL || EMBEDDED_DATABASE_URL, 2);

const counts = await pool.query<{ orgs: number; emails: number }>(
  `select (select count(*)::int from organizations where id like 'bench_org_%') as orgs,
          (select count(*)::int from emails) as emails`,
);
const { orgs = 0, emails = 0 } = counts.rows[0] ?? {};
if (orgs === 0) throw new Error('No bench data: run `make bench-seed` first');

const queries: Array<{ name: string; q: (n: number) => string }> = [
  { name: 'common word (every email)', q: () => 'parking' },
  { name: 'two words', q: () => 'tour Tuesday' },
  { name: 'phrase', q: () => '"cost per month"' },
  { name: 'company', q: (n) => `Bench Company ${n * 20}` },
  { name: 'seeker address', q: (n) => `seeker-${n * 20}@bench.test` },
  { name: 'word found nowhere', q: () => 'xylophone' },
  { name: 'or / not', q: () => 'parking or dogs -tuesday' },
];

type Figures = { p50: number; p95: number; p99: number };
const round = (ms: number) => Math.round(ms * 100) / 100;
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
const figures = (times: number[]): Figures => {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
  };
};

// Deterministic organizations, so two runs compare.
let seed = 42;
const nextOrg = () => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return 1 + (seed % orgs);
};

let last: { sql: string; params: unknown[] } | null = null;
onStatement((sql, params) => {
  last = { sql, params };
});
/** Planning + execution of the last statement, as PostgreSQL reports them. */
async function inDatabaseMs(): Promise<number> {
  const statement = last as { sql: string; params: unknown[] } | null;
  if (!statement) throw new Error('no statement seen');
  const { rows } = await pool.query<{
    'QUERY PLAN': Array<{ 'Planning Time': number; 'Execution Time': number }>;
  }>(`explain (analyze, format json) ${statement.sql}`, statement.params);
  const plan = rows[0]?.['QUERY PLAN'][0];
  return (plan?.['Planning Time'] ?? Number.NaN) + (plan?.['Execution Time'] ?? Number.NaN);
}

// Warm the pool, the plan and the caches a running server would have.
for (let i = 0; i < 20; i += 1)
  await searchOrganization(db, { organizationId: `bench_org_${nextOrg()}`, q: 'parking', limit: 20 });

const all: number[] = [];
const allInDatabase: number[] = [];
const perQuery: Record<string, { app: Figures; database: Figures; results: number }> = {};
const loadBefore = os.loadavg()[0] ?? 0;
for (const query of queries) {
  const times: number[] = [];
  const inDatabase: number[] = [];
  let results = 0;
  for (let i = 0; i < ROUNDS; i += 1) {
    const n = nextOrg();
    const started = performance.now();
    const items = await searchOrganization(db, {
      organizationId: `bench_org_${n}`,
      q: query.q(n),
      limit: 20,
    });
    times.push(performance.now() - started);
    inDatabase.push(await inDatabaseMs());
    results += items.length;
  }
  all.push(...times);
  allInDatabase.push(...inDatabase);
  perQuery[query.name] = {
    app: figures(times),
    database: figures(inDatabase),
    results: Math.round(results / ROUNDS),
  };
}
const overall = { app: figures(all), database: figures(allInDatabase) };
const load = { before: round(loadBefore), after: round(os.loadavg()[0] ?? 0), cpus: os.cpus().length };

const ms = (value: number) => `${value.toFixed(1).padStart(6)} ms`;
const line = (name: string, f: { app: Figures; database: Figures }, tail = '') =>
  console.log(
    `  ${name.padEnd(26)} app p50 ${ms(f.app.p50)} p95 ${ms(f.app.p95)} p99 ${ms(f.app.p99)} │ in PostgreSQL p50 ${ms(f.database.p50)} p95 ${ms(f.database.p95)}${tail}`,
  );
console.log(
  `search.query on ${emails.toLocaleString('en-US')} emails in ${orgs} organizations, ${ROUNDS} runs per query (load average ${load.before} → ${load.after} on ${load.cpus} CPUs)`,
);
for (const [name, f] of Object.entries(perQuery)) line(name, f, `  (${f.results} results)`);
line('all', overall);
const verdict = (p95: number) => (p95 <= TARGET_P95_MS ? 'met' : 'missed');
console.log(
  `  target p95 ≤ ${TARGET_P95_MS} ms: ${verdict(overall.app.p95)} as the app sees it, ${verdict(overall.database.p95)} inside PostgreSQL`,
);
mkdirSync('bench', { recursive: true });
writeFileSync(
  'bench/search.json',
  `${JSON.stringify({ at: new Date().toISOString(), emails, organizations: orgs, rounds: ROUNDS, load, overall, perQuery }, null, 2)}\n`,
);

await pool.end();
await embedded?.stop();
