import { migrateDatabase } from '../db/migrate';
import { createQueues } from '../src/server/queue';

/**
 * What "migrated" means for Echo: the committed SQL migrations in `drizzle/`, then pg-boss's schema
 * and the job queues. Every script and test setup migrates through here, so no running process
 * ever creates a queue (two processes doing so at start once deadlocked).
 */
export async function migrateAll(connectionString: string) {
  await migrateDatabase(connectionString);
  await createQueues(connectionString);
}
