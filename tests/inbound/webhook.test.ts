import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { auditEvents, deals, emailDrafts, emails, webhookEvents } from '../../db/schema';
import { POST } from '../../src/app/api/webhooks/resend/route';
import { getBoss } from '../../src/server/queue';
import { db, seedDemo } from '../helpers';
import {
  deliveryEvent,
  draftCounts,
  draftJobs,
  receivedEvent,
  runDraftJobs,
  signedRequest,
  writtenCounts,
} from './support';

// The route reads RESEND_* from the environment once: the fake receiving API and the secret must
// be in place before anything imports src/server/env.ts.
const {
  fake,
  secret,
  stop: stopInboundEnvironment,
} = await vi.hoisted(async () => (await import('../fakes/resend-inbound')).startInboundEnvironment());

const TANDEM_INBOX = 'inbox@tandem.echo.test';

async function acmeThread() {
  const [deal] = await db.select().from(deals).where(eq(deals.companyName, 'Acme Analytics'));
  if (!deal) throw new Error('seed has no Acme deal');
  const thread = await db.select().from(emails).where(eq(emails.dealId, deal.id)).orderBy(emails.sentAt);
  const last = thread.at(-1);
  if (!last) throw new Error('Acme has no thread');
  return { deal, last };
}

beforeAll(async () => {
  await seedDemo(new Date());
  await getBoss();
});

afterAll(async () => {
  await (await getBoss()).stop({ graceful: false, wait: true });
  await stopInboundEnvironment();
});

