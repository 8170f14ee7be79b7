import { and, eq, sql } from 'drizzle-orm';
import type PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devMailbox, emails } from '../../db/schema';
import { sendDraft, undoSend } from '../../src/server/drafts/service';
import { deliverEmailJob } from '../../src/server/jobs/deliver-email';
import { deliverEmail } from '../../src/server/mail/delivery';
import { devMailboxTransport } from '../../src/server/mail/dev-mailbox';
import { resendTransport } from '../../src/server/mail/resend';
import { createBoss, queues } from '../../src/server/queue';
import { type FakeResend, startFakeResend } from '../fakes/resend';
import { callerFor, db, seedDemo } from '../helpers';
import {
  auditOf,
  draftRow,
  emailRow,
  eventually,
  failure,
  makeDraft,
  OTHER,
  setSettings,
  TANDEM,
} from './support';

let fake: FakeResend;
let worker: PgBoss;

const otherAgent = { userId: 'user_other_agent', organizationId: OTHER, role: 'agent' as const };

beforeAll(async () => {
  await seedDemo();
  fake = await startFakeResend();
  // Tandem delivers at once (no undo window) through a real pg-boss worker against the fake Resend;
  // Other Brokerage keeps an hour-long window, so its jobs wait and undo can be tried.
  await setSettings(TANDEM, { undoWindowSeconds: 0 });
  await setSettings(OTHER, { undoWindowSeconds: 3600 });
  worker = await createBoss(undefined, { isWorker: true });
  const job = deliverEmailJob({
    transport: resendTransport({ apiKey: 're_test_key', baseUrl: fake.url }),
    backoffSeconds: () => 0,
    boss: worker,
  });
  await worker.work(job.queue, { batchSize: 1, pollingIntervalSeconds: 0.5 }, job.handler);
});

afterAll(async () => {
  await worker.stop({ graceful: false });
  await fake.close();
  const { getBoss } = await import('../../src/server/queue');
  await (await getBoss()).stop({ graceful: false });
});

const keyOf = (draftId: number) => `send/${draftId}`;
const requestsFor = (draftId: number) =>
  fake.emailRequests().filter((r) => r.idempotencyKey === keyOf(draftId));
const deliveriesFor = (draftId: number) => fake.deliveries.filter((d) => d.idempotencyKey === keyOf(draftId));

async function deliveryStatusOf(emailId: number, wanted: string[]) {
  return eventually(
    async () => {
      const email = await emailRow(emailId);
      return wanted.includes(email.deliveryStatus ?? '') ? email : undefined;
    },
    30_000,
    `email ${emailId} to reach ${wanted.join('/')}`,
  );
}

async function jobsOf(draftId: number) {
  const result = await db.execute<{ state: string; data: { attempt: number }; delay: number }>(
    sql`select state, data, extract(epoch from (start_after - created_on))::float as delay
        from pgboss.job where name = ${queues.deliverEmail.name} and singleton_key = ${keyOf(draftId)}
        order by created_on`,
  );
  return result.rows;
}

