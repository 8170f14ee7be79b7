import { and, eq } from 'drizzle-orm';
import { deals, emailDrafts, emails, organizations } from '../../db/schema';
import { db } from '../helpers';

let counter = 0;

/** A new inbound email on a seeded deal, as the inbound service would store it (without its draft). */
export async function addInbound(companyName: string, body: string, subject = 'A question') {
  const [deal] = await db.select().from(deals).where(eq(deals.companyName, companyName));
  if (!deal) throw new Error(`No deal for ${companyName}`);
  counter += 1;
  const now = new Date();
  const [row] = await db
    .insert(emails)
    .values({
      organizationId: deal.organizationId,
      dealId: deal.id,
      direction: 'inbound',
      fromAddress: deal.seekerEmail,
      fromName: deal.seekerName,
      toAddress: 'inbox@tandem.echo.test',
      subject,
      body,
      bodyClean: body,
      messageId: `<test-${counter}-${now.getTime()}@ai.test>`,
      sentAt: now,
      replyDeadlineAt: new Date(now.getTime() + 4 * 3600_000),
    })
    .returning({ id: emails.id });
  if (!row) throw new Error('Inserting the inbound email returned no row');
  return { organizationId: deal.organizationId, inboundEmailId: row.id, dealId: deal.id };
}

export async function organizationId(name: string) {
  const [row] = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.name, name));
  if (!row) throw new Error(`No organization ${name}`);
  return row.id;
}

export async function inboundOf(organization: string, inboundEmailId: number) {
  const [row] = await db
    .select()
    .from(emails)
    .where(and(eq(emails.id, inboundEmailId), eq(emails.organizationId, organization)));
  return row;
}

/**
 * Archives the deal's pending drafts, so the next inbound email starts a thread's first draft
 * instead of bringing the pending one up to date (one pending draft per thread).
 */
export async function archivePendingDrafts(companyName: string) {
  const [deal] = await db.select().from(deals).where(eq(deals.companyName, companyName));
  if (!deal) throw new Error(`No deal for ${companyName}`);
  await db
    .update(emailDrafts)
    .set({ status: 'archived', statusBeforeArchive: 'pending', archivedAt: new Date() })
    .where(and(eq(emailDrafts.dealId, deal.id), eq(emailDrafts.status, 'pending')));
}
