/**
 * `npm run bench:suggestions`: `deals.suggestions` at 10,000 spaces in one organization. Seeds the
 * demo data when missing, adds the bench inventory to the demo brokerage, then times the procedure
 * (through a signed-in tRPC caller, as the app calls it) and the ranking query alone. Target: p95 ≤ 20 ms.
 * Runs on DATABASE_URL when given; otherwise on a database of its own (`echo_bench_suggestions`)
 * in the embedded dev PostgreSQL, so the 10,000 spaces never land in the dev database's demo.
 */
import pg from 'pg';
import { DEV_DATABASE, startEmbeddedPostgres } from '../../db/embedded';

const OWN_DATABASE = 'echo_bench_suggestions';
const embedded = process.env.DATABASE_URL ? null : await startEmbeddedPostgres(DEV_DATABASE);
if (embedded) {
  const admin = new pg.Client({ connectionString: embedded.url });
  await admin.connect();
  const found = await admin.query('select 1 from pg_database where datname = $1', [OWN_DATABASE]);
  if (found.rowCount === 0) await admin.query(`create database ${OWN_DATABASE}`);
  await admin.end();
  const own = new URL(embedded.url);
  own.pathname = `/${OWN_DATABASE}`;
  process.env.DATABASE_URL = own.toString();
}

// Imported once DATABASE_URL is settled: the process's pool reads it when it is created.
const { sql } = await import('drizzle-orm');
const { deals } = await import('../../db/schema');
const { auth } = await import('../../src/server/auth');
const { db, pool } = await import('../../src/server/db');
const { suggestSpaces } = await import('../../src/server/deals/shortlist/query');
const { createCaller } = await import('../../src/server/root');
const { DEMO_PASSWORD, isSeeded, seed } = await import('../../src/server/seed/seed');
const { createTRPCContext } = await import('../../src/server/trpc');
const { migrateAll } = await import('../migrate');
const { addSuggestionBenchSpaces, BENCH_ORGANIZATION } = await import('./suggestions-data');

const SPACES = Number(process.env.BENCH_SPACES ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 300);
const TARGET_P95_MS = 20;
const ORGANIZATION = BENCH_ORGANIZATION;

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

async function time(label: string, work: (index: number) => Promise<unknown>) {
  for (let i = 0; i < 20; i++) await work(i);
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await work(i);
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  const [p50, p95, p99] = [50, 95, 99].map((p) => percentile(samples, p));
  console.log(
    `${label.padEnd(34)} p50 ${p50?.toFixed(2)} ms  p95 ${p95?.toFixed(2)} ms  p99 ${p99?.toFixed(2)} ms  (${RUNS} calls)`,
  );
  return p95 ?? Number.NaN;
}

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('No database to run on');
  await migrateAll(url);
  if (!(await isSeeded(db))) await seed(db);
  await addSuggestionBenchSpaces(SPACES);
  const [{ count } = { count: 0 }] = (
    await db.execute<{ count: number }>(
      sql`select count(*)::int as count from spaces where organization_id = ${ORGANIZATION} and archived_at is null`,
    )
  ).rows;
  const dealRows = await db
    .select({ id: deals.id })
    .from(deals)
    .where(sql`${deals.organizationId} = ${ORGANIZATION}`);
  console.log(`deals.suggestions over ${count} live spaces in one organization, ${dealRows.length} deals\n`);

  const response = await auth.api.signInEmail({
    body: { email: 'agent@echo.test', password: DEMO_PASSWORD },
    asResponse: true,
  });
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const caller = createCaller(await createTRPCContext({ headers: new Headers({ cookie }) }));
  const dealAt = (i: number) => dealRows[i % dealRows.length]?.id ?? 0;

  const p95 = await time('deals.suggestions (procedure)', (i) => caller.deals.suggestions({ id: dealAt(i) }));
  await time('suggestSpaces (ranking query alone)', (i) =>
    suggestSpaces(db, { organizationId: ORGANIZATION, dealId: dealAt(i) }),
  );
  const isMet = p95 <= TARGET_P95_MS;
  console.log(`\n${isMet ? 'OK' : 'OVER'}: p95 ${p95.toFixed(2)} ms against a ${TARGET_P95_MS} ms target`);
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(async () => {
    await pool.end();
    await embedded?.stop();
  });