describe('drafts.send', () => {
  it('records the reply on the thread, marks the draft sent, clears the reply target, and delivers once', async () => {
    const { draft, inbound } = await makeDraft({ status: 'approved' });
    const caller = await callerFor('agent@echo.test');
    const { email } = await caller.drafts.send({ id: draft.id, revision: draft.revision });
    expect(email.deliveryStatus).toBe('queued');

    const row = await emailRow(email.id);
    expect(row).toMatchObject({
      direction: 'outbound',
      dealId: draft.dealId,
      subject: `Re: ${inbound.subject}`,
      inReplyTo: inbound.messageId,
      references: [...inbound.references, inbound.messageId],
      fromAddress: 'deals@tandem.echo.test',
      isAiGenerated: true,
      body: draft.body,
    });
    expect(row.messageId).toMatch(new RegExp(`^<draft-${draft.id}-[0-9a-f]+@tandem\\.echo\\.test>$`));
    expect(await draftRow(draft.id)).toMatchObject({
      status: 'sent',
      sentEmailId: email.id,
      sentBy: 'user_demo_agent',
      revision: draft.revision + 1,
    });
    expect((await emailRow(inbound.id)).repliedAt).toBeInstanceOf(Date);
    expect(await auditOf(draft.id, 'draft.sent')).toHaveLength(1);

    const delivered = await deliveryStatusOf(email.id, ['sent']);
    const [delivery] = deliveriesFor(draft.id);
    expect(delivered.providerMessageId).toBe(delivery?.id);
    expect(delivery).toMatchObject({ subject: row.subject, text: draft.body });
    expect(delivery?.headers).toMatchObject({
      'In-Reply-To': inbound.messageId,
      'Message-ID': row.messageId,
    });
    expect(requestsFor(draft.id)).toHaveLength(1);
  });

  it('keeps "Re:" subjects as they are', async () => {
    const { draft, inbound } = await makeDraft({ status: 'approved', organizationId: OTHER });
    await db.update(emails).set({ subject: 'RE: Tour' }).where(eq(emails.id, inbound.id));
    const { email } = await sendDraft(db, { id: draft.id, revision: draft.revision, actor: otherAgent });
    expect(email.subject).toBe('RE: Tour');
  });

  it('turns twenty simultaneous sends into one email and one delivery, the same email id for all', async () => {
    const { draft, inbound } = await makeDraft({ status: 'approved' });
    const callers = await Promise.all(Array.from({ length: 4 }, () => callerFor('agent@echo.test')));
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        callers[i % callers.length]?.drafts.send({ id: draft.id, revision: draft.revision }),
      ),
    );
    const ids = new Set(results.map((result) => result?.email.id));
    expect(ids.size).toBe(1);
    const outbound = await db
      .select()
      .from(emails)
      .where(and(eq(emails.inReplyTo, inbound.messageId), eq(emails.direction, 'outbound')));
    expect(outbound).toHaveLength(1);
    expect(await jobsOf(draft.id)).toHaveLength(1);
    const [emailId] = [...ids];
    if (!emailId) throw new Error('no email id');
    await deliveryStatusOf(emailId, ['sent']);
    expect(deliveriesFor(draft.id)).toHaveLength(1);
    expect(await auditOf(draft.id, 'draft.sent')).toHaveLength(1);
  });

  it('refuses a send at a stale revision with CONFLICT, and of a pending draft with PRECONDITION_FAILED', async () => {
    const { draft } = await makeDraft({ status: 'approved' });
    const caller = await callerFor('agent@echo.test');
    const stale = await failure(caller.drafts.send({ id: draft.id, revision: draft.revision + 3 }));
    expect(stale.code).toBe('CONFLICT');
    const { draft: pending } = await makeDraft();
    const wrong = await failure(caller.drafts.send({ id: pending.id, revision: pending.revision }));
    expect(wrong.code).toBe('PRECONDITION_FAILED');
    expect(wrong.message).toContain('pending');
  });
});

