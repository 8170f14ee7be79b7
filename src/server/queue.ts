/**
 * The one owner of pg-boss: the queues and their policies, the payload of each job (typed once,
 * here), starting a boss, creating the queues (at migrate time, never from a running app) and
 * enqueueing inside a transaction. `jobs/` holds the handlers and the worker entry, nothing else.
 */
import type { PoolClient } from 'pg';
import PgBoss from 'pg-boss';
import { z } from 'zod';
import type { Transaction } from './db';

/**
 * How long one delivery attempt may wait on the mail provider. The `email.deliver` expiry is derived
 * from it: a worker that dies mid-call leaves its job active, and pg-boss hands it to another worker
 * only once the job has expired, so the expiry must be just long enough for an attempt that is alive.
 */
export const DELIVERY_ATTEMPT_TIMEOUT_MS = 15_000;
/** The claim and the status write around the provider call. */
const DELIVERY_BOOKKEEPING_SECONDS = 10;
/**
 * How often a worker looks for expired jobs (pg-boss's default is 2 minutes). With the expiry this
 * bounds how long a crashed delivery waits: expiry + this + the first retry delay, well under a minute.
 */
export const MAINTENANCE_INTERVAL_SECONDS = 10;

/** `email.deliver`: one attempt at one outbound email. */
export const deliverEmailPayload = z.object({
  emailId: z.number().int().positive(),
  draftId: z.number().int().positive(),
  organizationId: z.string().min(1),
  /** 1 for the first try of a send (or of a retryDelivery); each transient failure queues the next. */
  attempt: z.number().int().positive().default(1),
});
export type DeliverEmailPayload = z.infer<typeof deliverEmailPayload>;

/** `draft.generate` (and its dead letters): the first draft for one inbound email. */
export const generateDraftPayload = z.object({
  organizationId: z.string().min(1),
  inboundEmailId: z.number().int().positive(),
});
export type GenerateDraftPayload = z.infer<typeof generateDraftPayload>;

/** Every queue the app uses, with its retry policy. Created by `createQueues` when the database is migrated. */
export const queues = {
  deliverEmail: {
    name: 'email.deliver',
    retryLimit: 5,
    retryDelay: 2,
    retryBackoff: true,
    expireInSeconds: DELIVERY_ATTEMPT_TIMEOUT_MS / 1000 + DELIVERY_BOOKKEEPING_SECONDS,
  },
  generateDraft: {
    name: 'draft.generate',
    retryLimit: 3,
    retryDelay: 5,
    retryBackoff: true,
    deadLetter: 'draft.generate.dead',
  },
  generateDraftDead: { name: 'draft.generate.dead', retryLimit: 0 },
} as const satisfies Record<string, PgBoss.Queue>;

export type QueueKey = keyof typeof queues;

/** The payload schema of each queue: what `enqueue` checks before writing and handlers read back. */
export const payloads = {
  deliverEmail: deliverEmailPayload,
  generateDraft: generateDraftPayload,
  generateDraftDead: generateDraftPayload,
} as const satisfies Record<QueueKey, z.ZodType>;

export type JobPayload<K extends QueueKey> = z.input<(typeof payloads)[K]>;

/** A job's data read back through its queue's schema (a malformed payload throws, so pg-boss retries or dead-letters it). */
export function readPayload<K extends QueueKey>(queue: K, job: Pick<PgBoss.Job<unknown>, 'data'>) {
  return payloads[queue].parse(job.data) as z.infer<(typeof payloads)[K]>;
}

/** The job was not written: the queue does not exist (the database was not migrated). */
export class QueueMissingError extends Error {
  constructor(queue: string) {
    super(`The job queue "${queue}" does not exist: run \`make db-migrate\` (it creates the queues)`);
    this.name = 'QueueMissingError';
  }
}

