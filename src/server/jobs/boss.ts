import type { PoolClient } from 'pg';
import PgBoss from 'pg-boss';
import type { Transaction } from '../db';
import { env } from '../env';

/** Every queue the app uses, with its retry policy; created at start so `send` never races a missing queue. */
export const queues = {
  deliverEmail: { name: 'email.deliver', retryLimit: 5, retryDelay: 2, retryBackoff: true },
  generateDraft: {
    name: 'draft.generate',
    retryLimit: 3,
    retryDelay: 5,
    retryBackoff: true,
    deadLetter: 'draft.generate.dead',
  },
  generateDraftDead: { name: 'draft.generate.dead', retryLimit: 0 },
} as const satisfies Record<string, PgBoss.Queue>;

export async function createBoss(
  connectionString = env.DATABASE_URL,
  options: { isWorker: boolean } = { isWorker: false },
) {
  const boss = new PgBoss({
    connectionString,
    application_name: options.isWorker ? 'echo-worker' : 'echo-web',
    max: options.isWorker ? 4 : 2,
    // Only workers run maintenance and the clock; the web process just enqueues.
    supervise: options.isWorker,
    schedule: options.isWorker,
  });
  boss.on('error', (error) => console.error('[jobs]', error));
  await boss.start();
  // Dead-letter queues first: a queue naming one that does not exist yet is refused.
  const ordered = Object.values(queues).sort((a, b) => Number('deadLetter' in a) - Number('deadLetter' in b));
  for (const queue of ordered) await boss.createQueue(queue.name, queue);
  return boss;
}

const globalForBoss = globalThis as unknown as { echoBoss?: Promise<PgBoss> };

/** The process's enqueue-only pg-boss, started on first use. */
export function getBoss(): Promise<PgBoss> {
  if (!globalForBoss.echoBoss) {
    globalForBoss.echoBoss = createBoss().catch((error) => {
      globalForBoss.echoBoss = undefined;
      throw error;
    });
  }
  return globalForBoss.echoBoss;
}

/**
 * Lets pg-boss write its job through our open transaction, so the job exists exactly when the
 * change that asked for it commits (the outbox pattern without an outbox table). pg-boss's SQL
 * reuses a placeholder with different casts, so it must run as written, on the transaction's own
 * connection, not re-parameterised through Drizzle.
 */
export function inTransaction(tx: Transaction): PgBoss.Db {
  // Drizzle keeps the node-postgres client of a transaction on its session; it is not public API.
  const client = (tx as unknown as { session?: { client?: Pick<PoolClient, 'query'> } }).session?.client;
  if (!client || typeof client.query !== 'function') {
    throw new Error('The transaction has no node-postgres client to enqueue jobs through');
  }
  return {
    async executeSql(text: string, values: unknown[]) {
      const result = await client.query(text, values);
      return { rows: result.rows };
    },
  };
}
