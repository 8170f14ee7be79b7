import { sql } from 'drizzle-orm';
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
 * change that asked for it commits (the outbox pattern without an outbox table).
 */
export function inTransaction(tx: Transaction): PgBoss.Db {
  return {
    async executeSql(text: string, values: unknown[]) {
      const parts = text.split(/\$(\d+)/);
      const chunks = parts.map((part, index) =>
        index % 2 === 0 ? sql.raw(part) : sql.param(values[Number(part) - 1]),
      );
      const result = await tx.execute(sql.join(chunks));
      return { rows: result.rows };
    },
  };
}