describe('POST /api/webhooks/resend — email.received', () => {
  it('stores a signed email on the deal its In-Reply-To points at, with its deadline, audit and one draft job', async () => {
    const { deal, last } = await acmeThread();
    fake.add({
      id: 'rcv_reply_1',
      from: 'Priya Shah <priya@acmeanalytics.example>',
      to: [TANDEM_INBOX],
      subject: 'Re: Tour on Tuesday',
      text: 'Tuesday works.\n\nOn Mon, Priya wrote:\n> earlier text\n\n-- \nPriya',
      headers: { 'In-Reply-To': last.messageId, References: last.messageId },
      message_id: '<reply-1@acmeanalytics.example>',
      created_at: '2026-11-29T10:00:00.000Z',
    });
    const before = await writtenCounts();

    const response = await POST(signedRequest(secret, receivedEvent('rcv_reply_1', TANDEM_INBOX)));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({
      status: 'received',
      dealId: deal.id,
      matchedBy: 'thread',
      isNewDeal: false,
    });

    const [stored] = await db
      .select()
      .from(emails)
      .where(eq(emails.messageId, '<reply-1@acmeanalytics.example>'));
    expect(stored).toMatchObject({
      dealId: deal.id,
      direction: 'inbound',
      fromAddress: 'priya@acmeanalytics.example',
      fromName: 'Priya Shah',
      inReplyTo: last.messageId,
      providerMessageId: 'rcv_reply_1',
      bodyClean: 'Tuesday works.',
    });
    expect(stored?.body).toContain('> earlier text');
    // Tandem's reply-time target is the default 4 hours.
    expect(stored?.replyDeadlineAt?.toISOString()).toBe('2026-11-29T14:00:00.000Z');

    const audit = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'email.received'), eq(auditEvents.entityId, String(stored?.id))));
    expect(audit).toHaveLength(1);
    expect((await draftJobs()).filter((job) => job.inbound_email_id === String(stored?.id))).toHaveLength(1);

    const after = await writtenCounts();
    expect(after).toMatchObject({
      emails: before.emails + 1,
      deals: before.deals,
      webhooks: before.webhooks + 1,
      jobs: before.jobs + 1,
    });

    // Acme's thread has a pending draft: the email brings it up to date (a new version answering the
    // thread's latest email) instead of a second draft.
    const pendingBefore = await db
      .select()
      .from(emailDrafts)
      .where(and(eq(emailDrafts.dealId, deal.id), eq(emailDrafts.status, 'pending')));
    await runDraftJobs();
    const pendingAfter = await db
      .select()
      .from(emailDrafts)
      .where(and(eq(emailDrafts.dealId, deal.id), eq(emailDrafts.status, 'pending')));
    expect(pendingAfter.map((d) => d.id)).toEqual(pendingBefore.map((d) => d.id));
    expect(pendingAfter[0]?.currentVersion).toBe((pendingBefore[0]?.currentVersion ?? 0) + 1);
    const updated = await db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.action, 'draft.updated_for_new_email'),
          eq(auditEvents.entityId, String(pendingAfter[0]?.id)),
        ),
      );
    expect(updated.map((event) => event.details)).toEqual([expect.objectContaining({ emailId: stored?.id })]);
    expect((await draftCounts()).get(stored?.id ?? 0)).toBeUndefined();
  });

  it('processes a replayed delivery (same svix-id) once and writes nothing the second time', async () => {
    fake.add({ id: 'rcv_replay', from: 'new.person@replay.example', to: [TANDEM_INBOX], text: 'Hi there' });
    const payload = receivedEvent('rcv_replay', TANDEM_INBOX);
    const first = await POST(signedRequest(secret, payload, { svixId: 'msg_replay_1' }));
    expect(first.status).toBe(200);
    const afterFirst = await writtenCounts();

    const second = await POST(signedRequest(secret, payload, { svixId: 'msg_replay_1' }));
    expect(second.status).toBe(200);
    expect(await second.json()).toMatchObject({ status: 'duplicate' });
    expect(await writtenCounts()).toEqual(afterFirst);
  });

  it('recognises the same Message-ID under a new svix-id as a duplicate email', async () => {
    fake.add({
      id: 'rcv_dup_a',
      from: 'dup@dupe.example',
      to: [TANDEM_INBOX],
      text: 'x',
      message_id: '<same@dupe>',
    });
    fake.add({
      id: 'rcv_dup_b',
      from: 'dup@dupe.example',
      to: [TANDEM_INBOX],
      text: 'x',
      message_id: '<same@dupe>',
    });
    await POST(signedRequest(secret, receivedEvent('rcv_dup_a', TANDEM_INBOX)));
    const before = await writtenCounts();
    const again = await POST(signedRequest(secret, receivedEvent('rcv_dup_b', TANDEM_INBOX)));
    expect(await again.json()).toMatchObject({ status: 'duplicate' });
    const after = await writtenCounts();
    expect(after.emails).toBe(before.emails);
    expect(after.jobs).toBe(before.jobs);
  });

  it('answers 502 and writes nothing when Resend does not have the email (so Resend retries)', async () => {
    const before = await writtenCounts();
    const response = await POST(signedRequest(secret, receivedEvent('rcv_missing', TANDEM_INBOX)));
    expect(response.status).toBe(502);
    expect(await writtenCounts()).toEqual(before);
  });
});

describe('POST /api/webhooks/resend — refusals write nothing', () => {
  const payload = () => receivedEvent('rcv_reply_1', TANDEM_INBOX);

  it.each([
    [
      'a signature made with another secret',
      () => signedRequest('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', payload()),
    ],
    [
      'a tampered body',
      () => {
        const original = payload();
        const good = signedRequest(secret, original);
        return new Request(good.url, {
          method: 'POST',
          headers: good.headers,
          body: original.replace('hello', 'HELLO'),
        });
      },
    ],
    [
      'a timestamp 6 minutes old',
      () => signedRequest(secret, payload(), { at: new Date(Date.now() - 6 * 60_000) }),
    ],
    [
      'a timestamp 6 minutes in the future',
      () => signedRequest(secret, payload(), { at: new Date(Date.now() + 6 * 60_000) }),
    ],
    ['no svix-signature header', () => signedRequest(secret, payload(), { omit: 'svix-signature' })],
    ['no svix-id header', () => signedRequest(secret, payload(), { omit: 'svix-id' })],
    ['no svix-timestamp header', () => signedRequest(secret, payload(), { omit: 'svix-timestamp' })],
  ])('refuses %s with 401', async (_name, build) => {
    const before = await writtenCounts();
    const response = await POST(build());
    expect(response.status).toBe(401);
    expect(await writtenCounts()).toEqual(before);
  });

  it('refuses a signed body that is not JSON with 400', async () => {
    const before = await writtenCounts();
    const response = await POST(signedRequest(secret, '{"type": "email.received", "data": {'));
    expect(response.status).toBe(400);
    expect(await writtenCounts()).toEqual(before);
  });

  it('refuses a signed event without type or data with 400', async () => {
    const before = await writtenCounts();
    const response = await POST(signedRequest(secret, JSON.stringify({ hello: 'world' })));
    expect(response.status).toBe(400);
    expect(await writtenCounts()).toEqual(before);
  });

  it('refuses an unknown event type with 422', async () => {
    const before = await writtenCounts();
    const response = await POST(
      signedRequest(secret, JSON.stringify({ type: 'email.teleported', data: {} })),
    );
    expect(response.status).toBe(422);
    expect((await response.json()).error).toContain('email.teleported');
    expect(await writtenCounts()).toEqual(before);
  });

  it('acknowledges a Resend event it does not act on (email.opened) with 200 and writes nothing', async () => {
    const before = await writtenCounts();
    const response = await POST(signedRequest(secret, deliveryEvent('email.opened', 'prov_x')));
    expect(response.status).toBe(200);
    expect(await writtenCounts()).toEqual(before);
  });
});

