import { and, desc, eq } from 'drizzle-orm';
import { devMailbox } from '../../../db/schema';
import type { Executor } from '../db';
import { env } from '../env';
import { NotFoundError } from '../errors';
import type { DeliveryAttempt, MailTransport, OutgoingEmail } from './types';

/**
 * Without a Resend key, "sending" writes the email to the `dev_mailbox` table. The idempotency key is
 * unique there, so a retried job files the email once, exactly as Resend would send it once.
 */
export function devMailboxTransport(db: Executor): MailTransport {
  return {
    name: 'dev-mailbox',
    async send(email: OutgoingEmail): Promise<DeliveryAttempt> {
      const [inserted] = await db
        .insert(devMailbox)
        .values({
          organizationId: email.organizationId,
          emailId: email.emailId,
          kind: email.kind ?? 'reply',
          idempotencyKey: email.idempotencyKey,
          fromAddress: email.from,
          toAddress: email.to,
          subject: email.subject,
          body: email.text,
          headers: email.replyTo ? { ...email.headers, 'Reply-To': email.replyTo } : email.headers,
        })
        .onConflictDoNothing({ target: devMailbox.idempotencyKey })
        .returning({ id: devMailbox.id });
      const id =
        inserted?.id ??
        (
          await db
            .select({ id: devMailbox.id })
            .from(devMailbox)
            .where(eq(devMailbox.idempotencyKey, email.idempotencyKey))
        )[0]?.id;
      if (id === undefined)
        return { outcome: 'retryable', message: 'Development mailbox row vanished', retryAfterSeconds: null };
      return { outcome: 'accepted', providerMessageId: `dev-mailbox-${id}`, status: 'delivered' };
    },
  };
}

/** The mailbox is where mail goes when no Resend key is set; with one, in production, it does not exist. */
export const isDevMailboxAvailable = () => !env.isProduction || !env.isResendConfigured;

/**
 * What the development mailbox holds for one organization, newest first. Invitations and password
 * resets carry links that grant access, so only admins see them.
 */
export async function listDevMailbox(
  db: Executor,
  params: { organizationId: string; includeAccountMail: boolean; limit?: number },
) {
  if (!isDevMailboxAvailable()) throw new NotFoundError('Page', '/dev/mailbox');
  return db
    .select()
    .from(devMailbox)
    .where(
      and(
        eq(devMailbox.organizationId, params.organizationId),
        params.includeAccountMail ? undefined : eq(devMailbox.kind, 'reply'),
      ),
    )
    .orderBy(desc(devMailbox.createdAt), desc(devMailbox.id))
    .limit(params.limit ?? 100);
}
