import type PgBoss from 'pg-boss';
import { db } from '../db';
import { type DeliveryOptions, deliverEmail } from '../mail/delivery';
import { mailTransport } from '../mail/transport';
import { queues, readPayload } from '../queue';
import type { JobDefinition } from './job';

/**
 * Delivers outbound email queued by `drafts.send` / `drafts.retryDelivery`. Options exist for tests
 * (a transport against the fake Resend, no backoff); the worker uses the defaults.
 */
export function deliverEmailJob(options: Partial<DeliveryOptions> = {}): JobDefinition {
  return {
    queue: queues.deliverEmail.name,
    async handler(jobs: PgBoss.Job<unknown>[]) {
      for (const job of jobs) {
        const data = readPayload('deliverEmail', job);
        await deliverEmail(db, data, { ...options, transport: options.transport ?? mailTransport(db) });
      }
    },
  };
}
