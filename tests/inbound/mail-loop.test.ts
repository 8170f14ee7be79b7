import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { auditEvents, emails, unroutedEmails } from '../../db/schema';
import { POST } from '../../src/app/api/webhooks/resend/route';
import { inboundOverview } from '../../src/server/inbound/service';
import { deliverEmail } from '../../src/server/mail/delivery';
import { devMailboxTransport } from '../../src/server/mail/dev-mailbox';
import { resendTransport } from '../../src/server/mail/resend';
import { stopBoss } from '../../src/server/queue';
import { makeDraft, setSettings, TANDEM } from '../drafts/support';
import { type FakeResend, startFakeResend } from '../fakes/resend';
import { callerFor, db, seedDemo } from '../helpers';
import { draftCounts, receivedEvent, runDraftJobs, signedRequest } from './support';

const {
  fake: inbound,
  secret,
  stop: stopInboundEnvironment,
} = await vi.hoisted(async () => (await import('../fakes/resend-inbound')).startInboundEnvironment());

const TANDEM_INBOX = 'inbox@tandem.echo.test';
let outbound: FakeResend;

beforeAll(async () => {
  await seedDemo(new Date());
  outbound = await startFakeResend();
  await setSettings(TANDEM, { undoWindowSeconds: 0 });
});

afterAll(async () => {
  await stopBoss();
  await outbound.close();
  await stopInboundEnvironment();
});

/** Approve → send → the worker's delivery through the fake Resend; returns what Resend received. */
async function sendReply() {
  const { draft } = await makeDraft({ status: 'approved' });
  const caller = await callerFor('agent@echo.test');
  const { email } = await caller.drafts.send({ id: draft.id, revision: draft.revision });
  const result = await deliverEmail(
    db,
    { emailId: email.id, draftId: draft.id, organizationId: TANDEM, attempt: 1 },
    { transport: resendTransport({ apiKey: 're_test', baseUrl: outbound.url }) },
  );
  expect(result.outcome).toBe('accepted');
  const request = outbound.emailRequests().at(-1);
  const [sent] = await db.select().from(emails).where(eq(emails.id, email.id));
  if (!request || !sent) throw new Error('nothing was sent');
  return { request: request.body as Record<string, unknown>, sent, draft };
}

async function receive(
  id: string,
  message: Omit<Parameters<typeof inbound.add>[0], 'id'>,
  to = message.to[0] ?? '',
) {
  inbound.add({ ...message, id });
  const response = await POST(signedRequest(secret, receivedEvent(id, to)));
  return { status: response.status, body: await response.json() };
}

