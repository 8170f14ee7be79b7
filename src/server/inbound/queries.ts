import { and, desc, eq, inArray, max, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client';
import { deals, emails } from '../../../db/schema';

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