function newBoss(connectionString: string, role: 'web' | 'worker' | 'migrate') {
  const isWorker = role === 'worker';
  const boss = new PgBoss({
    connectionString,
    application_name: `echo-${role}`,
    max: isWorker ? 4 : role === 'web' ? 2 : 1,
    // Only workers run maintenance (expiry, archiving) and the clock; the web process just enqueues.
    supervise: isWorker,
    schedule: isWorker,
    maintenanceIntervalSeconds: MAINTENANCE_INTERVAL_SECONDS,
  });
  boss.on('error', (error) => console.error(`[queue:${role}]`, error));
  return boss;
}

/** A started pg-boss. It creates no queues: `createQueues` did that when the database was migrated. */
export async function createBoss(
  connectionString?: string,
  options: { isWorker: boolean } = { isWorker: false },
) {
  // The environment is read only when no URL is given: migrate-time callers (test and e2e setup)
  // import this module before they set DATABASE_URL, and env.ts reads it once, on first import.
  const url = connectionString ?? (await import('./env')).env.DATABASE_URL;
  const boss = newBoss(url, options.isWorker ? 'worker' : 'web');
  await boss.start();
  return boss;
}

/**
 * pg-boss's schema and every queue in `queues`, created or brought up to date (policies change in
 * code, so an existing queue is updated too). Runs once per migration, in one process, so no two
 * processes race on `pgboss.queue` (a web process and a starting worker once deadlocked there).
 */
export async function createQueues(connectionString: string) {
  const boss = newBoss(connectionString, 'migrate');
  await boss.start();
  try {
    // Dead-letter queues first: a queue naming one that does not exist yet is refused.
    const ordered = Object.values(queues).sort(
      (a, b) => Number('deadLetter' in a) - Number('deadLetter' in b),
    );
    for (const queue of ordered) {
      if (await boss.getQueue(queue.name)) await boss.updateQueue(queue.name, queue);
      else await boss.createQueue(queue.name, queue);
    }
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
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

/** Stops the process's enqueue-only pg-boss when one was started (tests, scripts). */
export async function stopBoss() {
  const started = globalForBoss.echoBoss;
  globalForBoss.echoBoss = undefined;
  if (started) await (await started).stop({ graceful: false, wait: true });
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

/**
 * Queues a job through the caller's transaction: it exists exactly when the transaction commits.
 * The payload is checked against its queue's schema first.
 */
export async function enqueue<K extends QueueKey>(
  tx: Transaction,
  queue: K,
  data: JobPayload<K>,
  options: { startAfterSeconds?: number; singletonKey?: string; boss?: PgBoss } = {},
): Promise<string> {
  const payload = payloads[queue].parse(data);
  const boss = options.boss ?? (await getBoss());
  const seconds = options.startAfterSeconds ?? 0;
  const id = await boss.send(queues[queue].name, payload, {
    db: inTransaction(tx),
    // A Date, not seconds: `inTransaction` gives each `$n` occurrence its own parameter, and pg-boss
    // uses the start-after parameter three times with different types; only an ISO time binds in all three.
    startAfter: seconds > 0 ? new Date(Date.now() + seconds * 1000) : undefined,
    singletonKey: options.singletonKey,
  });
  // pg-boss inserts through a join on its queue table: no row means no such queue.
  if (!id) throw new QueueMissingError(queues[queue].name);
  return id;
}

/** Cancels the jobs of `queue` with this singleton key that no worker has picked up yet; returns their ids. */
export async function cancelQueued(
  tx: Transaction,
  queue: QueueKey,
  params: { singletonKey: string; boss?: PgBoss },
): Promise<string[]> {
  const boss = params.boss ?? (await getBoss());
  const name = queues[queue].name;
  // pg-boss keeps jobs in its own schema; the singleton key is how we find a draft's jobs without storing ids.
  const result = await inTransaction(tx).executeSql(
    `select id::text as id from pgboss.job where name = $1 and singleton_key = $2 and state in ('created', 'retry')`,
    [name, params.singletonKey],
  );
  const ids = (result.rows as { id: string }[]).map((row) => row.id);
  if (ids.length) await boss.cancel(name, ids, { db: inTransaction(tx) });
  return ids;
}