describe('the mail loop', () => {
  it('sends every email with Reply-To: the organization inbound address (Resend and the dev mailbox)', async () => {
    const { request } = await sendReply();
    expect(request.reply_to).toBe(TANDEM_INBOX);

    const { draft } = await makeDraft({ status: 'approved' });
    const caller = await callerFor('agent@echo.test');
    const { email } = await caller.drafts.send({ id: draft.id, revision: draft.revision });
    const filed: { headers: Record<string, string> }[] = [];
    const mailbox = devMailboxTransport(db);
    await deliverEmail(
      db,
      { emailId: email.id, draftId: draft.id, organizationId: TANDEM, attempt: 1 },
      {
        transport: {
          name: 'dev-mailbox',
          send: (outgoing) => {
            filed.push(outgoing);
            return mailbox.send(outgoing);
          },
        },
      },
    );
    expect(filed[0]?.headers['Reply-To'] ?? (filed[0] as { replyTo?: string }).replyTo).toBe(TANDEM_INBOX);
  });

  it('puts the seeker’s answer to the Reply-To address on the same deal, with a draft', async () => {
    const { request, sent } = await sendReply();
    const headers = request.headers as Record<string, string>;
    const answer = await receive('rcv_loop_answer', {
      from: `Seeker <${sent.toAddress}>`,
      to: [String(request.reply_to)],
      subject: `Re: ${sent.subject}`,
      text: 'Thursday at 3 works for us.',
      headers: { 'In-Reply-To': headers['Message-ID'] ?? '', References: headers['Message-ID'] ?? '' },
      message_id: '<loop-answer@seeker.example>',
    });
    expect(answer).toMatchObject({
      status: 200,
      body: { status: 'received', dealId: sent.dealId, matchedBy: 'thread' },
    });
    await runDraftJobs();
    expect((await draftCounts()).get(answer.body.emailId)).toBe(1);
  });

  it('routes an answer sent to an address nobody receives at to its deal, by our Message-ID in In-Reply-To', async () => {
    const { sent } = await sendReply();
    const answer = await receive('rcv_loop_from_address', {
      from: sent.toAddress,
      to: [sent.fromAddress, 'someone@elsewhere.example'],
      subject: `Re: ${sent.subject}`,
      text: 'Answering the From address.',
      headers: { 'In-Reply-To': sent.messageId },
      message_id: '<loop-from-address@seeker.example>',
    });
    expect(answer).toMatchObject({
      status: 200,
      body: { status: 'received', routedBy: 'thread', dealId: sent.dealId, matchedBy: 'thread' },
    });
    const [stored] = await db.select().from(emails).where(eq(emails.id, answer.body.emailId));
    expect(stored).toMatchObject({
      organizationId: TANDEM,
      dealId: sent.dealId,
      toAddress: sent.fromAddress,
    });
  });

  it('holds an email no organization takes, shows it in make db-status and to the admins of its domain only', async () => {
    const typo = await receive('rcv_loop_typo', {
      from: 'Lost Seeker <lost@seeker.example>',
      to: ['inbx@tandem.echo.test'],
      subject: 'Desks for six?',
      text: 'Do you have desks?',
    });
    expect(typo).toMatchObject({ status: 200, body: { status: 'held', reason: 'no_organization' } });
    const nowhere = await receive('rcv_loop_nowhere', {
      from: 'x@seeker.example',
      to: ['nobody@nowhere.example'],
      subject: 'Nowhere',
      text: 'Hello?',
    });
    expect(nowhere.body).toMatchObject({ status: 'held' });
    // Redelivered under a new svix-id: still held once.
    await POST(signedRequest(secret, receivedEvent('rcv_loop_typo', 'inbx@tandem.echo.test')));
    const held = await db.select().from(unroutedEmails);
    expect(held.filter((row) => row.providerMessageId === 'rcv_loop_typo')).toHaveLength(1);

    const admin = await callerFor('admin@echo.test');
    const overview = await admin.inbound.overview();
    expect(overview.replyTo).toBe(TANDEM_INBOX);
    expect(overview.held.map((row) => row.subject)).toEqual(['Desks for six?']);
    // Other Brokerage (no admin in the seed) receives on another domain: it sees none of them.
    expect(await inboundOverview(db, 'org_other_brokerage')).toMatchObject({ held: [] });
    const agent = await callerFor('agent@echo.test');
    await expect(agent.inbound.overview()).rejects.toMatchObject({ code: 'FORBIDDEN' });

    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'scripts/db.ts', 'status'],
      {
        env: process.env,
      },
    );
    expect(stdout).toContain('Held emails (unrouted_emails): 2');
    expect(stdout).toContain('inbx@tandem.echo.test');
  });
});

describe('email.received with content that cannot be stored as is (never a 5xx)', () => {
  it('holds an email whose From is not an address, flagged unreadable_sender', async () => {
    const result = await receive('rcv_bad_from', { from: 'not an address', to: [TANDEM_INBOX], text: 'hi' });
    expect(result).toMatchObject({ status: 200, body: { status: 'held', reason: 'unreadable_sender' } });
    const [row] = await db
      .select()
      .from(unroutedEmails)
      .where(eq(unroutedEmails.providerMessageId, 'rcv_bad_from'));
    expect(row).toMatchObject({ reason: 'unreadable_sender', fromRaw: 'not an address' });
  });

  it('stores an email whose From (and event) contain NUL, without the NUL, and flags the repair', async () => {
    inbound.add({
      id: 'rcv_nul',
      from: 'Pri\u0000ya <priya\u0000@nul.example>',
      to: [TANDEM_INBOX],
      subject: 'Hello\u0000 there \uD800',
      text: 'Body with \u0000 NUL',
    });
    const event = JSON.parse(receivedEvent('rcv_nul', TANDEM_INBOX));
    event.data.from = 'Pri\u0000ya <priya\u0000@nul.example>';
    const response = await POST(signedRequest(secret, JSON.stringify(event)));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ status: 'received' });
    const [stored] = await db.select().from(emails).where(eq(emails.id, body.emailId));
    expect(stored).toMatchObject({ fromAddress: 'priya@nul.example', fromName: 'Priya' });
    expect(stored?.body).not.toContain('\u0000');
    const [audit] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'email.received'), eq(auditEvents.entityId, String(body.emailId))));
    expect(audit?.details.repaired).toEqual(expect.arrayContaining(['from', 'subject', 'text']));
  });

  it('threads an email whose In-Reply-To header arrives as an array', async () => {
    const { sent } = await sendReply();
    const result = await receive('rcv_array_header', {
      from: sent.toAddress,
      to: [TANDEM_INBOX],
      text: 'Two In-Reply-To headers.',
      headers: { 'In-Reply-To': [sent.messageId, '<other@x.example>'] } as never,
    });
    expect(result).toMatchObject({
      status: 200,
      body: { status: 'received', dealId: sent.dealId, matchedBy: 'thread' },
    });
  });
});
