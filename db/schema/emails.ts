import { relations, sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  real,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { organizations } from './auth';
import { deals } from './deals';

export const emailDirections = ['inbound', 'outbound'] as const;
export const emailDirection = pgEnum('email_direction', emailDirections);

/** Outbound only. Ordered by how far delivery got; `cancelled` is an undone send. */
export const deliveryStatuses = [
  'queued',
  'sent',
  'delayed',
  'delivered',
  'bounced',
  'complained',
  'failed',
  'cancelled',
] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];
export const deliveryStatus = pgEnum('delivery_status', deliveryStatuses);

export const emails = pgTable(
  'emails',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    organizationId: text()
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    dealId: bigint({ mode: 'number' })
      .notNull()
      .references(() => deals.id, { onDelete: 'cascade' }),
    direction: emailDirection().notNull(),
    fromAddress: text().notNull(),
    fromName: text(),
    toAddress: text().notNull(),
    subject: text().notNull(),
    /** The full text as received or sent. */
    body: text().notNull(),
    /** Inbound: the new text only, quoted history and signature stripped (what drafting reads). */
    bodyClean: text(),
    /** RFC 5322 Message-ID, angle brackets included. */
    messageId: text().notNull(),
    inReplyTo: text(),
    references: text().array().notNull().default(sql`'{}'::text[]`),
    providerMessageId: text(),
    deliveryStatus: deliveryStatus(),
    deliveryError: text(),
    deliveryAttempts: integer().notNull().default(0),
    deliveryUpdatedAt: timestamp({ withTimezone: true }),
    isAiGenerated: boolean().notNull().default(false),
    /** When it was received (inbound) or committed for sending (outbound). */
    sentAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Inbound mail that needs an answer: the reply-time target. Null when none is owed. */
    replyDeadlineAt: timestamp({ withTimezone: true }),
    /** Set when a reply on the thread was sent; clears the reply-time target. */
    repliedAt: timestamp({ withTimezone: true }),
    /** Last failure of background draft generation for this inbound email, shown on the deal. */
    draftError: text(),
    /** Outbound replies from a draft: the AI version the sent body started from (its `version`). */
    draftVersion: integer(),
    /** Word-level closeness of the sent body to that version, 0–1 (1: sent unedited). */
    draftSimilarity: real(),
    draftEditDistance: integer(),
    /** The bodies match once quotes, signature and whitespace are normalised. */
    isSentUnedited: boolean(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('emails_thread_idx').on(t.dealId, t.sentAt, t.id),
    uniqueIndex('emails_message_id_idx').on(t.organizationId, t.messageId),
    uniqueIndex('emails_provider_message_id_idx')
      .on(t.providerMessageId)
      .where(sql`${t.providerMessageId} is not null`),
    index('emails_awaiting_reply_idx')
      .on(t.organizationId, t.replyDeadlineAt)
      .where(sql`${t.direction} = 'inbound' and ${t.repliedAt} is null and ${t.replyDeadlineAt} is not null`),
    index('emails_org_sent_at_idx').on(t.organizationId, t.direction, t.sentAt),
    index('emails_delivery_failed_idx')
      .on(t.organizationId)
      .where(sql`${t.deliveryStatus} in ('failed', 'bounced')`),
  ],
);

/** What "sending" wrote when no Resend key is configured; listed by /dev/mailbox. */
export const devMailbox = pgTable(
  'dev_mailbox',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    organizationId: text()
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    emailId: bigint({ mode: 'number' }).references(() => emails.id, { onDelete: 'set null' }),
    /** reply | invitation | password_reset: what the mailbox page labels the message as. */
    kind: text().notNull().default('reply'),
    idempotencyKey: text().notNull().unique(),
    fromAddress: text().notNull(),
    toAddress: text().notNull(),
    subject: text().notNull(),
    body: text().notNull(),
    headers: jsonb().$type<Record<string, string>>().notNull().default({}),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.organizationId, t.createdAt)],
);

/** Every verified webhook delivery, by its svix-id, so a replay is recognised. */
export const webhookEvents = pgTable('webhook_events', {
  svixId: text().primaryKey(),
  type: text().notNull(),
  payload: jsonb().notNull(),
  receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const emailsRelations = relations(emails, ({ one }) => ({
  deal: one(deals, { fields: [emails.dealId], references: [deals.id] }),
}));
