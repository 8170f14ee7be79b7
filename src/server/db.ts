import { is } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import { createDatabase, type Executor, type Transaction } from '../../db/client';
import { env } from './env';

export type { Executor, Transaction } from '../../db/client';

// One pool per process, kept across Next.js dev reloads and shared by every copy of this module in
// it: Next.js's server bundles and, under `make start`, the API's own (scripts/web.ts).
const globalForDb = globalThis as unknown as { echoDatabase?: ReturnType<typeof createDatabase> };
const instance = globalForDb.echoDatabase ?? createDatabase(env.DATABASE_URL, env.DB_POOL_MAX);
globalForDb.echoDatabase = instance;

export const pool = instance.pool;
export const db = instance.db;

/**
 * Runs `work` in a transaction: the caller's, when it passes one, or a new one. `is` (Drizzle's
 * brand check, not `instanceof`) knows a transaction whichever copy of Drizzle made it.
 */
export function withTransaction<T>(executor: Executor, work: (tx: Transaction) => Promise<T>): Promise<T> {
  if (is(executor, PgTransaction)) return work(executor as Transaction);
  return executor.transaction(work);
}

/** A statement with placeholders: a query builder, or what its `.prepare(name)` returns. */
type Statement<Result> = { execute(placeholders?: Record<string, unknown>): Promise<Result> };

/**
 * A statement of fixed shape, every value a `sql.placeholder`: on the process's database it is
 * built once and a named prepared statement on each pooled connection, so a request pays neither
 * Drizzle's query building nor PostgreSQL's parse (PostgreSQL re-plans it when statistics change);
 * on a transaction (tests, scripts, services) it is built for that transaction.
 */
export function preparedStatement<Result>(
  name: string,
  build: (executor: Executor) => Statement<Result> & { prepare(name: string): Statement<Result> },
) {
  let prepared: Statement<Result> | undefined;
  return (executor: Executor): Statement<Result> => {
    if (executor !== db) return build(executor);
    prepared ??= build(db).prepare(name);
    return prepared;
  };
}
