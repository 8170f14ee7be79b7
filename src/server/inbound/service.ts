import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { deals, emails, type UnroutedReason, unroutedEmails } from '../../../db/schema';
import { type Actor, recordAudit, SYSTEM } from '../audit';
import { type Executor, type Transaction, withTransaction } from '../db';
import { readRequirementsFromEmail } from '../deals/requirements/service';
import { env } from '../env';
import { BadInputError, ConflictError, ForbiddenError, NotFoundError } from '../errors';
import { enqueue, getBoss } from '../queue';
import { getOrganizationSettings } from '../settings/queries';
import {
  bodyFromParts,
  guessSeeker,
  normalizeMessageId,
  parseAddress,
  parseMessageIdList,
  sanitizeSubject,
  sanitizeText,
  stripQuotedAndSignature,
  toStorable,
} from './clean';
import {
  findDealByThread,
  findDealInOrganization,
  findEmailByMessageId,
  findOpenDealBySender,
  latestMessageIdOnDeal,
  listUnroutedForOrganization,
  nextInquiryPosition,
} from './queries';

const HOUR_MS = 60 * 60 * 1000;

/** An email as it reached us, before any of our rules ran. */
export type InboundMessage = {
  /** The From header: `"Name" <address>` or a bare address. */
  from: string;
  to: string;
  subject: string;
  text?: string | null;
  html?: string | null;
  messageId?: string | null;
  inReplyTo?: string | null;
  references?: string[];
  receivedAt: Date;
  /** Resend's id of the received email, when it came through Resend. */
  providerMessageId?: string | null;
  /** Fields that had to be repaired to be stored (NUL, lone surrogates); recorded on the audit event. */
  repairs?: string[];
};

/** How the email found its deal. */
export type DealMatch = 'explicit' | 'thread' | 'sender' | 'new_deal';

export type ReceiveResult =
  | {
      status: 'received';
      emailId: number;
      dealId: number;
      isNewDeal: boolean;
      matchedBy: DealMatch;
      replyDeadlineAt: Date;
    }
  | { status: 'duplicate'; emailId: number; dealId: number };