describe('delivery faults', () => {
  it('retries after 500, 500 and delivers once on the 200', async () => {
    fake.script({ kind: 'error', status: 500 }, { kind: 'error', status: 500 });
    const { draft } = await makeDraft({ status: 'approved' });
    const { email } = await sendDraft(db, {
      id: draft.id,
      revision: draft.revision,
      actor: { userId: 'user_demo_agent', organizationId: TANDEM, role: 'agent' },
    });
    const delivered = await deliveryStatusOf(email.id, ['sent']);
    expect(delivered.deliveryAttempts).toBe(3);
    expect(requestsFor(draft.id).map((r) => r.status)).toEqual([500, 500, 200]);
    expect(deliveriesFor(draft.id)).toHaveLength(1);
  });

  it('waits the Retry-After of a 429 before trying again', async () => {
    fake.script({ kind: 'error', status: 429, retryAfter: 2 });
    const { draft } = await makeDraft({ status: 'approved' });
    const caller = await callerFor('agent@echo.test');
    const { email } = await caller.drafts.send({ id: draft.id, revision: draft.revision });
    await deliveryStatusOf(email.id, ['sent']);
    const [first, second] = requestsFor(draft.id);
    expect([first?.status, second?.status]).toEqual([429, 200]);
    // The retry job was scheduled for after the Retry-After, not by the (zero) backoff.
    const retryJob = (await jobsOf(draft.id)).find((job) => job.data.attempt === 2);
    expect(retryJob?.delay).toBeGreaterThanOrEqual(2);
    expect((second?.receivedAt.getTime() ?? 0) - (first?.receivedAt.getTime() ?? 0)).toBeGreaterThanOrEqual(
      1_900,
    );
  });

  it('marks the email failed after the last retry, keeps the draft sent, and retryDelivery then succeeds with the same key', async () => {
    fake.failAlways();
    const { draft } = await makeDraft({ status: 'approved' });
    const caller = await callerFor('agent@echo.test');
    const { email } = await caller.drafts.send({ id: draft.id, revision: draft.revision });
    const failed = await deliveryStatusOf(email.id, ['failed']);
    expect(failed.deliveryAttempts).toBe(6);
    expect(failed.deliveryError).toMatch(/500/);
    expect((await draftRow(draft.id)).status).toBe('sent');
    expect(await auditOf(email.id, 'email.delivery_failed')).toHaveLength(1);
    const listed = await caller.drafts.list({ status: 'needs_attention', limit: 100 });
    expect(listed.items.find((item) => item.id === draft.id)?.deliveryStatus).toBe('failed');

    fake.heal();
    const retried = await caller.drafts.retryDelivery({ id: draft.id });
    expect(retried.email).toMatchObject({ id: email.id, deliveryStatus: 'queued' });
    await deliveryStatusOf(email.id, ['sent']);
    const requests = requestsFor(draft.id);
    expect(requests).toHaveLength(7);
    expect(new Set(requests.map((r) => r.idempotencyKey))).toEqual(new Set([keyOf(draft.id)]));
    expect(deliveriesFor(draft.id)).toHaveLength(1);
  });

  it('does not retry a 4xx refusal', async () => {
    fake.script({ kind: 'error', status: 422, name: 'validation_error', message: 'Invalid `to` field' });
    const { draft } = await makeDraft({ status: 'approved' });
    const caller = await callerFor('agent@echo.test');
    const { email } = await caller.drafts.send({ id: draft.id, revision: draft.revision });
    const failed = await deliveryStatusOf(email.id, ['failed']);
    expect(failed.deliveryError).toContain('Invalid `to` field');
    expect(requestsFor(draft.id)).toHaveLength(1);
  });
});

describe('the outbox', () => {
  it('has the delivery job as soon as the send commits', async () => {
    const { draft } = await makeDraft({ status: 'approved', organizationId: OTHER });
    await sendDraft(db, { id: draft.id, revision: draft.revision, actor: otherAgent });
    expect((await jobsOf(draft.id)).map((job) => job.state)).toEqual(['created']);
  });

  it('loses nothing and leaves nothing behind when the transaction dies after the enqueue', async () => {
    const { draft, inbound } = await makeDraft({ status: 'approved', organizationId: OTHER });
    const crash = db.transaction(async (tx) => {
      await sendDraft(tx, { id: draft.id, revision: draft.revision, actor: otherAgent });
      throw new Error('process died before commit');
    });
    await expect(crash).rejects.toThrow('process died before commit');
    expect(await jobsOf(draft.id)).toEqual([]);
    expect(await draftRow(draft.id)).toEqual(draft);
    const outbound = await db.select().from(emails).where(eq(emails.inReplyTo, inbound.messageId));
    expect(outbound).toEqual([]);
    expect((await emailRow(inbound.id)).repliedAt).toBeNull();
    expect(await auditOf(draft.id)).toEqual([]);
  });
});

