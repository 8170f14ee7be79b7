import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { organizations, users } from './auth';
import { emails } from './emails';
import { spaces } from './spaces';

export const knowledgeProposalStatuses = ['pending', 'accepted', 'dismissed'] as const;
export type KnowledgeProposalStatus = (typeof knowledgeProposalStatuses)[number];
export const knowledgeProposalKinds = ['addition', 'correction'] as const;
export type KnowledgeProposalKind = (typeof knowledgeProposalKinds)[number];

/** A fact value as a space stores it: a figure, a yes/no, or words ("full kitchen"). */
export type KnowledgeValue = number | boolean | string;

/**
 * A fact about a space that an agent's sent reply stated and the records did not hold (an
 * addition) or held differently (a correction). A manager accepts it into the space or dismisses
 * it; either way the row stays, so the same fact is not proposed twice.
 */
export const knowledgeProposals = pgTable(
  'knowledge_proposals',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    organizationId: text()
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    spaceId: bigint({ mode: 'number' })
      .notNull()
      .references(() => spaces.id, { onDelete: 'cascade' }),
    /** The space's field path, e.g. `detailedAmenities.parking.costMonthly`. */
    field: text().notNull(),
    value: jsonb().$type<KnowledgeValue>().notNull(),
    /** What the record held when the fact was proposed (null: nothing). */
    current: jsonb().$type<KnowledgeValue | null>(),
    kind: text({ enum: knowledgeProposalKinds }).notNull(),
    status: text({ enum: knowledgeProposalStatuses }).notNull().default('pending'),
    /** The sent email the fact came from, the words that state it, who sent it and when. */
    sourceEmailId: bigint({ mode: 'number' })
      .notNull()
      .references(() => emails.id, { onDelete: 'cascade' }),
    sourceText: text().notNull(),
    sentBy: text().references(() => users.id, { onDelete: 'set null' }),
    sentAt: timestamp({ withTimezone: true }).notNull(),
    decidedBy: text().references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('knowledge_proposals_org_status_idx').on(t.organizationId, t.status, t.createdAt),
    // One open proposal per fact: a second send of the same figure finds the first.
    uniqueIndex('knowledge_proposals_pending_fact_idx')
      .on(t.organizationId, t.spaceId, t.field, t.value)
      .where(sql`${t.status} = 'pending'`),
  ],
);

export const styleObservationKinds = ['greeting', 'signOff', 'length', 'deleted', 'added'] as const;
export type StyleObservationKind = (typeof styleObservationKinds)[number];

/**
 * An organization's style, as counts learned from sent edits: a greeting or sign-off seen in
 * sent replies, a typical length bucket, a phrase agents delete from or add to drafts. An admin
 * may remove an item; it keeps counting but is no longer used.
 */
export const styleObservations = pgTable(
  'style_observations',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    organizationId: text()
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    kind: text({ enum: styleObservationKinds }).notNull(),
    /** Normalised: `Hello {name},`, `Best,`, `~100 words`, `let me know what works`. */
    phrase: text().notNull(),
    count: integer().notNull().default(1),
    isRemoved: boolean().notNull().default(false),
    removedBy: text().references(() => users.id, { onDelete: 'set null' }),
    lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('style_observations_phrase_idx').on(t.organizationId, t.kind, t.phrase)],
);