describe('POST /api/webhooks/resend — delivery events', () => {
  async function outboundWith(providerMessageId: string, index: number) {
    const [outbound] = await db
      .select()
      .from(emails)
      .where(and(eq(emails.direction, 'outbound'), eq(emails.organizationId, 'org_tandem_demo')))
      .orderBy(emails.id)
      .offset(index)
      .limit(1);
    if (!outbound) throw new Error('seed has no outbound email');
    await db
      .update(emails)
      .set({ providerMessageId, deliveryStatus: 'queued', deliveryError: null })
      .where(eq(emails.id, outbound.id));
    return outbound.id;
  }

  async function statusOf(emailId: number) {
    const [row] = await db.select().from(emails).where(eq(emails.id, emailId));
    return row;
  }

  it('never moves delivery backwards: delivered then a late sent stays delivered', async () => {
    const emailId = await outboundWith('prov_order', 0);
    expect((await POST(signedRequest(secret, deliveryEvent('email.delivered', 'prov_order')))).status).toBe(
      200,
    );
    const late = await POST(signedRequest(secret, deliveryEvent('email.sent', 'prov_order')));
    expect(late.status).toBe(200);
    expect(await late.json()).toMatchObject({ status: 'stale' });
    expect((await statusOf(emailId))?.deliveryStatus).toBe('delivered');
  });

  it('shows a bounce on the email with its reason, after sent and delayed', async () => {
    const emailId = await outboundWith('prov_bounce', 1);
    await POST(signedRequest(secret, deliveryEvent('email.sent', 'prov_bounce')));
    await POST(signedRequest(secret, deliveryEvent('email.delivery_delayed', 'prov_bounce')));
    const response = await POST(
      signedRequest(
        secret,
        deliveryEvent('email.bounced', 'prov_bounce', {
          bounce: { message: 'Mailbox does not exist', subType: 'General', type: 'Permanent' },
        }),
      ),
    );
    expect(response.status).toBe(200);
    expect(await statusOf(emailId)).toMatchObject({
      deliveryStatus: 'bounced',
      deliveryError: 'Mailbox does not exist',
    });
    const audit = await db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.action, 'email.delivery_updated'), eq(auditEvents.entityId, String(emailId))),
      );
    expect(audit.map((event) => event.details.to)).toEqual(['sent', 'delayed', 'bounced']);
  });

  it('records an event for an email it does not know, and applies it only once on replay', async () => {
    const body = deliveryEvent('email.delivered', 'prov_unknown');
    const first = await POST(signedRequest(secret, body, { svixId: 'msg_unknown' }));
    expect(await first.json()).toMatchObject({ status: 'unmatched' });
    const [row] = await db.select().from(webhookEvents).where(eq(webhookEvents.svixId, 'msg_unknown'));
    expect(row?.type).toBe('email.delivered');
    const replay = await POST(signedRequest(secret, body, { svixId: 'msg_unknown' }));
    expect(await replay.json()).toMatchObject({ status: 'duplicate' });
  });
});