describe('undo send', () => {
  const sentAt = new Date('2026-11-29T10:00:00Z');
  const later = (seconds: number) => new Date(sentAt.getTime() + seconds * 1000);

  it('within the window: cancels the email and the job, reopens the draft, and nothing reaches Resend', async () => {
    const { draft, inbound } = await makeDraft({ status: 'approved', organizationId: OTHER });
    const { email } = await sendDraft(db, {
      id: draft.id,
      revision: draft.revision,
      actor: otherAgent,
      now: sentAt,
    });
    const undone = await undoSend(db, { id: draft.id, actor: otherAgent, now: later(5) });
    expect(undone.draft).toMatchObject({
      status: 'approved',
      sentEmailId: null,
      revision: draft.revision + 2,
    });
    expect((await emailRow(email.id)).deliveryStatus).toBe('cancelled');
    expect((await emailRow(inbound.id)).repliedAt).toBeNull();
    expect((await jobsOf(draft.id)).map((job) => job.state)).toEqual(['cancelled']);
    expect(await auditOf(draft.id, 'draft.send_undone')).toHaveLength(1);

    // Even a job that ran anyway finds nothing to deliver.
    const outcome = await deliverEmail(
      db,
      { emailId: email.id, draftId: draft.id, organizationId: OTHER, attempt: 1 },
      { transport: resendTransport({ apiKey: 're_test_key', baseUrl: fake.url }) },
    );
    expect(outcome.outcome).toBe('skipped');
    expect(requestsFor(draft.id)).toEqual([]);

    // The history keeps the cancelled email; sending again records a new one.
    const again = await sendDraft(db, {
      id: draft.id,
      revision: undone.draft.revision,
      actor: otherAgent,
      now: later(60),
    });
    expect(again.email.id).not.toBe(email.id);
  });

  it('after the window: refused, and the email stays queued', async () => {
    const { draft } = await makeDraft({ status: 'approved', organizationId: OTHER });
    const { email } = await sendDraft(db, {
      id: draft.id,
      revision: draft.revision,
      actor: otherAgent,
      now: sentAt,
    });
    const error = await failure(undoSend(db, { id: draft.id, actor: otherAgent, now: later(3600) }));
    expect(error.code).toBe('PRECONDITION_FAILED');
    expect(error.message).toMatch(/undo window/);
    expect((await emailRow(email.id)).deliveryStatus).toBe('queued');
    expect((await draftRow(draft.id)).status).toBe('sent');
  });

  it('refuses once a worker has started delivering', async () => {
    const { draft } = await makeDraft({ status: 'approved', organizationId: OTHER });
    const { email } = await sendDraft(db, {
      id: draft.id,
      revision: draft.revision,
      actor: otherAgent,
      now: sentAt,
    });
    await db.update(emails).set({ deliveryAttempts: 1 }).where(eq(emails.id, email.id));
    const error = await failure(undoSend(db, { id: draft.id, actor: otherAgent, now: later(1) }));
    expect(error.code).toBe('PRECONDITION_FAILED');
    expect(error.message).toMatch(/already started/);
  });
});

describe('the development mailbox', () => {
  it('files the email once per idempotency key and marks it delivered', async () => {
    const { draft } = await makeDraft({ status: 'approved', organizationId: OTHER });
    const { email } = await sendDraft(db, { id: draft.id, revision: draft.revision, actor: otherAgent });
    const transport = devMailboxTransport(db);
    const data = { emailId: email.id, draftId: draft.id, organizationId: OTHER, attempt: 1 };
    const outcome = await deliverEmail(db, data, { transport });
    expect(outcome).toMatchObject({ outcome: 'accepted', status: 'delivered' });
    // A replayed attempt (say, the job ran twice) files nothing new.
    await transport.send({
      organizationId: OTHER,
      emailId: email.id,
      from: 'x@y.z',
      to: 'a@b.c',
      subject: 's',
      text: 't',
      headers: {},
      idempotencyKey: keyOf(draft.id),
    });
    const rows = await db
      .select()
      .from(devMailbox)
      .where(eq(devMailbox.idempotencyKey, keyOf(draft.id)));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ emailId: email.id, subject: email.subject, organizationId: OTHER });
    expect(await emailRow(email.id)).toMatchObject({
      deliveryStatus: 'delivered',
      providerMessageId: `dev-mailbox-${rows[0]?.id}`,
    });

    // The /dev/mailbox page lists it for its own organization only.
    const listed = await (await callerFor('agent@other.test')).drafts.devMailbox();
    expect(listed.map((message) => message.idempotencyKey)).toContain(keyOf(draft.id));
    const tandem = await (await callerFor('agent@echo.test')).drafts.devMailbox();
    expect(tandem.map((message) => message.organizationId)).not.toContain(OTHER);
  });
});
