import type PgBoss from 'pg-boss';
import { deliverEmailJob } from './deliver-email';
import { generateDraftJobs } from './generate-draft';
import type { JobDefinition } from './job';

/** Every job the worker runs. Each lives in its own file beside this one. */
export const jobs: JobDefinition[] = [...generateDraftJobs, deliverEmailJob()];

export async function registerJobs(boss: PgBoss) {
  for (const job of jobs) {
    await boss.work(job.queue, { batchSize: 1, pollingIntervalSeconds: 0.5 }, job.handler);
  }
}
