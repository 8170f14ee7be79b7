import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Executor, Transaction } from '../../db/client';

export type { Executor, Transaction } from '../../db/client';

/** Runs `work` in a transaction: the caller's, when it passes one, or a new one. */
export function withTransaction<T>(executor: Executor, work: (tx: Transaction) => Promise<T>): Promise<T> {
  if (executor instanceof PgTransaction) return work(executor as Transaction);
  return executor.transaction(work);
}
