import { and, desc, eq, max } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { auditEvents, deals, emails } from '../../db/schema';
import { POST } from '../../src/app/api/webhooks/resend/route';
import { SYSTEM } from '../../src/server/audit';
import { ForbiddenError } from '../../src/server/errors';
import {
  assertSimulateAllowed,
  receiveInboundEmail,
  simulateInboundEmail,
} from '../../src/server/inbound/service';
import { getBoss } from '../../src/server/queue';
import { callerFor, db, seedDemo } from '../helpers';
import { draftJobs, receivedEvent, signedRequest, writtenCounts } from './support';

const {
  fake,
  secret,
  stop: stopInboundEnvironment,
} = await vi.hoisted(async () => (await import('../fakes/resend-inbound')).startInboundEnvironment());

const TANDEM = 'org_tandem_demo';
const OTHER = 'org_other_brokerage';

async function dealNamed(companyName: string) {
  const [deal] = await db.select().from(deals).where(eq(deals.companyName, companyName));
  if (!deal) throw new Error(`seed has no ${companyName}`);
  return deal;
}

async function newestMessageOn(dealId: number, direction: 'inbound' | 'outbound') {
  const [row] = await db
    .select()
    .from(emails)
    .where(and(eq(emails.dealId, dealId), eq(emails.direction, direction)))
    .orderBy(desc(emails.sentAt))
    .limit(1);
  if (!row) throw new Error(`deal ${dealId} has no ${direction} email`);
  return row;
}

let sequence = 0;
function message(overrides: Partial<Parameters<typeof receiveInboundEmail>[1]['message']> = {}) {
  sequence += 1;
  return {
    from: 'someone@example.com',
    to: 'inbox@tandem.echo.test',
    subject: 'Office space',
    text: 'Hello, do you have space for 5 people?',
    messageId: `<threading-${sequence}@mail.example>`,
    receivedAt: new Date('2026-11-29T09:00:00Z'),
    ...overrides,
  };
}

beforeAll(async () => {
  await seedDemo(new Date());
  await getBoss();
});

afterAll(async () => {
  await (await getBoss()).stop({ graceful: false, wait: true });
  await stopInboundEnvironment();
});

describe('matching an inbound email to its deal', () => {
  it('puts a reply to our Message-ID on the same deal, even from another address', async () => {
    const deal = await dealNamed('Quill Payments');
    const ours = await newestMessageOn(deal.id, 'outbound').catch(() => newestMessageOn(deal.id, 'inbound'));
    const result = await receiveInboundEmail(db, {
      organizationId: TANDEM,
      message: message({ from: 'cfo@another-domain.example', inReplyTo: ours.messageId }),
    });
    expect(result).toMatchObject({
      status: 'received',
      dealId: deal.id,
      matchedBy: 'thread',
      isNewDeal: false,
    });
  });

  it('follows References when In-Reply-To names a message we never saw', async () => {
    const deal = await dealNamed('Bluebird Health');
    const ours = await newestMessageOn(deal.id, 'inbound');
    const result = await receiveInboundEmail(db, {
      organizationId: TANDEM,
      message: message({
        from: 'x@unrelated.example',
        inReplyTo: '<never-seen@elsewhere>',
        references: [`<also-unknown@x> ${ours.messageId}`],
      }),
    });
    expect(result).toMatchObject({ dealId: deal.id, matchedBy: 'thread' });
  });

  it("puts a known sender's email without thread headers on their open deal", async () => {
    const deal = await dealNamed('Orbit Care');
    const result = await receiveInboundEmail(db, {
      organizationId: TANDEM,
      message: message({ from: `"Hannah" <${deal.seekerEmail.toUpperCase()}>` }),
    });
    expect(result).toMatchObject({ dealId: deal.id, matchedBy: 'sender', isNewDeal: false });
  });

  it('opens a new inquiry deal, last in its column, for a new sender', async () => {
    const [before] = await db
      .select({ last: max(deals.position) })
      .from(deals)
      .where(and(eq(deals.organizationId, TANDEM), eq(deals.stage, 'inquiry')));
    const result = await receiveInboundEmail(db, {
      organizationId: TANDEM,
      message: message({ from: 'Jordan Lee <jordan@brightwave.io>' }),
    });
    expect(result).toMatchObject({ status: 'received', isNewDeal: true, matchedBy: 'new_deal' });
    const [deal] = await db.select().from(deals).where(eq(deals.id, result.dealId));
    expect(deal).toMatchObject({
      organizationId: TANDEM,
      stage: 'inquiry',
      seekerEmail: 'jordan@brightwave.io',
      seekerName: 'Jordan Lee',
      companyName: 'Brightwave',
    });
    // Team size and budget are read from the email itself (deals/requirements), not left at 1 and $0.
    expect(deal?.teamSize).toBeGreaterThanOrEqual(1);
    expect(deal?.position).toBeGreaterThan(before?.last ?? 0);
    const created = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'deal.created'), eq(auditEvents.entityId, String(result.dealId))));
    expect(created).toHaveLength(1);
  });

  it('opens a new deal when the sender only has a closed one', async () => {
    const deal = await dealNamed('Kestrel Robotics');
    await db.update(deals).set({ stage: 'closed' }).where(eq(deals.id, deal.id));
    const result = await receiveInboundEmail(db, {
      organizationId: TANDEM,
      message: message({ from: deal.seekerEmail }),
    });
    expect(result).toMatchObject({ isNewDeal: true });
    expect(result.dealId).not.toBe(deal.id);
  });

  it('keeps the full text but gives the drafter only the new words', async () => {
    const result = await receiveInboundEmail(db, {
      organizationId: TANDEM,
      message: message({
        from: 'quoted@quotes.example',
        text: 'Can we tour Friday?\r\n\r\nSent from my iPhone\r\n\r\nOn Thu, Alex wrote:\r\n> Here are the options\u0000',
      }),
    });
    const [email] = await db.select().from(emails).where(eq(emails.id, result.emailId));
    expect(email?.bodyClean).toBe('Can we tour Friday?');
    expect(email?.body).toContain('> Here are the options');
    expect(email?.body).not.toContain('\u0000');
    expect(email?.body).not.toContain('\r');
  });
});

