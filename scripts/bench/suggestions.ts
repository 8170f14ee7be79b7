/**
 * `npm run bench:suggestions`: `deals.suggestions` at 10,000 spaces in one organization. Seeds the
 * demo data when missing, adds the bench inventory to the demo brokerage, then times the procedure
 * (through a signed-in tRPC caller, as the app calls it) and the ranking query alone. Target: p95 ≤ 20 ms.
 * Needs DATABASE_URL (never the embedded dev database: use a database of your own).
 */
import { sql } from 'drizzle-orm';
import { deals } from '../../db/schema';
import { auth } from '../../src/server/auth';
import { db, pool } from '../../src/server/db';
import { suggestSpaces } from '../../src/server/deals/shortlist/query';
import { createCaller } from '../../src/server/root';
import { DEMO_PASSWORD, isSeeded, seed } from '../../src/server/seed/seed';
import { createTRPCContext } from '../../src/server/trpc';
import { migrateAll } from '../migrate';
import { addSuggestionBenchSpaces, BENCH_ORGANIZATION } from './suggestions-data';

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
  if (!url) throw new Error('Set DATABASE_URL to a database of your own (not the embedded dev one).');
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
  process.exitCode = isMet ? 0 : 1;
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => pool.end());
