import { sql } from 'drizzle-orm';
import { bigint, index, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/** Why a received email is held rather than on a deal. */
export const unroutedReasons = ['no_organization', 'unreadable_sender'] as const;
export type UnroutedReason = (typeof unroutedReasons)[number];

/**
 * Received email that no organization could take: sent to an address nobody receives at and
 * answering none of our messages, or with a sender that is not an address. Kept, never discarded;
 * shown in `make db-status` and, for their own domain, to admins on /settings.
 */
export const unroutedEmails = pgTable(
  'unrouted_emails',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    reason: text().$type<UnroutedReason>().notNull(),
    /** Resend's id of the received email: a redelivery under a new svix-id is held once. */
    providerMessageId: text(),
    svixId: text(),
    /** The From header as received (NUL and control characters removed). */
    fromRaw: text().notNull(),
    /** Every address it was delivered to, lower-cased. */
    toAddresses: text().array().notNull().default(sql`'{}'::text[]`),
    subject: text().notNull(),
    messageId: text(),
    inReplyTo: text(),
    /** The received email as Resend returned it (made storable: no NUL, no lone surrogates). */
    payload: jsonb().notNull(),
    receivedAt: timestamp({ withTimezone: true }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('unrouted_emails_provider_message_id_idx')
      .on(t.providerMessageId)
      .where(sql`${t.providerMessageId} is not null`),
    index('unrouted_emails_received_at_idx').on(t.receivedAt),
  ],
);
