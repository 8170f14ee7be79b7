import { and, desc, eq, inArray, max, ne, sql } from 'drizzle-orm';
import { deals, emailDrafts, emails, organizationSettings, unroutedEmails } from '../../../db/schema';
import type { Executor } from '../db';

/** The deal of the newest of our messages that `messageIds` (In-Reply-To, References) point at. */
export async function findDealByThread(db: Executor, organizationId: string, messageIds: string[]) {
  if (messageIds.length === 0) return null;
  const [row] = await db
    .select({ dealId: emails.dealId })
    .from(emails)
    .where(and(eq(emails.organizationId, organizationId), inArray(emails.messageId, messageIds)))
    .orderBy(desc(emails.sentAt), desc(emails.id))
    .limit(1);
  return row?.dealId ?? null;
}

/** The sender's most recently active open (not closed) deal; uses `deals_seeker_email_idx`. */
export async function findOpenDealBySender(db: Executor, organizationId: string, address: string) {
  const [row] = await db
    .select({ dealId: deals.id })
    .from(deals)
    .where(
      and(
        eq(deals.organizationId, organizationId),
        sql`lower(${deals.seekerEmail}) = ${address.toLowerCase()}`,
        ne(deals.stage, 'closed'),
      ),
    )
    .orderBy(desc(deals.lastActivityAt), desc(deals.id))
    .limit(1);
  return row?.dealId ?? null;
}

export async function findDealInOrganization(db: Executor, organizationId: string, dealId: number) {
  const [row] = await db
    .select({ id: deals.id })
    .from(deals)
    .where(and(eq(deals.id, dealId), eq(deals.organizationId, organizationId)))
    .limit(1);
  return row?.id ?? null;
}

/** The newest message on a deal's thread, so a simulated email can answer it. */
export async function latestMessageIdOnDeal(db: Executor, organizationId: string, dealId: number) {
  const [row] = await db
    .select({ messageId: emails.messageId })
    .from(emails)
    .where(and(eq(emails.organizationId, organizationId), eq(emails.dealId, dealId)))
    .orderBy(desc(emails.sentAt), desc(emails.id))
    .limit(1);
  return row?.messageId ?? null;
}

export async function findEmailByMessageId(db: Executor, organizationId: string, messageId: string) {
  const [row] = await db
    .select({ id: emails.id, dealId: emails.dealId })
    .from(emails)
    .where(and(eq(emails.organizationId, organizationId), eq(emails.messageId, messageId)))
    .limit(1);
  return row ?? null;
}

/** The position after the last card of the inquiry column. */
export async function nextInquiryPosition(db: Executor, organizationId: string) {
  const [row] = await db
    .select({ last: max(deals.position) })
    .from(deals)
    .where(and(eq(deals.organizationId, organizationId), eq(deals.stage, 'inquiry')));
  return (row?.last ?? 0) + 1024;
}

/** Our outbound Message-IDs carry the draft they answer: `<draft-{id}-{random}@{sender domain}>`. */
const draftMessageId = /^<draft-(\d{1,15})-[0-9a-f]+@[^<>\s]+>$/;

/**
 * The organization one of our sent messages belongs to, for a reply that names it in In-Reply-To /
 * References but went to an address no organization receives at (the seeker answered the From
 * address). Only our own outbound Message-IDs count; each is found through its draft's index.
 */
export async function findOrganizationByOurMessageIds(db: Executor, messageIds: string[]) {
  for (const messageId of messageIds.slice(0, 20)) {
    const draftId = Number(draftMessageId.exec(messageId)?.[1]);
    if (!Number.isSafeInteger(draftId)) continue;
    const [row] = await db
      .select({ organizationId: emails.organizationId })
      .from(emailDrafts)
      .innerJoin(
        emails,
        and(eq(emails.organizationId, emailDrafts.organizationId), eq(emails.messageId, messageId)),
      )
      .where(and(eq(emailDrafts.id, draftId), eq(emails.direction, 'outbound')))
      .limit(1);
    if (row) return row.organizationId;
  }
  return null;
}

/**
 * Held emails an organization's admins may see: those delivered to an address on the domain of
 * its inbound address (a typo of it, an old alias), when no other organization receives on that
 * domain. Anything else is visible to operators only (`make db-status`).
 */
export async function listUnroutedForOrganization(
  db: Executor,
  params: { organizationId: string; limit?: number },
) {
  const domain = sql`(select lower(split_part(s.inbound_address, '@', 2)) from ${organizationSettings} s
    where s.organization_id = ${params.organizationId} and s.inbound_address is not null)`;
  return db
    .select({
      id: unroutedEmails.id,
      reason: unroutedEmails.reason,
      fromRaw: unroutedEmails.fromRaw,
      toAddresses: unroutedEmails.toAddresses,
      subject: unroutedEmails.subject,
      receivedAt: unroutedEmails.receivedAt,
    })
    .from(unroutedEmails)
    .where(
      and(
        sql`exists (select 1 from unnest(${unroutedEmails.toAddresses}) a where lower(split_part(a, '@', 2)) = ${domain})`,
        sql`not exists (select 1 from ${organizationSettings} o where o.organization_id <> ${params.organizationId}
          and lower(split_part(o.inbound_address, '@', 2)) = ${domain})`,
      ),
    )
    .orderBy(desc(unroutedEmails.receivedAt), desc(unroutedEmails.id))
    .limit(params.limit ?? 20);
}
