import { randomUUID } from 'node:crypto';
import { desc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { deals, emailDrafts, emails } from '../../db/schema';
import { POST } from '../../src/app/api/webhooks/resend/route';
import { getBoss } from '../../src/server/queue';
import { db, seedDemo } from '../helpers';
import { draftCounts, draftJobs, receivedEvent, runDraftJobs, signedRequest } from './support';

const {
  fake,
  secret,
  stop: stopInboundEnvironment,
} = await vi.hoisted(async () => (await import('../fakes/resend-inbound')).startInboundEnvironment());

const INBOX = 'inbox@tandem.echo.test';

beforeAll(async () => {
  await seedDemo(new Date());
  await getBoss();
});

afterAll(async () => {
  await (await getBoss()).stop({ graceful: false, wait: true });
  await stopInboundEnvironment();
});

describe('200 webhooks posted at once', () => {
  it('stores every email once, opens one deal per new sender, queues one draft job per email and leaves one pending draft per thread', async () => {
    const distinct = 150;
    const senders = 30;
    const deliveries: Array<{ emailId: string; svixId: string }> = [];
    for (let n = 0; n < distinct; n++) {
      const emailId = `rcv_burst_${n}`;
      fake.add({
        id: emailId,
        from: `seeker${n % senders}@burst${n % senders}.example`,
        to: [INBOX],
        subject: `Burst ${n}`,
        text: `Message number ${n}`,
        message_id: `<burst-${n}@burst.example>`,
      });
      deliveries.push({ emailId, svixId: `msg_${randomUUID()}` });
    }
    // 50 more: 25 replays of a delivery (same svix-id), 25 redeliveries under a new svix-id.
    for (let n = 0; n < 50; n++) {
      const original = deliveries[n];
      if (!original) throw new Error('missing delivery');
      deliveries.push({
        emailId: original.emailId,
        svixId: n < 25 ? original.svixId : `msg_${randomUUID()}`,
      });
    }
    expect(deliveries).toHaveLength(200);

    const responses = await Promise.all(
      deliveries.map(({ emailId, svixId }) =>
        POST(signedRequest(secret, receivedEvent(emailId, INBOX), { svixId })),
      ),
    );
    expect(responses.map((response) => response.status)).toEqual(deliveries.map(() => 200));

    const stored = await db
      .select({ id: emails.id, messageId: emails.messageId })
      .from(emails)
      .where(sql`${emails.messageId} like '<burst-%'`);
    expect(stored).toHaveLength(distinct);
    expect(new Set(stored.map((email) => email.messageId)).size).toBe(distinct);

    const newDeals = await db.select().from(deals).where(sql`${deals.seekerEmail} like 'seeker%@burst%'`);
    expect(newDeals).toHaveLength(senders);

    const jobs = (await draftJobs()).filter((job) =>
      stored.some((email) => String(email.id) === job.inbound_email_id),
    );
    expect(jobs).toHaveLength(distinct);
    expect(new Set(jobs.map((job) => job.inbound_email_id)).size).toBe(distinct);

    const [webhookRows] = (
      await db.execute<{ count: number }>(sql`select count(*)::int as count from webhook_events`)
    ).rows;
    expect(webhookRows?.count).toBe(175);

    // The worker's handler, four at a time, each job run twice as a retry would: every thread ends
    // with one pending draft, answering its latest email (the earlier ones are its older versions).
    await runDraftJobs(2);
    const drafts = await draftCounts();
    for (const deal of newDeals) {
      const onDeal = await db.select().from(emailDrafts).where(eq(emailDrafts.dealId, deal.id));
      expect(onDeal.map((draft) => draft.status)).toEqual(['pending']);
      const [latest] = await db
        .select({ id: emails.id })
        .from(emails)
        .where(eq(emails.dealId, deal.id))
        .orderBy(desc(emails.sentAt), desc(emails.id))
        .limit(1);
      expect(onDeal[0]?.inboundEmailId).toBe(latest?.id);
    }
    expect([...drafts.values()].every((count) => count === 1)).toBe(true);

    const [oneDeal] = newDeals;
    if (!oneDeal) throw new Error('no deal');
    const thread = await db.select().from(emails).where(eq(emails.dealId, oneDeal.id));
    expect(thread).toHaveLength(distinct / senders);
  }, 120_000);
});