describe('tenancy of inbound mail', () => {
  it("never lands mail sent to organization A's address in organization B, even when B knows the sender and thread", async () => {
    // Other Brokerage already has a deal with this seeker; the email is addressed to Tandem.
    const [otherDeal] = await db.select().from(deals).where(eq(deals.organizationId, OTHER));
    if (!otherDeal) throw new Error('seed has no deal in Other Brokerage');
    const otherMessage = await newestMessageOn(otherDeal.id, 'inbound');
    fake.add({
      id: 'rcv_tenancy',
      from: otherDeal.seekerEmail,
      to: ['inbox@tandem.echo.test'],
      subject: 'Looking for space',
      text: 'Hi Tandem',
      headers: { 'in-reply-to': otherMessage.messageId },
      message_id: '<tenancy-1@confidential.example>',
    });
    const response = await POST(
      signedRequest(secret, receivedEvent('rcv_tenancy', 'inbox@tandem.echo.test')),
    );
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ status: 'received', isNewDeal: true });

    const [stored] = await db
      .select()
      .from(emails)
      .where(eq(emails.messageId, '<tenancy-1@confidential.example>'));
    expect(stored?.organizationId).toBe(TANDEM);
    const [deal] = await db.select().from(deals).where(eq(deals.id, body.dealId));
    expect(deal?.organizationId).toBe(TANDEM);
    const jobs = await draftJobs();
    expect(jobs.find((job) => job.inbound_email_id === String(stored?.id))?.organization_id).toBe(TANDEM);
    const otherThread = await db.select().from(emails).where(eq(emails.dealId, otherDeal.id));
    expect(otherThread.some((email) => email.messageId === '<tenancy-1@confidential.example>')).toBe(false);
  });

  it("routes mail for B's inbound address to B", async () => {
    fake.add({
      id: 'rcv_other',
      from: 'newcomer@startup.example',
      to: ['Other Brokerage <INBOX@other.echo.test>'],
      text: 'Hi Other',
    });
    const response = await POST(signedRequest(secret, receivedEvent('rcv_other', 'inbox@other.echo.test')));
    const body = await response.json();
    const [deal] = await db.select().from(deals).where(eq(deals.id, body.dealId));
    expect(deal?.organizationId).toBe(OTHER);
  });

  it('writes no email for an address no organization receives at (the email is held instead)', async () => {
    fake.add({ id: 'rcv_nobody', from: 'a@b.example', to: ['nobody@nowhere.example'], text: 'hello?' });
    const before = await writtenCounts();
    const response = await POST(signedRequest(secret, receivedEvent('rcv_nobody', 'nobody@nowhere.example')));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'held', reason: 'no_organization' });
    const after = await writtenCounts();
    expect(after.emails).toBe(before.emails);
    expect(after.jobs).toBe(before.jobs);
  });
});

describe('inbound.simulate', () => {
  it('stores the email as if it arrived and queues its draft', async () => {
    const caller = await callerFor('agent@echo.test');
    const result = await caller.inbound.simulate({
      from: 'Sam <sam@simulated.example>',
      subject: 'Desks for 3?',
      body: 'Do you have 3 desks in SoMa?',
    });
    expect(result).toMatchObject({ status: 'received', isNewDeal: true });
    if (result.status !== 'received') throw new Error('expected a new email');
    const jobs = await draftJobs();
    expect(jobs.filter((job) => job.inbound_email_id === String(result.emailId))).toHaveLength(1);
    const [email] = await db.select().from(emails).where(eq(emails.id, result.emailId));
    expect(email?.toAddress).toBe('inbox@tandem.echo.test');
  });

  it('answers the given deal, threaded under its newest message', async () => {
    const caller = await callerFor('agent@echo.test');
    const deal = await dealNamed('Fernwood Studio');
    const result = await caller.inbound.simulate({
      from: deal.seekerEmail,
      subject: 'Re: follow-up',
      body: 'One more question',
      dealId: deal.id,
    });
    expect(result).toMatchObject({ dealId: deal.id, matchedBy: 'explicit' });
  });

  it("answers NOT_FOUND for another organization's deal", async () => {
    const caller = await callerFor('agent@other.test');
    const deal = await dealNamed('Fernwood Studio');
    await expect(
      caller.inbound.simulate({ from: 'a@b.example', subject: 's', body: 'b', dealId: deal.id }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses a sender that is not an email address, naming the field', async () => {
    const caller = await callerFor('agent@echo.test');
    await expect(
      caller.inbound.simulate({ from: 'not an address', subject: 's', body: 'b' }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('from'),
    });
  });

  it('is refused, writing nothing, where simulating is not allowed (production without ECHO_SIMULATE_INBOUND)', async () => {
    expect(() => assertSimulateAllowed(false)).toThrow(ForbiddenError);
    expect(() => assertSimulateAllowed(true)).not.toThrow();
    const before = await writtenCounts();
    await expect(
      simulateInboundEmail(db, {
        organizationId: TANDEM,
        actor: SYSTEM,
        from: 'a@b.example',
        subject: 'x',
        body: 'y',
        isAllowed: false,
      }),
    ).rejects.toThrow(/ECHO_SIMULATE_INBOUND=1/);
    expect(await writtenCounts()).toEqual(before);
  });
});