/** Serialises work on one key until the transaction ends (a hash collision only costs a wait). */
async function lockKey(tx: Transaction, key: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`);
}

/**
 * Stores an inbound email on its deal and queues its draft. The deal is, in order: `dealId` when
 * given (simulate), the deal of the message it answers (In-Reply-To / References), the sender's
 * open deal, or a new deal in inquiry. A Message-ID already stored in the organization is a
 * duplicate and changes nothing.
 */
export async function receiveInboundEmail(
  executor: Executor,
  input: { organizationId: string; message: InboundMessage; dealId?: number; actor?: Actor },
): Promise<ReceiveResult> {
  const { organizationId, message } = input;
  const actor = input.actor ?? SYSTEM;
  const sender = parseAddress(message.from);
  if (!sender) throw new BadInputError(`The sender "${message.from}" is not an email address`);
  const body = bodyFromParts(message);
  const bodyClean = stripQuotedAndSignature(body);
  const subject = sanitizeSubject(message.subject);
  const messageId =
    normalizeMessageId(message.messageId) ??
    `<inbound-${message.providerMessageId ?? randomUUID()}@echo.invalid>`;
  const inReplyTo = normalizeMessageId(message.inReplyTo);
  const references = (message.references ?? []).flatMap((value) => parseMessageIdList(value));
  // Started before the transaction, so no connection is held open while pg-boss connects.
  const boss = await getBoss();

  // One transaction: the email, its deal, the audit rows and the draft job exist together or not at all.
  return withTransaction(executor, async (tx) => {
    // Same sender, then same message: concurrent deliveries neither duplicate the email nor open two deals.
    await lockKey(tx, `inbound-sender:${organizationId}:${sender.address}`);
    await lockKey(tx, `inbound-message:${organizationId}:${messageId}`);

    const existing = await findEmailByMessageId(tx, organizationId, messageId);
    if (existing) return { status: 'duplicate', emailId: existing.id, dealId: existing.dealId };

    const settings = await getOrganizationSettings(tx, organizationId);
    const threadIds = [...new Set([...(inReplyTo ? [inReplyTo] : []), ...references])];

    let dealId: number | null = null;
    let matchedBy: DealMatch = 'new_deal';
    if (input.dealId !== undefined) {
      dealId = await findDealInOrganization(tx, organizationId, input.dealId);
      if (dealId === null) throw new NotFoundError('Deal', input.dealId);
      matchedBy = 'explicit';
    }
    if (dealId === null) {
      dealId = await findDealByThread(tx, organizationId, threadIds);
      if (dealId !== null) matchedBy = 'thread';
    }
    if (dealId === null) {
      dealId = await findOpenDealBySender(tx, organizationId, sender.address);
      if (dealId !== null) matchedBy = 'sender';
    }
    const isNewDeal = dealId === null;
    if (dealId === null) {
      dealId = await openInquiryDeal(tx, organizationId, sender, message.receivedAt, actor);
    }

    const replyDeadlineAt = new Date(message.receivedAt.getTime() + settings.replyTargetHours * HOUR_MS);
    const [email] = await tx
      .insert(emails)
      .values({
        organizationId,
        dealId,
        direction: 'inbound',
        fromAddress: sender.address,
        fromName: sender.name,
        toAddress: message.to,
        subject,
        body,
        bodyClean,
        messageId,
        inReplyTo,
        references,
        providerMessageId: message.providerMessageId ?? null,
        sentAt: message.receivedAt,
        replyDeadlineAt,
      })
      .onConflictDoNothing()
      .returning({ id: emails.id });
    // Under the locks above only another message with the same provider id can collide here.
    if (!email)
      throw new ConflictError(`An email with provider id ${message.providerMessageId} is already stored`);

    await tx
      .update(deals)
      .set({
        lastActivityAt: sql`greatest(${deals.lastActivityAt}, ${message.receivedAt.toISOString()}::timestamptz)`,
        updatedAt: sql`now()`,
      })
      .where(eq(deals.id, dealId));

    await readRequirementsFromEmail(tx, {
      organizationId,
      dealId,
      emailId: email.id,
      text: `${subject}\n${bodyClean}`,
      sentAt: message.receivedAt,
    });

    await recordAudit(tx, {
      organizationId,
      actor,
      action: 'email.received',
      entityType: 'email',
      entityId: email.id,
      details: {
        dealId,
        subject,
        from: sender.address,
        matchedBy,
        isNewDeal,
        messageId,
        ...(message.repairs?.length ? { repaired: message.repairs } : {}),
      },
    });

    await enqueue(
      tx,
      'generateDraft',
      { organizationId, inboundEmailId: email.id },
      { singletonKey: `draft/${email.id}`, boss },
    );

    return { status: 'received', emailId: email.id, dealId, isNewDeal, matchedBy, replyDeadlineAt };
  });
}

async function openInquiryDeal(
  tx: Transaction,
  organizationId: string,
  sender: { address: string; name: string | null },
  receivedAt: Date,
  actor: Actor,
) {
  const guess = guessSeeker(sender);
  const position = await nextInquiryPosition(tx, organizationId);
  const [deal] = await tx
    .insert(deals)
    .values({
      organizationId,
      seekerName: guess.seekerName,
      seekerEmail: sender.address,
      companyName: guess.companyName,
      // Unknown until the conversation tells us; the smallest values the schema allows.
      teamSize: 1,
      monthlyBudget: 0,
      stage: 'inquiry',
      position,
      stageChangedAt: receivedAt,
      lastActivityAt: receivedAt,
    })
    .returning({ id: deals.id });
  if (!deal) throw new Error('Inserting the new deal returned no row');
  await recordAudit(tx, {
    organizationId,
    actor,
    action: 'deal.created',
    entityType: 'deal',
    entityId: deal.id,
    details: {
      from: sender.address,
      companyName: guess.companyName,
      reason: 'inbound email from a new sender',
    },
  });
  return deal.id;
}

/** Simulating inbound mail is for development, tests and demos; production needs it switched on. */
export function assertSimulateAllowed(isAllowed: boolean = env.isSimulateInboundAllowed) {
  if (!isAllowed) {
    throw new ForbiddenError(
      'Simulating inbound email is turned off in production. Set ECHO_SIMULATE_INBOUND=1 to allow it (demos, staging).',
    );
  }
}

/** "As if the email arrived": to the organization's inbound address, answering the deal when one is given. */
export async function simulateInboundEmail(
  executor: Executor,
  input: {
    organizationId: string;
    actor: Actor;
    from: string;
    subject: string;
    body: string;
    dealId?: number;
    isAllowed?: boolean;
    now?: Date;
  },
) {
  assertSimulateAllowed(input.isAllowed);
  const settings = await getOrganizationSettings(executor, input.organizationId);
  const inReplyTo =
    input.dealId === undefined
      ? null
      : await latestMessageIdOnDeal(executor, input.organizationId, input.dealId);
  return receiveInboundEmail(executor, {
    organizationId: input.organizationId,
    actor: input.actor,
    dealId: input.dealId,
    message: {
      from: input.from,
      to: settings.inboundAddress ?? (settings.senderEmail || 'inbox@echo.localhost'),
      subject: input.subject,
      text: input.body,
      messageId: `<simulated-${randomUUID()}@echo.localhost>`,
      inReplyTo,
      references: inReplyTo ? [inReplyTo] : [],
      receivedAt: input.now ?? new Date(),
    },
  });
}

/**
 * Keeps a received email that no organization can take (see `unrouted_emails`); a redelivery of the
 * same Resend email is held once. Returns the held row's id.
 */
export async function holdUnroutedEmail(
  executor: Executor,
  input: {
    reason: UnroutedReason;
    message: InboundMessage;
    recipients: string[];
    svixId?: string | null;
    payload: unknown;
  },
): Promise<number> {
  const { message } = input;
  const recipients = input.recipients.map(
    (value) => parseAddress(value)?.address ?? value.trim().toLowerCase(),
  );
  const values = toStorable({
    reason: input.reason,
    providerMessageId: message.providerMessageId ?? null,
    svixId: input.svixId ?? null,
    fromRaw: sanitizeText(message.from, 998),
    toAddresses: [...new Set(recipients)].slice(0, 100),
    subject: sanitizeSubject(message.subject),
    messageId: message.messageId ?? null,
    inReplyTo: message.inReplyTo ?? null,
    payload: input.payload ?? {},
    receivedAt: message.receivedAt,
  });
  // Keyed by the provider id: two deliveries of one email race harmlessly to one row.
  const [held] = await executor
    .insert(unroutedEmails)
    .values(values)
    .onConflictDoNothing()
    .returning({ id: unroutedEmails.id });
  if (held) return held.id;
  const [existing] = await executor
    .select({ id: unroutedEmails.id })
    .from(unroutedEmails)
    .where(eq(unroutedEmails.providerMessageId, message.providerMessageId ?? ''));
  if (!existing) throw new ConflictError('The held email could not be stored');
  return existing.id;
}

/** What Settings shows about mail routing: the Reply-To of every sent email and the held emails admins may see. */
export async function inboundOverview(db: Executor, organizationId: string) {
  const settings = await getOrganizationSettings(db, organizationId);
  const held = await listUnroutedForOrganization(db, { organizationId });
  return { replyTo: settings.inboundAddress, held };
}
