import type PgBoss from 'pg-boss';

/** A job handler: `queue` is a name from `queues`; the handler runs one job at a time. */
export type JobDefinition = {
  queue: string;
  handler: (jobs: PgBoss.Job<unknown>[]) => Promise<void>;
};
