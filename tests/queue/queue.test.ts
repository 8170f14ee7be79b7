import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../src/server/audit';
import { withTransaction } from '../../src/server/db';
import { simulateInboundEmail } from '../../src/server/inbound/service';
import {
  DELIVERY_ATTEMPT_TIMEOUT_MS,
  enqueue,
  getBoss,
  MAINTENANCE_INTERVAL_SECONDS,
  QueueMissingError,
  queues,
  stopBoss,
} from '../../src/server/queue';
import { db, seedDemo } from '../helpers';

afterAll(async () => {
  await stopBoss();
});

describe('pg-boss is owned by src/server/queue.ts', () => {
  it('finds every queue, with its policy, in a freshly migrated database (created at migrate time)', async () => {
    const result = await db.execute<{ name: string; retry_limit: number; dead_letter: string | null }>(
      sql`select name, retry_limit, dead_letter from pgboss.queue order by name`,
    );
    expect(result.rows).toEqual(
      Object.values(queues)
        .map((queue) => ({
          name: queue.name,
          retry_limit: queue.retryLimit,
          dead_letter: 'deadLetter' in queue ? queue.deadLetter : null,
        }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    );
  });

  it('expires an email.deliver job just after the Resend call times out, so a crashed delivery is retried within a minute', async () => {
    const id = await withTransaction(db, (tx) =>
      enqueue(tx, 'deliverEmail', { emailId: 1, draftId: 1, organizationId: 'org_tandem_demo' }),
    );
    const result = await db.execute<{ seconds: number; retry_delay: number }>(
      sql`select extract(epoch from expire_in)::int as seconds, retry_delay from pgboss.job where id = ${id}`,
    );
    const job = result.rows[0];
    if (!job) throw new Error('the job was not written');
    expect(job.seconds).toBeGreaterThan(DELIVERY_ATTEMPT_TIMEOUT_MS / 1000);
    // Expired, noticed by the next maintenance run, then the first retry delay: under a minute.
    expect(job.seconds + MAINTENANCE_INTERVAL_SECONDS + job.retry_delay).toBeLessThan(60);
  });

  it('never creates a queue from the web process: a missing queue stays missing and enqueueing says so', async () => {
    await seedDemo();
    await db.execute(sql`delete from pgboss.job where name = 'email.deliver'`);
    await db.execute(sql`select pgboss.delete_queue('email.deliver')`);
    await getBoss();
    const left = await db.execute(sql`select 1 from pgboss.queue where name = 'email.deliver'`);
    expect(left.rows).toHaveLength(0);
    await expect(
      withTransaction(db, (tx) =>
        enqueue(tx, 'deliverEmail', { emailId: 1, draftId: 1, organizationId: 'org_tandem_demo' }),
      ),
    ).rejects.toBeInstanceOf(QueueMissingError);
    // The other queues are untouched and take jobs as before.
    const result = await simulateInboundEmail(db, {
      organizationId: 'org_tandem_demo',
      actor: SYSTEM,
      from: 'queue.test@example.com',
      subject: 'Queues',
      body: 'Is the loft free?',
    });
    expect(result.status).toBe('received');
  });

  it('checks a payload against its queue schema before writing the job', async () => {
    await expect(
      withTransaction(db, (tx) => enqueue(tx, 'generateDraft', { organizationId: '', inboundEmailId: -1 })),
    ).rejects.toThrow(/organizationId|inboundEmailId/);
  });
});
