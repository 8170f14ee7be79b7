import { PgTransaction } from 'drizzle-orm/pg-core';
import { createDatabase, type Executor, type Transaction } from '../../db/client';
import { env } from './env';

export type { Executor, Transaction } from '../../db/client';

// One pool per process, kept across Next.js dev reloads.
const globalForDb = globalThis as unknown as { echoDatabase?: ReturnType<typeof createDatabase> };
const instance = globalForDb.echoDatabase ?? createDatabase(env.DATABASE_URL, env.DB_POOL_MAX);
globalForDb.echoDatabase = instance;

export const pool = instance.pool;
export const db = instance.db;

/** Runs `work` in a transaction: the caller's, when it passes one, or a new one. */
export function withTransaction<T>(executor: Executor, work: (tx: Transaction) => Promise<T>): Promise<T> {
  if (executor instanceof PgTransaction) return work(executor as Transaction);
  return executor.transaction(work);
}
